/**
 * Exports of real sample files (skipped when ../shared/dicom-samples is absent): each study of a
 * varied set goes out as a folder that verifies, whose DICOMDIR dcmdump reads, and whose files
 * dciodvfy finds no error in that the original did not have (when the tools are installed). None
 * may be stopped by the leak guard: these files hold no identifier outside the attributes the
 * profile changes, so a stop is a false alarm (as the maker's name in the hospital field was).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, SAMPLES_DIR, samplesPresent } from '../../../test-support/sample-corpus';
import { optionalToolPresent } from '../../../test-support/optional-tools';
import { filesUnder, makeShareVault, type ShareVault } from '../../../test-support/share/share-vault';

const FOLDERS = ['ct-series', 'mr-series', 'us', 'xray-cr-dx-mg', 'transfer-syntax', 'color-photometric', 'private-tags-sequences', 'multiframe', 'charset', 'secondary-capture', 'sr-pdf-rt-other', 'dicomdir-cd'];
const hasDciodvfy = samplesPresent && optionalToolPresent('dciodvfy', 'exported real samples add no dciodvfy error');
const hasDcmdump = samplesPresent && optionalToolPresent('dcmdump', 'the DICOMDIR of exported real samples is read by dcmtk');

/** dciodvfy's errors without their values (UIDs, dates and names differ by design). */
function errorsOf(bytes: Uint8Array): Set<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'share-check-'));
  try {
    const file = path.join(dir, 'f.dcm');
    writeFileSync(file, bytes); // public sample data and its de-identified copy only
    const run = spawnSync('dciodvfy', [file], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
    return new Set(`${run.stdout}${run.stderr}`.split('\n').filter((l) => l.startsWith('Error'))
      .map((l) => l.replace(/ = <[^>]*>/g, '').replace(/<[\d.]+>/g, '<UID>').replace(/\b\d+(\.\d+){2,}\b/g, 'UID').replace(/\[\d+\]/g, '').trim()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!samplesPresent)('exporting real samples', () => {
  let v: ShareVault;
  let studies: string[];
  beforeAll(async () => {
    v = await makeShareVault();
    const rows = readManifest().filter((r) => r.transferSyntaxUid.startsWith('1.2') && FOLDERS.includes(r.path.split('/')[0] ?? '') && r.parseDcmtk === 'ok');
    const { jobId } = await v.core.startImport({ paths: rows.map((r) => path.join(SAMPLES_DIR, r.path)), provenance: { sourceLabel: 'samples' } });
    await v.core.waitForJob(jobId);
    studies = v.core.requireVault().db.prepare('SELECT study_uid FROM studies ORDER BY id').pluck().all() as string[];
  }, 120_000);
  afterAll(() => v.cleanup());

  it('exports every study as verified standard media', async () => {
    const outcomes: Record<string, number> = {};
    const stops: string[] = [];
    let newErrors: string[] = [];
    let checkedFiles = 0;
    for (const [i, studyUid] of studies.entries()) {
      const prepared = await v.prepare({ studyUids: [studyUid], burnedIn: 'trust-headers', includeReports: true });
      // As if the patient looked at each held-back picture and released it: more files get checked.
      const draft = prepared.heldBack.length === 0 ? prepared : await v.core.setShareDecisions({
        draftId: prepared.draftId, decisions: prepared.heldBack.map((h) => ({ instanceId: h.instanceId, action: 'release' as const, masks: [], scope: 'image' as const })),
      });
      if (draft.fileCount === 0) { outcomes.nothing = (outcomes.nothing ?? 0) + 1; continue; }
      const name = `s${i}`;
      try {
        await v.exportTo(draft.draftId, 'folder', name);
      } catch (error) {
        stops.push(`${studyUid}: ${(error as { code?: string }).code ?? 'ERROR'} ${(error as Error).message}`);
        continue;
      }
      outcomes.ok = (outcomes.ok ?? 0) + 1;
      const dir = path.join(v.root, name);
      expect(await v.core.verifyExport({ path: dir })).toMatchObject({ ok: true });
      if (hasDcmdump) expect(spawnSync('dcmdump', ['-q', path.join(dir, 'DICOMDIR')], { encoding: 'latin1' }).stderr).toBe('');
      if (hasDciodvfy && checkedFiles < 30) {
        const db = v.core.requireVault().db;
        const originals = db.prepare(`SELECT i.blob_id FROM instances i JOIN series se ON se.id = i.series_id JOIN studies st ON st.id = se.study_id WHERE st.study_uid = ?`).pluck().all(studyUid) as string[];
        const before = new Set<string>();
        for (const blob of originals) for (const e of errorsOf(await v.core.requireVault().blobs.readAll(blob))) before.add(e);
        for (const [file, bytes] of filesUnder(dir)) {
          if (!file.startsWith('DICOM/')) continue;
          checkedFiles++;
          newErrors = [...newErrors, ...[...errorsOf(bytes)].filter((e) => !before.has(e)).map((e) => `${studyUid} ${file}: ${e}`)];
        }
      }
    }
    process.stdout.write(`real-sample exports: ${JSON.stringify(outcomes)}; ${checkedFiles} files checked with dciodvfy\n`);
    expect(stops).toEqual([]);
    expect(newErrors).toEqual([]);
    expect(outcomes.ok ?? 0).toBeGreaterThan(60);
  }, 300_000);
});
