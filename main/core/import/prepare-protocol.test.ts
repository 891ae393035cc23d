import { describe, expect, it } from 'vitest';
import { toCoreError } from '../core-error';
import { VaultError } from '../vault/errors';
import type { PreparedFile } from './prepare-file';
import { asBuffer, fromWireError, ownedBytes, revivePrepared, toWireError } from './prepare-protocol';

describe('prepare protocol', () => {
  it('moves a buffer that owns its memory and copies one that shares it', () => {
    const whole = Buffer.allocUnsafeSlow(10_000).fill(7);
    expect(ownedBytes(whole)).toBe(whole);
    const pooled = Buffer.from('small'); // Node's pool: one slice of a shared 8 KiB ArrayBuffer
    const copy = ownedBytes(pooled);
    expect([copy === pooled, copy.byteOffset, copy.buffer.byteLength, Buffer.from(copy).toString()]).toEqual([false, 0, 5, 'small']);
    const slice = whole.subarray(10, 20);
    expect([ownedBytes(slice).buffer === whole.buffer, ownedBytes(slice).length]).toEqual([false, 10]);
  });

  it('turns the plain Uint8Arrays that arrive from a worker back into Buffers', () => {
    const u8 = (n: number): Uint8Array => new Uint8Array(32).fill(n);
    const blob = (n: number) => ({ blobId: 'ab'.repeat(16), size: 3, sha256: u8(n) as Buffer });
    const cloned = structuredClone({
      path: 'x', size: 3, kind: 'instance', sha256: u8(1), facts: {}, warnings: [], blob: blob(2), datasetSha256: u8(3),
      pixelDigestStatus: 'done', frameDigests: u8(4), embeddedPdf: { sha256: u8(5), blob: blob(6), title: 'Letter' },
    }) as unknown as PreparedFile;
    const revived = revivePrepared(cloned);
    if (revived.kind !== 'instance' || revived.embeddedPdf === null || revived.frameDigests === null) throw new Error('kind');
    const buffers = [revived.sha256, revived.blob.sha256, revived.datasetSha256, revived.frameDigests, revived.embeddedPdf.sha256, revived.embeddedPdf.blob.sha256];
    expect(buffers.map((b) => [Buffer.isBuffer(b), b[0]])).toEqual([[true, 1], [true, 2], [true, 3], [true, 4], [true, 5], [true, 6]]);
    expect(asBuffer(u8(9)).length).toBe(32);
  });

  it('gives each digest memory of its own, so a held prepared file does not keep a pool slab alive', () => {
    const digest = Buffer.alloc(32, 1);
    const pooled = Buffer.concat([digest, digest]); // a slice of Node's shared allocation pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(64);
    const revived = revivePrepared({ path: 'x', size: 3, kind: 'not-dicom', sha256: pooled, reason: 'r' });
    if (revived.kind !== 'not-dicom') throw new Error('kind');
    expect([revived.sha256.buffer.byteLength, revived.sha256.equals(pooled)]).toEqual([64, true]);
    expect(structuredClone({ d: revived.sha256 }).d.buffer.byteLength).toBe(64);
  });

  it('keeps the code of an error thrown in a worker, so the import reports it the same way', () => {
    const wire = structuredClone(toWireError(new VaultError('VAULT_LOCKED')));
    const error = fromWireError(wire);
    expect([error.name, toCoreError(error).code]).toEqual(['VaultError', 'VAULT_LOCKED']);
    expect(toCoreError(fromWireError(toWireError(Object.assign(new Error('ENOSPC: /path/x'), { code: 'ENOSPC' })))).code).toBe('INTERNAL');
    expect(fromWireError(toWireError('thrown text'))).toMatchObject({ message: 'Preparing a file failed.' });
  });
});
