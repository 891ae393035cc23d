import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSeries } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../../test-support/cli/run-cli';

const PASS = 'correct horse battery staple';

/** Every run gets its own settings file in a temp folder: tests never read or write the real home folder. */
function cli(args: string[], env: Record<string, string> = {}, settingsFile?: string): Promise<CliRun> {
  return runCliCaptured(args, env, { log: silentLogger, ...(settingsFile === undefined ? {} : { settingsFile }) });
}

function fixtureFolder(root: string): string {
  const dir = path.join(root, 'CD');
  mkdirSync(dir);
  makeSeries(3).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  writeFileSync(path.join(dir, 'readme.txt'), 'hello');
  return dir;
}

describe('scanvault CLI', () => {
  it('lists every command in --help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['init', 'import', 'list', 'verify', 'passwd', 'serve']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('Exit codes');
    const sub = await cli(['import', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--source');
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['import'])).code).toBe(2);
  });

  it('init → import --json → list --json → verify --json, with the documented shapes', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-'));
    const vault = path.join(root, 'vault');
    const env = { SCANVAULT_PASSPHRASE: PASS };
    const init = await cli(['--vault', vault, '--json', 'init'], env);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ recoveryKey: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/) as unknown });

    const source = fixtureFolder(root);
    const imp = await cli(['--vault', vault, '--json', 'import', source, '--source', 'CD from Mercy', '--received', '2024-03-20', '--from', 'nurse'], env);
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ imported: 3, seenAgain: 0, conflicts: [], failed: [] });
    expect(report.skipped).toEqual([{ path: 'CD/readme.txt', reason: expect.any(String) as unknown }]);
    expect((report.studies as unknown[]).length).toBe(1);
    expect(imp.stderr).not.toContain('DOE');

    const list = await cli(['--vault', vault, '--json', 'list'], env);
    expect(list.code).toBe(0);
    const lib = JSON.parse(list.stdout) as { total: number; studies: { seriesCount: number; instanceCount: number; sources: string[] }[] };
    expect(lib.total).toBe(1);
    expect(lib.studies[0]).toMatchObject({ seriesCount: 1, instanceCount: 3, sources: ['CD from Mercy'] });

    const verify = await cli(['--vault', vault, '--json', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, blobsChecked: 3, problems: [] });

    // Damage one blob: verify reports it and exits 4.
    const blobs = path.join(vault, 'blobs');
    const file = readdirSync(blobs).filter((d) => d !== 'tmp').flatMap((d) => readdirSync(path.join(blobs, d)).map((f) => path.join(blobs, d, f)))
      .filter((f) => statSync(f).isFile())[0]!;
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    writeFileSync(file, bytes);
    const bad = await cli(['--vault', vault, '--json', 'verify'], env);
    expect(bad.code).toBe(4);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ kind: 'blob-corrupt' }] });
  });

  it('exits 3 on a wrong passphrase and 1 when there is no vault', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-'));
    const vault = path.join(root, 'vault');
    expect((await cli(['--vault', vault, 'list'], { SCANVAULT_PASSPHRASE: PASS })).code).toBe(1);
    await cli(['--vault', vault, 'init'], { SCANVAULT_PASSPHRASE: PASS });
    const wrong = await cli(['--vault', vault, 'list'], { SCANVAULT_PASSPHRASE: 'not the right one' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('passphrase');
  });

  it('changes the passphrase with passwd and with the recovery key', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-'));
    const vault = path.join(root, 'vault');
    const init = await cli(['--vault', vault, '--json', 'init'], { SCANVAULT_PASSPHRASE: PASS });
    const { recoveryKey } = JSON.parse(init.stdout) as { recoveryKey: string };
    const second = 'a different long passphrase';
    expect((await cli(['--vault', vault, 'passwd'], { SCANVAULT_PASSPHRASE: PASS, SCANVAULT_NEW_PASSPHRASE: second })).code).toBe(0);
    expect((await cli(['--vault', vault, 'list'], { SCANVAULT_PASSPHRASE: PASS })).code).toBe(3);
    expect((await cli(['--vault', vault, 'list'], { SCANVAULT_PASSPHRASE: second })).code).toBe(0);
    const third = 'yet another long passphrase';
    const reset = await cli(['--vault', vault, 'passwd', '--recovery-key'], { SCANVAULT_RECOVERY_KEY: recoveryKey.toLowerCase(), SCANVAULT_NEW_PASSPHRASE: third });
    expect(reset.code).toBe(0);
    expect((await cli(['--vault', vault, 'list'], { SCANVAULT_PASSPHRASE: third })).code).toBe(0);
  });

  it('uses the folder remembered by the app when --vault is not given; --vault always wins', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-'));
    const settingsFile = path.join(root, 'config', 'settings.json');
    const remembered = path.join(root, 'usb', 'ScanVault');
    mkdirSync(path.dirname(settingsFile));
    writeFileSync(settingsFile, JSON.stringify({ vaultDir: remembered }));
    const env = { SCANVAULT_PASSPHRASE: PASS, HOME: path.join(root, 'home') };
    // A remembered folder that is missing is a disconnected drive: init refuses to create it.
    const missing = await cli(['init'], env, settingsFile);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('connect the drive');
    mkdirSync(remembered, { recursive: true }); // plugged in (the app made the folder when it was chosen)

    const init = await cli(['--json', 'init'], env, settingsFile);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ vaultDir: remembered });
    expect(readdirSync(remembered)).toContain('vault.json');
    expect((await cli(['list'], env, settingsFile)).code).toBe(0);

    const explicit = path.join(root, 'explicit');
    const list = await cli(['--vault', explicit, 'list'], env, settingsFile);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(`There is no vault in ${explicit} yet.`);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ vaultDir: remembered });
  });
});
