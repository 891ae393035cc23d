/** A real, unlocked vault holding chosen real sample files, for the study-details tests. Tests only. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScanVaultCore } from '../../core/scanvault-core';
import { silentLogger } from '../../core/log';
import { FAST_KDF } from '../dicom-fixtures';
import { SAMPLES_DIR, sampleBytes } from '../sample-corpus';

export const DETAILS_VAULT_PASSPHRASE = 'correct horse battery staple';

export interface DetailsVault {
  core: ScanVaultCore;
  /** Sample path (relative to the corpus) -> instance row id. */
  instanceOf(samplePath: string): number;
  /** Imports the same files again as another batch. */
  importAgain(label: string, samplePaths: string[]): Promise<void>;
  cleanup(): Promise<void>;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function makeDetailsVault(samplePaths: string[], label = 'Sample disc'): Promise<DetailsVault> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sv-details-'));
  const core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'browser', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: DETAILS_VAULT_PASSPHRASE });
  const importPaths = async (sourceLabel: string, paths: string[]) => {
    const { jobId } = await core.startImport({ paths: paths.map((p) => path.join(SAMPLES_DIR, p)), provenance: { sourceLabel, handedOverBy: 'Dr Test' } });
    const job = await core.waitForJob(jobId);
    if (job.state !== 'done') throw new Error(`test import ended ${job.state}`);
    await core.waitForBackgroundWork();
  };
  await importPaths(label, samplePaths);
  const db = core.requireVault().db;
  const byFileSha = new Map<string, number>();
  for (const row of db.prepare<[], { id: number; sha: Buffer }>('SELECT id, sha256_file AS sha FROM instances').all()) byFileSha.set(row.sha.toString('hex'), row.id);
  return {
    core,
    instanceOf(samplePath) {
      const id = byFileSha.get(sha(sampleBytes(samplePath)));
      if (id === undefined) throw new Error(`${samplePath} was not imported as an instance`);
      return id;
    },
    importAgain: (again, paths) => importPaths(again, paths),
    async cleanup() {
      await core.lockNow();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
