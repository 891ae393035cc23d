/** A real vault in a temp folder holding chosen originals, and a folder for outside copies. Tests only. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompareReport } from '../../../shared/compare/compare-report';
import { silentLogger } from '../../core/log';
import { ScanVaultCore } from '../../core/scanvault-core';
import { FAST_KDF } from '../dicom-fixtures';

export interface CompareVault {
  core: ScanVaultCore;
  root: string;
  /** Writes the copies under `<root>/<folder>/` and returns that folder. */
  writeCopies(folder: string, files: Record<string, Uint8Array>): string;
  compare(paths: string[]): Promise<CompareReport>;
  /** Row id of the instance stored with this SOP Instance UID (the first one). */
  instanceId(sopInstanceUid: string): number;
  cleanup(): Promise<void>;
}

export async function makeCompareVault(originals: Record<string, Uint8Array>[]): Promise<CompareVault> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sv-compare-'));
  const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'browser', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: 'correct horse battery staple' });
  const writeCopies = (folder: string, files: Record<string, Uint8Array>): string => {
    const dir = path.join(root, folder);
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    return dir;
  };
  // Each set is its own import (so two copies of one SOP Instance UID can both be stored).
  for (const [i, set] of originals.entries()) {
    const { jobId } = await core.startImport({ paths: [writeCopies(`originals-${i}`, set)], provenance: { sourceLabel: `Disc ${i}` } });
    const job = await core.waitForJob(jobId);
    if (job.state !== 'done') throw new Error(`test import ended ${job.state}`);
    await core.waitForBackgroundWork();
  }
  return {
    core,
    root,
    writeCopies,
    async compare(paths) {
      const { jobId } = await core.startCompare({ paths });
      const job = await core.waitForJob(jobId);
      if (job.compareReport === undefined) throw new Error(`compare ended ${job.state}: ${job.error?.message ?? ''}`);
      return job.compareReport;
    },
    instanceId(sop) {
      const id = core.requireVault().db.prepare<[string], number>('SELECT id FROM instances WHERE sop_instance_uid = ? ORDER BY id').pluck().get(sop);
      if (id === undefined) throw new Error('no such instance');
      return id;
    },
    async cleanup() {
      await core.lockNow();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
