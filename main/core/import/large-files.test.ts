import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom } from '../../test-support/dicom-fixtures';
import { compressedFile, encodeJpegLs } from '../../test-support/dicom/compressed-fixtures';
import { multiFrameFile } from '../../test-support/dicom/multi-frame-fixture';
import { storedContents } from '../../test-support/import/stored-contents';
import { buildTestWorkers, type TestWorkers } from '../../test-support/import/test-workers';
import { buildZip } from '../../test-support/sources/zip-fixture';
import { silentLogger } from '../log';
import { ERROR_MESSAGES } from '../sources/messages';
import { createVault, type OpenVault } from '../vault/vault';
import { computePendingDigests } from './background-digests';
import type { PrepareThreadOptions } from './preparer';
import { runImport, type ImportContext } from './run-import';

const PASS = 'correct horse battery staple';
const STREAM_ALL: PrepareThreadOptions = { workers: 0, large: { streamAboveBytes: 1024, maxHeaderBytes: 64 * 1024, maxFrameBytes: 1024 * 1024 } };

/** One 8-bit RLE Lossless frame of literal runs. */
function rleFrame(frame: Uint8Array): Uint8Array {
  const header = Buffer.alloc(64);
  header.writeUInt32LE(1, 0);
  header.writeUInt32LE(64, 4);
  const runs: Buffer[] = [];
  for (let at = 0; at < frame.length; at += 128) runs.push(Buffer.from([Math.min(128, frame.length - at) - 1]), Buffer.from(frame.subarray(at, at + 128)));
  const body = Buffer.concat([header, ...runs]);
  return body.length % 2 === 0 ? body : Buffer.concat([body, Buffer.alloc(1)]);
}

