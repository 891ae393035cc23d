import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_KDF, makeDicom, makeSeries, newUid } from '../../test-support/dicom-fixtures';
import { concatBytes, encodeDataset, encodeMeta, part10File } from '../../test-support/dicom/test-fixtures';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { SourceFile } from '../sources/types';
import { createVault, openVault, type OpenVault } from '../vault/vault';
import { PreparePool } from './prepare-pool';
import { prepareFile, type PreparedFile } from './prepare-file';
import { runImport, type ImportContext } from './run-import';
import { buildTestWorkers, type TestWorkers } from '../../test-support/import/test-workers';
import { memorySourceFile } from '../../test-support/import/memory-source-file';
import { storedContents } from '../../test-support/import/stored-contents';

const PASS = 'correct horse battery staple';
const EXPLICIT_LE = { littleEndian: true, explicitVr: true };

/** Every kind of file an import meets, as name -> bytes. */
function fixtureFiles(): Map<string, Buffer> {
  const studyUid = newUid();
  const series = makeSeries(6, { studyUid, rows: 64, columns: 64 });
  const sopUid = newUid();
  const pdfDoc = part10File(encodeMeta('1.2.840.10008.1.2.1', '1.2.840.10008.5.1.4.1.1.104.1', newUid()), encodeDataset([
    { tag: 0x00080016, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.104.1' },
    { tag: 0x00080018, vr: 'UI', value: newUid() },
    { tag: 0x0020000d, vr: 'UI', value: studyUid },
    { tag: 0x0020000e, vr: 'UI', value: newUid() },
    { tag: 0x00420010, vr: 'ST', value: 'Discharge letter' },
    { tag: 0x00420011, vr: 'OB', value: concatBytes([Buffer.from('%PDF-1.4 embedded letter'), new Uint8Array(1)]) },
    { tag: 0x00420012, vr: 'LO', value: 'application/pdf' },
  ], EXPLICIT_LE));
  return new Map<string, Buffer>([
    ...series.map((bytes, i): [string, Buffer] => [`IMAGES/IM${i}`, bytes]),
    ['IMAGES/COPY-OF-IM0', series[0]!], // the same bytes twice in one import
    ['IMAGES/TINY', makeDicom({ studyUid, rows: 4, columns: 4 })], // below 4 KiB: a slice of Node's buffer pool
    ['IMAGES/SAME-UID-A', makeDicom({ studyUid, sopUid, seed: 1 })],
    ['IMAGES/SAME-UID-B', makeDicom({ studyUid, sopUid, seed: 2 })], // a conflict
    ['IMAGES/BROKEN', series[1]!.subarray(0, 200)],
    ['IMAGES/LETTER', Buffer.from(pdfDoc)],
    ['report.pdf', Buffer.from('%PDF-1.4\n% report\n%%EOF\n')],
    ['notes.txt', Buffer.from('not an image')],
  ]);
}

function writeFixtures(dir: string, files: Map<string, Buffer>): void {
  for (const [name, bytes] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
}

function sourceFile(relativePath: string, bytes: Buffer): SourceFile {
  return memorySourceFile(relativePath, bytes);
}

const hex = (b: Buffer | null | undefined): string | null => b?.toString('hex') ?? null;
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** A PreparedFile with its random blob ids replaced by the SHA-256 of what the blob decrypts to. */
async function comparable(vault: OpenVault, p: PreparedFile): Promise<unknown> {
  const decrypted = async (blob: { blobId: string; size: number; sha256: Buffer }) =>
    ({ ...blob, blobId: sha256(await vault.blobs.readAll(blob.blobId)) });
  if (p.kind === 'pdf') return { ...p, blob: await decrypted(p.blob) };
  if (p.kind !== 'instance') return p;
  return {
    ...p, blob: await decrypted(p.blob),
    embeddedPdf: p.embeddedPdf && { ...p.embeddedPdf, blob: await decrypted(p.embeddedPdf.blob) },
  };
}

function blobFilesOnDisk(vaultDir: string): string[] {
  const root = path.join(vaultDir, 'blobs');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'tmp')
    .flatMap((d) => readdirSync(path.join(root, d.name)).map((name) => path.join(root, d.name, name)));
}

/** Every blob named by a row decrypts to its recorded SHA-256, and no blob file lacks a row. */
async function expectConsistent(vault: OpenVault): Promise<void> {
  const blobs = vault.db.prepare('SELECT id, sha256 FROM blobs').all() as { id: string; sha256: Buffer }[];
  for (const blob of blobs) expect(sha256(await vault.blobs.readAll(blob.id))).toBe(hex(blob.sha256));
  expect(blobFilesOnDisk(vault.dir).length).toBe(blobs.length);
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { info: () => undefined, warn: (event) => warnings.push(event), warnings };
}

/** Names of this process's worker threads still alive (Linux only). */
function workerThreadsAlive(): number {
  return readdirSync('/proc/self/task').filter((t) => readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() === 'WorkerThread').length;
}

let workers: TestWorkers;
let root: string;
beforeAll(async () => { workers = await buildTestWorkers('prepare-pool'); });
afterAll(() => workers.cleanup());
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function freshVault(name: string): Promise<OpenVault> {
  return (await createVault({ dir: path.join(root, name), passphrase: PASS, ...FAST_KDF })).vault;
}

function importContext(prepare: NonNullable<ImportContext['prepare']>, log: Logger = silentLogger, onProgress?: (filesDone: number) => void): ImportContext {
  return {
    signal: new AbortController().signal, log, prepare,
    progress: { set: (p) => { if (p.filesDone !== undefined) onProgress?.(p.filesDone); } },
  };
}

describe('PreparePool', () => {
  let source: string;
  let files: Map<string, Buffer>;

  beforeAll(() => { files = fixtureFiles(); });
  const setUp = (): void => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sv-pool-'));
    source = path.join(root, 'CD');
    writeFixtures(source, files);
  };

  it('prepares every kind of file exactly as the main thread does', async () => {
    setUp();
    const [onMain, inWorkers] = [await freshVault('main'), await freshVault('workers')];
    const pool = new PreparePool(inWorkers, 2, workers.script, silentLogger);
    try {
      for (const [name, bytes] of files) {
        const expected = await comparable(onMain, await prepareFile(onMain, sourceFile(name, bytes)));
        expect(await comparable(inWorkers, await pool.prepare(sourceFile(name, bytes)))).toEqual(expected);
      }
      // Same on-disk format: the same number of blob files with the same sizes.
      const sizes = (v: OpenVault): number[] => blobFilesOnDisk(v.dir).map((f) => statSync(f).size).sort((a, b) => a - b);
      expect(sizes(inWorkers)).toEqual(sizes(onMain));
      expect(sizes(inWorkers).length).toBe(13);
    } finally {
      await pool.close();
      onMain.close();
      inWorkers.close();
    }
  });

  it('imports generated fixtures with the same outcome as the single-thread path', async () => {
    setUp();
    const [onMain, inWorkers] = [await freshVault('main'), await freshVault('workers')];
    const expected = await runImport(onMain, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' }, importContext({ workers: 0 }));
    const report = await runImport(inWorkers, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' },
      importContext({ workers: 2, workerScript: workers.script, minBytes: 0 }));
    expect(report).toEqual(expected);
    expect([report.imported, report.seenAgain, report.attachments, report.conflicts.length, report.failed.length]).toEqual([9, 1, 2, 1, 1]);
    expect(storedContents(inWorkers)).toEqual(storedContents(onMain));
    await expectConsistent(inWorkers);
    onMain.close();
    inWorkers.close();
  });

  it('skips files the vault already holds without writing blobs', async () => {
    setUp();
    const vault = await freshVault('vault');
    const viaWorkers = importContext({ workers: 2, workerScript: workers.script, minBytes: 0 });
    await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' }, viaWorkers);
    const blobsBefore = blobFilesOnDisk(vault.dir).length;
    const again = await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD again' }, viaWorkers);
    expect([again.imported, again.seenAgain, again.attachments]).toEqual([0, 12, 0]);
    expect(blobFilesOnDisk(vault.dir).length).toBe(blobsBefore);
    // The workers learn the vault's files when they start, and skip them before parsing or encrypting.
    const pool = new PreparePool(vault, 1, workers.script, silentLogger);
    const known = await pool.prepare(sourceFile('IM0', files.get('IMAGES/IM0')!));
    const fresh = await pool.prepare(sourceFile('NEW', makeDicom({ rows: 8, columns: 8 })));
    await pool.close();
    expect([known.kind, fresh.kind]).toEqual(['known', 'instance']);
    vault.close();
  });

  it.each([
    ['its only worker', 1],
    ['both its workers', 2],
  ])('prepares the files again on the main thread when %s crash mid-import', async (_name, count) => {
    setUp();
    const [onMain, vault] = [await freshVault('main'), await freshVault('workers')];
    const expected = await runImport(onMain, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' }, importContext({ workers: 0 }));
    onMain.close();
    const log = recordingLogger();
    // Each worker throws an uncaught error on its 3rd file, after writing that file's blob.
    const report = await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' },
      importContext({ workers: count, workerScript: workers.crashingScript(3), minBytes: 0 }, log));
    expect(report).toEqual(expected);
    expect(log.warnings).toEqual(Array(count).fill('import.worker-lost'));
    vault.close();
    // The crashed worker may have left a blob without a row; the sweep at the next open removes it.
    const reopened = await openVault({ dir: path.join(root, 'workers'), passphrase: PASS, kdfPolicy: FAST_KDF.kdfPolicy });
    await expectConsistent(reopened);
    expect((reopened.db.prepare('SELECT COUNT(*) AS n FROM instances').get() as { n: number }).n).toBe(10);
    reopened.close();
  });

  it('prepares on the main thread when the worker entry cannot be loaded', async () => {
    setUp();
    const vault = await freshVault('vault');
    const log = recordingLogger();
    const report = await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' },
      importContext({ workers: 2, workerScript: path.join(workers.dir, 'missing.mjs'), minBytes: 0 }, log));
    expect([report.imported, report.seenAgain, report.failed.length]).toEqual([9, 1, 1]);
    expect(log.warnings).toEqual(['import.worker-lost', 'import.worker-lost']);
    await expectConsistent(vault);
    vault.close();
  });

  describe.skipIf(process.platform !== 'linux')('worker threads end with the import', () => {
    it('after a successful import', async () => {
      setUp();
      const before = workerThreadsAlive();
      const vault = await freshVault('vault');
      let during = 0;
      await runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' },
        importContext({ workers: 2, workerScript: workers.script, minBytes: 0 }, silentLogger, () => { during = Math.max(during, workerThreadsAlive()); }));
      expect(during).toBe(before + 2);
      expect(workerThreadsAlive()).toBe(before);
      vault.close();
    });

    it('when the vault is locked mid-import', async () => {
      setUp();
      const before = workerThreadsAlive();
      const vault = await freshVault('vault');
      const lockAfterThree = (filesDone: number): void => { if (filesDone === 3) vault.close(); };
      await expect(runImport(vault, { kind: 'paths', paths: [source] }, { sourceLabel: 'CD' },
        importContext({ workers: 2, workerScript: workers.script, minBytes: 0 }, silentLogger, lockAfterThree)))
        .rejects.toMatchObject({ code: 'VAULT_LOCKED' });
      expect(workerThreadsAlive()).toBe(before);
    });
  });
});
