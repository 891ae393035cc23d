// bin/scanvault.js started by the system Node (20, the re-exec path): killing the launcher, even
// with SIGKILL, must end the Node 24 child that does the work, and the vault must stay sound.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { makeSeries } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured } from '../../test-support/cli/run-cli';

const SYSTEM_NODE = '/usr/bin/node';
const repo = path.resolve(import.meta.dirname, '../../..');
const systemMajor = existsSync(SYSTEM_NODE) ? Number(spawnSync(SYSTEM_NODE, ['-p', 'process.versions.node.split(".")[0]']).stdout.toString()) : 0;
const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };
/** The production KDF: the spawned CLI accepts nothing weaker. */
const productionKdf = { productionKdf: true, log: silentLogger };
const FILES = 1500;

/** A copy of the installed layout (bin/, dist/, node_modules/) with the current sources bundled. */
async function installedCopy(root: string): Promise<string> {
  const app = path.join(root, 'app');
  mkdirSync(path.join(app, 'bin'), { recursive: true });
  copyFileSync(path.join(repo, 'bin', 'scanvault.js'), path.join(app, 'bin', 'scanvault.js'));
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(path.join(repo, 'node_modules'), path.join(app, 'node_modules'));
  const common = { bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: [path.join(repo, 'main/hosts/cli/main.ts')], outfile: path.join(app, 'dist', 'cli.mjs') });
  await build({ ...common, entryPoints: [path.join(repo, 'main/core/import/prepare-worker.ts')], outfile: path.join(app, 'dist', 'prepare-worker.mjs') });
  return path.join(app, 'bin', 'scanvault.js');
}

/** Running and not a zombie (a container's init may be slow to reap orphans). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`gave up waiting: ${what}`);
}

function blobCount(vault: string): number {
  const root = path.join(vault, 'blobs');
  if (!existsSync(root)) return 0;
  return readdirSync(root).filter((d) => d !== 'tmp').reduce((n, d) => n + readdirSync(path.join(root, d)).length, 0);
}

function lockPid(vault: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(vault, 'vault.lock'), 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

describe.skipIf(systemMajor === 0 || systemMajor >= 22)('bin/scanvault.js under the system Node', () => {
  it('kill -9 of the launcher mid-import ends the real CLI; the vault stays consistent', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-launcher-'));
    const launcher = await installedCopy(root);
    const vault = path.join(root, 'vault');
    expect((await runCliCaptured(['--vault', vault, 'init'], env, productionKdf)).code).toBe(0);
    const source = path.join(root, 'CD');
    mkdirSync(source);
    makeSeries(FILES, { rows: 128, columns: 128 }).forEach((b, i) => writeFileSync(path.join(source, `IM${i}`), b));

    const child: ChildProcess = spawn(SYSTEM_NODE, [launcher, '--vault', vault, 'import', source], { env: { ...process.env, ...env }, stdio: 'ignore' });
    await until('the import to store its first files', () => blobCount(vault) > 0);
    const worker = lockPid(vault);
    expect(worker).toBeDefined();
    expect(worker).not.toBe(child.pid);
    expect(isRunning(worker!)).toBe(true);
    child.kill('SIGKILL');
    await until('the CLI child to end after its launcher died', () => !isRunning(worker!));

    const verify = await runCliCaptured(['--vault', vault, '--json', 'verify'], env, productionKdf);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, problems: [] });
    const list = await runCliCaptured(['--vault', vault, '--json', 'list', '--limit', '200'], env, productionKdf);
    const lib = JSON.parse(list.stdout) as { total: number; studies: { instanceCount: number }[] };
    expect(lib.studies).toHaveLength(lib.total);
    const stored = lib.studies.reduce((n, s) => n + s.instanceCount, 0);
    // The work stopped with its launcher instead of running on to the end unseen.
    expect(stored).toBeLessThan(FILES);
  });

  it('exits with the child\'s exit code or signal and forwards SIGTERM', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-launcher-'));
    const launcher = await installedCopy(root);
    expect(spawnSync(SYSTEM_NODE, [launcher, 'frobnicate']).status).toBe(2);
    expect(spawnSync(SYSTEM_NODE, [launcher, '--help']).status).toBe(0);
    // serve runs until stopped: SIGTERM to the launcher reaches the child, which locks and exits 0.
    const serve = spawn(SYSTEM_NODE, [launcher, '--vault', path.join(root, 'v'), 'serve'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    serve.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    await until('serve to start', () => out.includes('ScanVault is running'));
    const exited = new Promise<[number | null, string | null]>((resolve) => serve.on('exit', (code, signal) => resolve([code, signal])));
    serve.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);

    // A child that dies by a signal: the launcher dies by the same signal.
    const again = spawn(SYSTEM_NODE, [launcher, '--vault', path.join(root, 'v'), 'serve'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let started = '';
    again.stdout.on('data', (d: Buffer) => { started += d.toString(); });
    await until('serve to start again', () => started.includes('ScanVault is running'));
    const childPid = Number(readFileSync(`/proc/${again.pid}/task/${again.pid}/children`, 'utf8').trim().split(' ')[0]);
    const died = new Promise<[number | null, string | null]>((resolve) => again.on('exit', (code, signal) => resolve([code, signal])));
    process.kill(childPid, 'SIGKILL');
    expect(await died).toEqual([null, 'SIGKILL']);
  });
});