let root: string;
let workers: TestWorkers;
beforeAll(async () => { workers = await buildTestWorkers('large-files'); });
afterAll(() => workers.cleanup());
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeSource(headerPadding = 20_000): string {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-large-'));
  const cd = path.join(root, 'CD');
  mkdirSync(path.join(cd, 'IMAGES'), { recursive: true });
  const frame = new Uint8Array(128 * 128).map((_, i) => (i * 7) & 0xff);
  const files: [string, Uint8Array][] = [
    ['IMAGES/CINE', multiFrameFile({ frames: 12, rows: 32, columns: 24 })],
    ['IMAGES/CT', makeDicom({ rows: 48, columns: 48 })],
    ['IMAGES/RLE', compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.5', rows: 128, columns: 128, bitsAllocated: 8, fragments: [rleFrame(frame)] })],
    ['IMAGES/HUGE-HEADER', multiFrameFile({ frames: 1, rows: 4, columns: 4, headerPadding })],
    ['notes.txt', Buffer.from('not an image, but more than a kilobyte long. '.repeat(40))],
    ['portal.zip', buildZip([
      { name: 'A/IM1', data: multiFrameFile({ frames: 3, rows: 16, columns: 16, seed: 3 }) },
      { name: 'A/IM2', data: makeDicom({ rows: 40, columns: 40 }), method: 0, declaredCrc: 12345 },
      { name: 'A/IM3', data: makeDicom({ rows: 40, columns: 40 }) },
    ])],
  ];
  for (const [name, bytes] of files) writeFileSync(path.join(cd, name), bytes);
  return cd;
}

async function freshVault(name: string): Promise<OpenVault> {
  return (await createVault({ dir: path.join(root, name), passphrase: PASS, ...FAST_KDF })).vault;
}

const context = (prepare: PrepareThreadOptions): ImportContext => ({ signal: new AbortController().signal, log: silentLogger, prepare, progress: { set: () => undefined } });

describe('importing with large-file streaming', () => {
  it('stores exactly what reading files whole stores, once the background pass ran; bad files fail alone', async () => {
    const cd = writeSource();
    const [whole, streamed] = [await freshVault('whole'), await freshVault('streamed')];
    const expected = await runImport(whole, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context({ workers: 0 }));
    const report = await runImport(streamed, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context(STREAM_ALL));
    expect({ ...report, batchId: 0 }).toEqual({ ...expected, batchId: 0 });
    expect(report.failed).toEqual([{ path: 'CD/portal.zip/A/IM2', error: ERROR_MESSAGES.ZIP_ENTRY_CORRUPT }]);
    expect(report.imported).toBe(6);
    // Streaming leaves the compressed file to the background pass; whole reading decoded it at once.
    const status = (v: OpenVault) => v.db.prepare(`SELECT pixel_digest_status FROM instances WHERE transfer_syntax = '1.2.840.10008.1.2.5'`).pluck().get();
    expect([status(whole), status(streamed)]).toEqual(['done', 'pending']);
    expect(await computePendingDigests(streamed)).toMatchObject({ done: 1 });
    expect(storedContents(streamed)).toEqual(storedContents(whole));
    whole.close();
    streamed.close();
  });

  it('streams large files on the main thread while workers prepare the small ones, with the same result', async () => {
    const cd = writeSource();
    const [whole, mixed] = [await freshVault('whole'), await freshVault('mixed')];
    await runImport(whole, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context({ workers: 0 }));
    // Between the sizes of the files: some go to the workers whole, the others stream here.
    const large = { streamAboveBytes: 10_000, maxHeaderBytes: 64 * 1024, maxFrameBytes: 1024 * 1024 };
    const report = await runImport(mixed, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' },
      context({ workers: 2, workerScript: workers.script, minBytes: 0, large }));
    expect(report.imported).toBe(6);
    // The compressed file (16 KiB) streamed: left for the background pass; the CT went to a worker whole.
    const statusOf = (sql: string) => mixed.db.prepare(`SELECT pixel_digest_status FROM instances WHERE ${sql}`).pluck().get();
    expect([statusOf(`transfer_syntax = '1.2.840.10008.1.2.5'`), statusOf('rows = 48')]).toEqual(['pending', 'done']);
    await computePendingDigests(mixed);
    expect(storedContents(mixed)).toEqual(storedContents(whole));
    whole.close();
    mixed.close();
  });

  it('fails a file whose header passes the limit alone, and the rest imports', async () => {
    const cd = writeSource(200_000);
    const vault = await freshVault('v');
    const tight = { ...STREAM_ALL, large: { ...STREAM_ALL.large, maxHeaderBytes: 16 * 1024 } };
    await runImport(vault, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context(tight));
    const outcome = vault.db.prepare(`SELECT outcome, reason FROM import_files WHERE relative_path = 'CD/IMAGES/HUGE-HEADER'`).get();
    expect(outcome).toMatchObject({ reason: expect.stringContaining('descriptive part of this file') as unknown });
    expect(vault.db.prepare('SELECT COUNT(*) FROM instances').pluck().get()).toBe(5);
    vault.close();
  });

  it('recognises streamed files on a second import without keeping a second copy', async () => {
    const cd = writeSource();
    const vault = await freshVault('v');
    await runImport(vault, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context(STREAM_ALL));
    const blobs = (await vault.blobs.listOnDisk()).length;
    const again = await runImport(vault, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD again' }, context(STREAM_ALL));
    expect([again.imported, again.seenAgain]).toEqual([0, 6]);
    expect((await vault.blobs.listOnDisk()).length).toBe(blobs);
    vault.close();
  });

  it('streams a stored file too large to decode in memory through the background pass, frame by frame', async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-large-'));
    const cd = path.join(root, 'CD');
    mkdirSync(cd);
    const frame = (seed: number) => ({ width: 32, height: 32, components: 1, bitsPerSample: 8, bytes: new Uint8Array(1024).map((_, i) => (i * seed) & 0xff) });
    const fragments = await Promise.all([3, 5, 7, 11].map(async (seed) => encodeJpegLs(frame(seed))));
    writeFileSync(path.join(cd, 'JLS'), compressedFile({ transferSyntaxUid: '1.2.840.10008.1.2.4.80', rows: 32, columns: 32, bitsAllocated: 8, frames: 4, fragments }));
    const [whole, streamed] = [await freshVault('whole'), await freshVault('streamed')];
    for (const v of [whole, streamed]) await runImport(v, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context(STREAM_ALL));
    expect(await computePendingDigests(whole)).toMatchObject({ done: 1 });
    expect(await computePendingDigests(streamed, { maxInMemoryBytes: 100 })).toMatchObject({ done: 1 });
    const digests = (v: OpenVault) => v.db.prepare('SELECT hex(frame_digests) FROM instances').pluck().get() as string;
    expect(digests(streamed)).toHaveLength(4 * 64);
    expect(digests(streamed)).toBe(digests(whole));
    whole.close();
    streamed.close();
  });

  it('marks a pending file it cannot decode frame by frame (RLE) instead of reading it whole', async () => {
    const cd = writeSource();
    const vault = await freshVault('v');
    await runImport(vault, { kind: 'paths', paths: [cd] }, { sourceLabel: 'CD' }, context(STREAM_ALL));
    expect(await computePendingDigests(vault, { maxInMemoryBytes: 100 })).toMatchObject({ done: 0, none: 1, failed: 0 });
    vault.close();
  });
});
