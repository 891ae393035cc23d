// Export benchmark worker (bundled by scripts/bench-export.mjs): imports the study into a fresh
// vault (not timed), then for each round times gdcmanon on the study's files and one de-identified
// share of it (prepare + export, --burned-in trust-headers, to a folder), and the floor (copy-floor.ts:
// a bare copy of the same files in Node), back to back, so all three see the same machine load.
// Prints {files, bytes, rounds: [{gdcmSeconds, floorSeconds, seconds, prepareSeconds, exportSeconds}], maxRssBytes}.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../main/core/log';
import { runImport } from '../../main/core/import/run-import';
import { createVault } from '../../main/core/vault/vault';
import { JobRunner } from '../../main/core/jobs/job-runner';
import { ShareFeature } from '../../main/core/share/share-feature';
import { SECOND_OPINION_DEFAULTS } from '../../shared/share/options';
import { filesUnder, timeBareCopy } from './copy-floor';

const [sourceDir, workDir, roundsText, certFile] = process.argv.slice(2) as [string, string, string, string | undefined];
const kdfPolicy = { minMemoryKiB: 1024, minIterations: 1 };
const { vault } = await createVault({ dir: path.join(workDir, 'vault'), passphrase: 'benchmark passphrase', kdfPolicy, kdfParams: { memoryKiB: 1024, iterations: 1, parallelism: 1 } });
await runImport(vault, { kind: 'paths', paths: [sourceDir] }, { sourceLabel: 'benchmark' }, { signal: new AbortController().signal, progress: { set: () => undefined }, log: silentLogger });
const studyUids = vault.db.prepare('SELECT study_uid FROM studies').pluck().all() as string[];
const bytes = Number(vault.db.prepare('SELECT sum(b.size) FROM instances i JOIN blobs b ON b.id = i.blob_id').pluck().get());
const jobs = new JobRunner();
const share = new ShareFeature(() => vault, jobs);
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

const sourceFiles = filesUnder(sourceDir);
const rounds = [];
let files = 0;
for (let round = 0; round < Number(roundsText); round++) {
  let gdcmSeconds: number | null = null;
  if (certFile !== undefined) {
    const out = path.join(workDir, `gdcm-${round}`);
    mkdirSync(out);
    const started = process.hrtime.bigint();
    const r = spawnSync('gdcmanon', ['-e', '-c', certFile, '-r', '-i', sourceDir, '-o', out], { stdio: 'ignore' });
    gdcmSeconds = r.status === 0 ? seconds(started) : null;
    rmSync(out, { recursive: true, force: true });
  }
  const floorDir = path.join(workDir, `floor-${round}`);
  const floorSeconds = await timeBareCopy(sourceFiles, floorDir);
  rmSync(floorDir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const prepared = await jobs.waitFor((await share.prepareShare({
    selection: { studyUids, seriesUids: [] }, identified: false, options: [...SECOND_OPINION_DEFAULTS], burnedIn: 'trust-headers', includeReports: false, followUpOfShareId: null,
  })).jobId);
  const draft = prepared.shareDraft;
  if (draft === undefined) throw new Error(`prepare failed: ${prepared.error?.code ?? '?'} ${prepared.error?.message ?? ''}`);
  const prepareSeconds = seconds(started);
  const target = path.join(workDir, `share-${round}`);
  const exported = await jobs.waitFor((await share.startExport({
    draftId: draft.draftId, recipient: { name: 'Dr Bench', role: null, org: null, contact: null }, purpose: 'benchmark', destination: { kind: 'folder', path: target },
  })).jobId);
  if (exported.exportReport === undefined) throw new Error(`export failed: ${exported.error?.code ?? '?'} ${exported.error?.message ?? ''}`);
  rounds.push({ gdcmSeconds, floorSeconds, seconds: seconds(started), prepareSeconds, exportSeconds: seconds(started) - prepareSeconds });
  files = exported.exportReport.files;
  rmSync(target, { recursive: true, force: true });
}
vault.close();
process.stdout.write(JSON.stringify({ files, bytes, rounds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
