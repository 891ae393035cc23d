import { mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDicom, makeSeries } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { buildZip } from '../../test-support/sources/zip-fixture';
import { runCliCaptured as cli } from '../../test-support/cli/run-cli';

const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };
const quiet = { log: silentLogger };

async function newVault(): Promise<{ root: string; vault: string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-h-'));
  const vault = path.join(root, 'vault');
  expect((await cli(['--vault', vault, 'init'], env, quiet)).code).toBe(0);
  return { root, vault };
}

function folderOf(root: string, count: number): string {
  const dir = path.join(root, 'CD');
  mkdirSync(dir);
  makeSeries(count).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  return dir;
}

describe('CLI hardening', () => {
  it('refuses --received 9999-99-99 and a future date in plain words, also as JSON with --json', async () => {
    const { root, vault } = await newVault();
    const source = folderOf(root, 1);
    const bad = await cli(['--vault', vault, 'import', source, '--received', '9999-99-99'], env, quiet);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('That date does not exist');
    const future = await cli(['--vault', vault, '--json', 'import', source, '--received', '2999-01-01'], env, quiet);
    expect(future.code).toBe(2);
    expect(JSON.parse(future.stdout)).toMatchObject({ error: { code: 'BAD_REQUEST', message: expect.stringContaining('in the future') as unknown } });
    const list = await cli(['--vault', vault, '--json', 'list'], env, quiet);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 0, studies: [] });
  });

  it('an empty zip with --json prints a JSON result on stdout', async () => {
    const { root, vault } = await newVault();
    const zip = path.join(root, 'empty.zip');
    writeFileSync(zip, buildZip([]));
    const r = await cli(['--vault', vault, '--json', 'import', zip], env, quiet);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'PATH_NOT_FOUND', message: expect.stringContaining('Nothing to import was found') as unknown } });
    expect(r.stderr).not.toContain('Fingerprinting');
  });

  it('documents --verbose and --log-file in --help', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('--verbose');
    expect(help.stdout).toContain('--log-file <file>');
  });

  it('keeps internal log lines off the terminal unless --verbose, and writes them to --log-file', async () => {
    const { root, vault } = await newVault();
    const source = folderOf(root, 2);
    const plain = await cli(['--vault', vault, 'import', source], env);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('[scanvault]');
    const list = await cli(['--vault', vault, '--verbose', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/\[scanvault\] (info|warn) /);
    const logFile = path.join(root, 'scanvault.log');
    const logged = await cli(['--vault', vault, '--log-file', logFile, 'import', source], env);
    expect(logged.code).toBe(0);
    expect(logged.stderr).not.toContain('[scanvault]');
    const text = readFileSync(logFile, 'utf8');
    expect(text).toMatch(/\[scanvault\] info /);
    expect(text).not.toContain('DOE');
  });

  it('locks in finally: a call that fails after unlocking leaves the vault closed for the next command', async () => {
    const { root, vault } = await newVault();
    // A path longer than the contract allows: refused by startImport, after the unlock.
    const failed = await cli(['--vault', vault, 'import', path.join(root, 'x'.repeat(5000))], env, quiet);
    expect(failed.code).toBe(2);
    // Same process: had the failed command kept the vault open, its lock would answer VAULT_BUSY here.
    const list = await cli(['--vault', vault, 'list'], env, quiet);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
  });

  it('with vault.json missing, says the key file is missing and how to restore it; init refuses with the same advice', async () => {
    const { root, vault } = await newVault();
    renameSync(path.join(vault, 'vault.json'), path.join(root, 'vault.json.backup'));
    for (const args of [['list'], ['import', root]]) {
      const r = await cli(['--vault', vault, ...args], env, quiet);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('vault.json is missing');
      expect(r.stderr).toContain('from a backup');
      expect(r.stderr).not.toContain('init');
    }
    const init = await cli(['--vault', vault, 'init'], env, quiet);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('vault.json is missing');
    renameSync(path.join(root, 'vault.json.backup'), path.join(vault, 'vault.json'));
    expect((await cli(['--vault', vault, 'list'], env, quiet)).code).toBe(0);
  });

  it('imports a file declaring 65535 frames with one present, with a warning in the report', async () => {
    const { root, vault } = await newVault();
    const file = path.join(root, 'IMG1');
    writeFileSync(file, makeDicom({ numberOfFrames: 65535 }));
    const r = await cli(['--vault', vault, '--json', 'import', file], env, quiet);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { imported: number; warnings: { path: string; warnings: string[] }[] };
    expect(report.imported).toBe(1);
    expect(report.warnings.flatMap((w) => w.warnings)).toContainEqual(expect.stringContaining('says it holds 65535 images (frames)'));
  });
});
