/** Test-only: a vault holding generated studies, and helpers to prepare and export shares of them. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ExportReport, PrepareShareRequest, ShareDraft } from '../../../shared/share/share-domain';
import { SECOND_OPINION_DEFAULTS } from '../../../shared/share/options';
import { silentLogger } from '../../core/log';
import { ScanVaultCore, type CoreOptions } from '../../core/scanvault-core';
import { FAST_KDF, makeSeries, newUid, type FixtureOptions } from '../dicom-fixtures';

export const SHARE_PASSPHRASE = 'correct horse battery staple';

export interface ShareVault {
  core: ScanVaultCore;
  root: string;
  /** Imports `count` files of a new study and returns its Study Instance UID. */
  addStudy(count: number, o?: FixtureOptions): Promise<string>;
  prepare(request: Partial<PrepareShareRequest> & { studyUids: string[] }): Promise<ShareDraft>;
  exportTo(draftId: string, kind: 'folder' | 'zip', name?: string, purpose?: string): Promise<ExportReport>;
  cleanup(): Promise<void>;
}

export async function makeShareVault(extra: Partial<CoreOptions> = {}): Promise<ShareVault> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sv-share-'));
  const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF, ...extra });
  await core.createVault({ passphrase: SHARE_PASSPHRASE });
  let sources = 0;
  let outputs = 0;
  return {
    core,
    root,
    async addStudy(count, o = {}) {
      const studyUid = o.studyUid ?? newUid();
      const dir = path.join(root, `src${sources++}`);
      mkdirSync(dir);
      makeSeries(count, { patientName: 'WHITFIELD^MARGARET', patientId: 'MRN-77123', birthDate: '19610412', ...o, studyUid })
        .forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
      const { jobId } = await core.startImport({ paths: [dir], provenance: { sourceLabel: 'CD' } });
      expect((await core.waitForJob(jobId)).state).toBe('done');
      return studyUid;
    },
    async prepare({ studyUids, ...rest }) {
      const { jobId } = await core.prepareShare({
        selection: { studyUids, seriesUids: [] }, identified: false, options: [...SECOND_OPINION_DEFAULTS], burnedIn: 'hold', includeReports: false, followUpOfShareId: null, ...rest,
      });
      const job = await core.waitForJob(jobId);
      expect(job.error).toBeUndefined();
      return job.shareDraft!;
    },
    async exportTo(draftId, kind, name, purpose = 'second opinion on the knee') {
      const target = path.join(root, name ?? `out${outputs++}${kind === 'zip' ? '.zip' : ''}`);
      const { jobId } = await core.startExport({ draftId, recipient: { name: 'Dr Ada Second', role: 'radiologist', org: 'Lakeside Clinic', contact: 'ada@example.org' }, purpose, destination: { kind, path: target } });
      const job = await core.waitForJob(jobId);
      if (job.error !== undefined) throw Object.assign(new Error(job.error.message), { code: job.error.code });
      return job.exportReport!;
    },
    async cleanup() {
      await core.lockNow();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every file under a folder, by its path relative to it with '/'. */
export function filesUnder(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(full).isDirectory()) for (const [k, v] of filesUnder(full, rel)) out.set(k, v);
    else out.set(rel, readFileSync(full));
  }
  return out;
}
