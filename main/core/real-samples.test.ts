/**
 * The real-sample suite: imports every file of ../shared/dicom-samples (skipped when absent) and
 * checks that each one is stored, or skipped/failed with a reason; that DICOM files dcmtk reads all
 * import; that the CD tree imports through its DICOMDIR; and that nothing identifying leaks into the
 * vault folder.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { libraryRecords, type ImportReport, type Library } from '../../shared/domain';
import { FAST_KDF } from '../test-support/dicom-fixtures';
import { readManifest, SAMPLES_DIR, samplesPresent } from '../test-support/sample-corpus';
import { silentLogger } from './log';
import { ScanVaultCore } from './scanvault-core';

const PASS = 'correct horse battery staple';

async function importPaths(core: ScanVaultCore, paths: string[], sourceLabel: string): Promise<ImportReport> {
  const { jobId } = await core.startImport({ paths, provenance: { sourceLabel } });
  const job = await core.waitForJob(jobId);
  expect(job.error).toBeUndefined();
  return job.importReport!;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.skipIf(!samplesPresent)('real sample corpus', () => {
  let core: ScanVaultCore;
  let vaultDir: string;
  let report: ImportReport;
  let library: Library;

  beforeAll(async () => {
    vaultDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sv-real-')), 'vault');
    core = new ScanVaultCore({ vaultDir, host: 'cli', log: silentLogger, ...FAST_KDF });
    await core.createVault({ passphrase: PASS });
    report = await importPaths(core, [SAMPLES_DIR], 'sample corpus');
    library = await core.listLibrary();
  }, 120_000);

  it('accounts for every file: stored, seen again, conflict, skipped or failed — each non-stored one with a reason', () => {
    const outcome = new Map<string, string>();
    for (const s of report.skipped) outcome.set(s.path, `skipped: ${s.reason}`);
    for (const f of report.failed) outcome.set(f.path, `failed: ${f.error}`);
    for (const s of [...report.skipped, ...report.failed]) expect(outcome.get(s.path)!.length).toBeGreaterThan(15);
    const rows = readManifest();
    const stored = report.imported + report.seenAgain + report.conflicts.length + report.attachments;
    // zip entries and DICOMDIR-listed files are counted by the importer too; the manifest lists the zip once.
    expect(stored + report.skipped.length + report.failed.length).toBeGreaterThanOrEqual(rows.length);
    expect(report.imported).toBeGreaterThan(350);
  });

  it('imports every DICOM file that dcmtk reads', () => {
    const notStored = new Set([...report.skipped.map((s) => s.path), ...report.failed.map((f) => f.path)]);
    const missing = readManifest()
      .filter((r) => r.parseDcmtk === 'ok' && !r.modality.startsWith('n/a'))
      .map((r) => `dicom-samples/${r.path}`)
      .filter((p) => notStored.has(p));
    expect(missing).toEqual([]);
  });

  it('fails malformed files one by one with a reason while the rest imports', () => {
    const failed = report.failed.map((f) => f.path);
    expect(failed.every((p) => p.startsWith('dicom-samples/malformed/') || p.startsWith('dicom-samples/zip-archives/'))).toBe(true);
    expect(failed).toContain('dicom-samples/malformed/zipMR.gz');
  });

  it('reads the zip from the patient portal entry by entry', () => {
    const rows = core.requireVault().db.prepare(`SELECT outcome, COUNT(*) AS n FROM import_files
      WHERE relative_path LIKE 'dicom-samples/zip-archives/abd1.zip/%' GROUP BY outcome`).all();
    expect(rows).toEqual([{ outcome: 'imported', n: 11 }]);
  });

  it('imports a hospital CD tree through its DICOMDIR into a fresh vault', async () => {
    const cdVault = path.join(mkdtempSync(path.join(os.tmpdir(), 'sv-cd-')), 'vault');
    const cd = new ScanVaultCore({ vaultDir: cdVault, host: 'cli', log: silentLogger, ...FAST_KDF });
    await cd.createVault({ passphrase: PASS });
    const cdReport = await importPaths(cd, [path.join(SAMPLES_DIR, 'dicomdir-cd/pydicom-dicomdirtests')], 'Hospital CD');
    expect(cdReport.failed).toEqual([]);
    expect(cdReport.imported).toBeGreaterThan(0);
    const batch = cd.requireVault().db.prepare('SELECT source_kind, medium FROM import_batches').get() as { source_kind: string; medium: string };
    expect(batch.source_kind).toBe('cd');
    expect(JSON.parse(batch.medium)).toMatchObject({ dicomdir: 'pydicom-dicomdirtests/DICOMDIR' });
    const lib = await cd.listLibrary();
    expect(libraryRecords(lib).length).toBeGreaterThanOrEqual(2);
    await cd.lockNow();
  });

  it('re-importing the whole corpus stores nothing new', async () => {
    const again = await importPaths(core, [SAMPLES_DIR], 'sample corpus, second copy');
    expect(again.imported).toBe(0);
    expect(again.conflicts).toEqual([]);
    expect(again.attachments).toBe(0);
    // PDFs wrapped in DICOM were counted as an image and a report the first time, as one file now.
    expect(again.seenAgain).toBeGreaterThanOrEqual(report.imported + report.conflicts.length);
    expect(again.seenAgain).toBeLessThanOrEqual(report.imported + report.conflicts.length + report.attachments);
  }, 120_000);

  it('leaves no patient name, ID or study UID from the samples in plaintext in the vault folder', async () => {
    const needles = new Set<string>();
    for (const p of libraryRecords(library)) {
      for (const v of [p.name, p.patientId]) if (v && v.length >= 6) needles.add(v);
      for (const s of p.studies) needles.add(s.studyInstanceUid);
    }
    expect(needles.size).toBeGreaterThan(50);
    await core.lockNow();
    const buffers = [...needles].flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'latin1')]);
    const leaks: string[] = [];
    for (const file of allFiles(vaultDir)) {
      const bytes = readFileSync(file);
      for (const b of buffers) if (bytes.includes(b)) leaks.push(`${path.relative(vaultDir, file)}: ${b.toString()}`);
    }
    expect(leaks).toEqual([]);
  });
});
