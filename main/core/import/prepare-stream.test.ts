import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom, newUid } from '../../test-support/dicom-fixtures';
import { compressedFile } from '../../test-support/dicom/compressed-fixtures';
import { multiFrameFile } from '../../test-support/dicom/multi-frame-fixture';
import { concatBytes, encodeDataset, encodeMeta, part10File } from '../../test-support/dicom/test-fixtures';
import { memorySourceFile } from '../../test-support/import/memory-source-file';
import { createVault, type OpenVault } from '../vault/vault';
import { computePendingDigests } from './background-digests';
import { prepareFile, type PreparedFile } from './prepare-file';
import { HEADER_TOO_LARGE, type LargeFileOptions } from './prepare-stream';

const PASS = 'correct horse battery staple';
const RLE_LOSSLESS = '1.2.840.10008.1.2.5';
/** Every file streamed, in odd-sized chunks, with a header limit small enough to be reached. */
const STREAM_ALL: LargeFileOptions = { streamAboveBytes: 0, maxHeaderBytes: 64 * 1024, maxFrameBytes: 1024 * 1024 };

/** One 8-bit RLE Lossless frame: a single segment of literal runs (at most 128 bytes each). */
function encodeRle(frame: Uint8Array): Uint8Array {
  const header = Buffer.alloc(64);
  header.writeUInt32LE(1, 0);
  header.writeUInt32LE(64, 4);
  const runs: Buffer[] = [];
  for (let at = 0; at < frame.length; at += 128) {
    const run = frame.subarray(at, at + 128);
    runs.push(Buffer.from([run.length - 1]), Buffer.from(run));
  }
  const body = Buffer.concat([header, ...runs]);
  return body.length % 2 === 0 ? body : Buffer.concat([body, Buffer.alloc(1)]);
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function letterFile(): Buffer {
  return Buffer.from(part10File(encodeMeta('1.2.840.10008.1.2.1', '1.2.840.10008.5.1.4.1.1.104.1', newUid()), encodeDataset([
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.104.1' },
    { tag: 0x00080018, vr: 'UI', value: newUid() },
    { tag: 0x0020000d, vr: 'UI', value: newUid() },
    { tag: 0x0020000e, vr: 'UI', value: newUid() },
    { tag: 0x00420010, vr: 'ST', value: 'Discharge letter' },
    { tag: 0x00420011, vr: 'OB', value: concatBytes([Buffer.from('%PDF-1.4 embedded letter'), new Uint8Array(1)]) },
    { tag: 0x00420012, vr: 'LO', value: 'application/pdf' },
  ], { littleEndian: true, explicitVr: true })));
}

/** Files whose every outcome field streaming must reproduce. */
function fixtures(): [string, Buffer][] {
  const ct = makeDicom({ rows: 64, columns: 64 });
  return [
    ['CT', ct],
    ['MULTI-16', multiFrameFile({ frames: 7, rows: 40, columns: 30 })],
    ['MULTI-BIG-ENDIAN', multiFrameFile({ frames: 5, rows: 20, columns: 20, bigEndian: true })],
    ['RGB-BY-PLANE', multiFrameFile({ frames: 3, rows: 16, columns: 10, bitsAllocated: 8, samplesPerPixel: 3, byPlane: true })],
    ['LARGE-HEADER', multiFrameFile({ frames: 2, rows: 8, columns: 8, headerPadding: 20_000 })],
    ['SHORT-PIXELS', ct.subarray(0, ct.length - 100)],
    ['BROKEN', ct.subarray(0, 200)],
    ['LETTER', letterFile()],
    ['report.pdf', Buffer.from('%PDF-1.4\n% report\n%%EOF\n')],
    ['notes.txt', Buffer.from('not an image')],
  ];
}

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function freshVault(name: string): Promise<OpenVault> {
  root ??= mkdtempSync(path.join(os.tmpdir(), 'sv-stream-'));
  return (await createVault({ dir: path.join(root, name), passphrase: PASS, ...FAST_KDF })).vault;
}

/** A PreparedFile with its random blob ids replaced by the SHA-256 of what the blob decrypts to. */
async function comparable(vault: OpenVault, p: PreparedFile): Promise<unknown> {
  const decrypted = async (blob: { blobId: string; size: number; sha256: Buffer }) =>
    ({ ...blob, blobId: sha256(await vault.blobs.readAll(blob.blobId)) });
  if (p.kind === 'pdf') return { ...p, blob: await decrypted(p.blob) };
  if (p.kind !== 'instance') return p;
  return { ...p, blob: await decrypted(p.blob), embeddedPdf: p.embeddedPdf && { ...p.embeddedPdf, blob: await decrypted(p.embeddedPdf.blob) } };
}

describe('streaming preparation of large files', () => {
  it('gives every kind of file the outcome reading it whole gives, frame digests included', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-stream-'));
    const [whole, streamed] = [await freshVault('whole'), await freshVault('streamed')];
    for (const [name, bytes] of fixtures()) {
      const expected = await comparable(whole, await prepareFile(whole, memorySourceFile(name, bytes)));
      const got = await comparable(streamed, await prepareFile(streamed, memorySourceFile(name, bytes, 997), STREAM_ALL));
      expect({ name, got }).toEqual({ name, got: expected });
    }
    const multi = await prepareFile(streamed, memorySourceFile('again', multiFrameFile({ frames: 4, rows: 9, columns: 9 }), 333), STREAM_ALL);
    expect(multi.kind === 'instance' && [multi.pixelDigestStatus, multi.frameDigests?.length]).toEqual(['done', 4 * 32]);
    whole.close();
    streamed.close();
  });

  it('fails a file whose header is larger than the limit alone, writing no blob', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-stream-'));
    const vault = await freshVault('v');
    const bytes = multiFrameFile({ frames: 2, rows: 8, columns: 8, headerPadding: 100_000 });
    const p = await prepareFile(vault, memorySourceFile('HUGE-HEADER', bytes), STREAM_ALL);
    expect(p).toMatchObject({ kind: 'damaged', reason: HEADER_TOO_LARGE, size: bytes.length });
    expect(p.kind === 'damaged' && p.sha256.toString('hex')).toBe(sha256(bytes));
    expect(await vault.blobs.listOnDisk()).toEqual([]);
    vault.close();
  });

  it('leaves compressed pixel data to the background pass, which computes the same digests', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-stream-'));
    const [whole, streamed] = [await freshVault('whole'), await freshVault('streamed')];
    const frame = new Uint8Array(8 * 8).map((_, i) => (i * 5) & 0xff);
    const rle = Buffer.from(compressedFile({ transferSyntaxUid: RLE_LOSSLESS, rows: 8, columns: 8, bitsAllocated: 8, fragments: [encodeRle(frame)] }));
    const inMemory = await prepareFile(whole, memorySourceFile('RLE', rle));
    const viaStream = await prepareFile(streamed, memorySourceFile('RLE', rle, 100), STREAM_ALL);
    expect(inMemory.kind === 'instance' && inMemory.pixelDigestStatus).toBe('done');
    expect(viaStream.kind === 'instance' && [viaStream.pixelDigestStatus, viaStream.frameDigests]).toEqual(['pending', null]);
    const [a, b] = [await computePendingDigests(whole), await computePendingDigests(streamed)];
    expect([a.done, b.done]).toEqual([0, 0]); // nothing committed yet: prepareFile alone writes no rows
    whole.close();
    streamed.close();
  });
});
