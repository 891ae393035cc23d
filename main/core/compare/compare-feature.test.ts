import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDicom, newUid } from '../../test-support/dicom-fixtures';
import { paintRegion, withNewUids } from '../../test-support/compare/altered-copies';
import { makeCompareVault, type CompareVault } from '../../test-support/compare/compare-vault';
import { buildZip } from '../../test-support/sources/zip-fixture';
import type { ProgressSink } from '../jobs/job-runner';
import { blobFilePath } from '../vault/blob-paths';
import { runCompare } from './run-compare';

const SOP = newUid();
const original = makeDicom({ sopUid: SOP, rows: 24, columns: 24, seed: 9 });
let vault: CompareVault;

beforeAll(async () => { vault = await makeCompareVault([{ 'IM.dcm': original }]); }, 60_000);
afterAll(async () => { await vault.cleanup(); });

const noProgress: ProgressSink = { set: () => undefined };

describe('compare feature', () => {
  it('recognises a copy of one of the vault’s own shares through the injected UID mapping', async () => {
    // A share renames every UID; here the copy also has its pixels changed, so only the mapping can pair it.
    const shared = withNewUids(paintRegion(original, [0, 0, 0, 0], 9999));
    const dir = vault.writeCopies('share', { 'shared.dcm': shared.bytes });
    const lookups: string[] = [];
    const exportUidLookup = (uid: string) => { lookups.push(uid); return uid === shared.sopInstanceUid ? SOP : null; };
    const report = await runCompare(vault.core.requireVault(), { kind: 'paths', paths: [dir] }, { signal: new AbortController().signal, progress: noProgress, exportUidLookup });
    expect(lookups).toEqual([shared.sopInstanceUid]);
    expect(report.results[0]).toMatchObject({ outcome: 'pixels-changed', matchedBy: 'share-uid', original: { sopInstanceUid: SOP } });
    const without = await runCompare(vault.core.requireVault(), { kind: 'paths', paths: [dir] }, { signal: new AbortController().signal, progress: noProgress, exportUidLookup: () => null });
    expect(without.results[0]?.outcome).toBe('no-original');
  });

  it('compares files uploaded by the browser (held in memory) and serves the copy on the byte channel until the vault locks', async () => {
    const painted = paintRegion(original, [3, 4, 5, 6], 9999);
    const { uploadId } = await vault.core.beginUpload();
    const reserved = vault.core.uploads.reserve({ uploadId, relativePath: 'dropped/painted.dcm', size: painted.length });
    if (!reserved.ok) throw new Error(reserved.reason);
    reserved.reservation.bytes.set(painted);
    expect(reserved.reservation.commit()).toBe(true);
    const { jobId } = await vault.core.startCompare({ uploadId });
    const job = await vault.core.waitForJob(jobId);
    expect(job.kind).toBe('compare');
    expect(job.progress.filesDone).toBe(1);
    const result = job.compareReport?.results[0];
    expect(result).toMatchObject({ path: 'dropped/painted.dcm', outcome: 'pixels-changed', pixels: { frames: [{ boxes: [[3, 4, 5, 6]] }] } });
    const copyId = result?.copyId ?? 0;
    const opened = await vault.core.openBytes({ kind: 'compare-copy', id: copyId });
    const chunks: Buffer[] = [];
    for await (const chunk of await opened.stream(0, opened.size)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(painted)).toBe(true);
    await expect(vault.core.openBytes({ kind: 'compare-copy', id: copyId + 1000 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await vault.core.lockNow();
    await vault.core.unlock({ passphrase: 'correct horse battery staple' });
    await expect(vault.core.openBytes({ kind: 'compare-copy', id: copyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads copies inside a zip, naming each by its path inside the archive', async () => {
    const zip = buildZip([{ name: 'disc/IM.dcm', data: original }, { name: 'disc/README.TXT', data: Buffer.from('hello') }]);
    const dir = vault.writeCopies('zipped', { 'copy.zip': zip });
    const report = await vault.compare([path.join(dir, 'copy.zip')]);
    expect(report.results.map((r) => [r.path, r.outcome])).toEqual([['copy.zip/disc/IM.dcm', 'identical']]);
    expect(report.skipped.map((s) => s.path)).toEqual(['copy.zip/disc/README.TXT']);
  });

  it('stores nothing of the copies in the vault', async () => {
    const before = vault.core.requireVault().db.prepare('SELECT (SELECT count(*) FROM instances) + (SELECT count(*) FROM blobs) + (SELECT count(*) FROM import_files)').pluck().get();
    const dir = vault.writeCopies('nothing-stored', { 'new.dcm': makeDicom({ rows: 30, columns: 30 }) });
    const report = await vault.compare([dir]);
    expect(report.results[0]?.outcome).toBe('no-original');
    expect(vault.core.requireVault().db.prepare('SELECT (SELECT count(*) FROM instances) + (SELECT count(*) FROM blobs) + (SELECT count(*) FROM import_files)').pluck().get()).toBe(before);
    expect(readFileSync(path.join(dir, 'new.dcm')).length).toBeGreaterThan(0);
  });
});

describe('compare: stopping and damage', () => {
  it('a compare stopped while it looks for files, or while it compares, ends "cancelled" (with the results so far)', async () => {
    const dir = vault.writeCopies('many', Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`c${i}.dcm`, makeDicom({ rows: 128, columns: 128, seed: i })])));
    const early = await vault.core.startCompare({ paths: [dir] });
    expect((await vault.core.cancelJob(early)).state).toBe('cancelled');
    const { jobId } = await vault.core.startCompare({ paths: [dir] });
    await expect.poll(async () => (await vault.core.getJob({ jobId })).progress.filesDone, { interval: 5 }).toBeGreaterThan(0);
    const job = await vault.core.cancelJob({ jobId });
    expect(job.state).toBe('cancelled');
    expect(job.compareReport?.results.length).toBeGreaterThan(0);
    expect(job.compareReport?.results.length).toBeLessThan(80);
  });

  it('an original that cannot be decrypted fails that copy alone, with what to do', async () => {
    const db = vault.core.requireVault().db;
    const blobId = db.prepare<[string], string>('SELECT blob_id FROM instances WHERE sop_instance_uid = ?').pluck().get(SOP) ?? '';
    const blobFile = blobFilePath(path.join(vault.root, 'vault'), blobId);
    const bytes = readFileSync(blobFile);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] ?? 0) ^ 0xff;
    writeFileSync(blobFile, bytes);
    const dir = vault.writeCopies('damaged-original', { 'IM.dcm': original, 'other.dcm': makeDicom({ rows: 30, columns: 30 }) });
    const report = await vault.compare([dir]);
    expect(report.failed).toEqual([{ path: expect.stringMatching(/IM\.dcm$/) as unknown, error: expect.stringContaining('Check vault') as unknown }]);
    expect(report.results.map((r) => r.outcome)).toEqual(['no-original']);
  });
});
