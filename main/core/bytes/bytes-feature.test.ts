import { truncateSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BYTE_VAULT_PASSPHRASE, makeByteVault, type ByteVault } from '../../test-support/bytes/byte-vault';
import { BYTE_STREAM_HIGH_WATER_MARK } from './bytes-feature';

const CHUNK = 65536;

describe('BytesFeature (through ScanVaultCore.openBytes)', () => {
  let vault: ByteVault;
  let bigId: number;
  beforeAll(async () => {
    vault = await makeByteVault();
    bigId = [...vault.instances.entries()].sort((a, b) => b[1].length - a[1].length)[0]![0];
  }, 60_000);
  afterAll(() => vault.cleanup());

  it('refuses unknown ids with NOT_FOUND', async () => {
    await expect(vault.core.openBytes({ kind: 'instance', id: 424242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(vault.core.openBytes({ kind: 'attachment', id: 424242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pulls only as much as the reader takes: an unread stream holds about one chunk', async () => {
    const opened = await vault.core.openBytes({ kind: 'instance', id: bigId });
    const stream = await opened.stream(0, opened.size);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.readableLength).toBeLessThanOrEqual(BYTE_STREAM_HIGH_WATER_MARK + CHUNK);
    stream.destroy();
    await new Promise((resolve) => stream.once('close', resolve));
  });

  it('locking ends an open stream with VAULT_LOCKED, and nothing opens while locked', async () => {
    const opened = await vault.core.openBytes({ kind: 'instance', id: bigId });
    const stream = await opened.stream(0, opened.size);
    const failed = new Promise<unknown>((resolve) => stream.once('error', resolve));
    const first: unknown = stream.read() ?? await new Promise((resolve) => stream.once('readable', () => resolve(stream.read())));
    expect(first).toBeInstanceOf(Buffer);
    await vault.core.lock();
    expect(await failed).toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(vault.core.openBytes({ kind: 'instance', id: bigId })).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await vault.core.unlock({ passphrase: BYTE_VAULT_PASSPHRASE });
  });

  it('a blob file that no longer holds the recorded size is BLOB_CORRUPT before any byte', async () => {
    const file = vault.blobFileOf('instance', bigId);
    // Cut inside chunk 2: chunks 0-1 still verify, only the size shows the loss.
    truncateSync(file, 89 + 2 * (CHUNK + 16) + 500);
    expect(statSync(file).size).toBe(89 + 2 * (CHUNK + 16) + 500);
    await expect(vault.core.openBytes({ kind: 'instance', id: bigId })).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
  });
});
