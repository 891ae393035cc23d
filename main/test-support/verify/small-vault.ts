/** A small real vault made through the CLI (init + import of a few fixture images), for integrity tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../cli/run-cli';
import { makeSeries } from '../dicom-fixtures';

export const SMALL_VAULT_PASSPHRASE = 'correct horse battery staple';
export const SMALL_VAULT_ENV = { SCANVAULT_PASSPHRASE: SMALL_VAULT_PASSPHRASE };

export function cliRun(args: string[], env: Record<string, string> = SMALL_VAULT_ENV): Promise<CliRun> {
  return runCliCaptured(args, env, { log: silentLogger });
}

/** Creates `root/vault` holding `images` fixture images in one series; returns the vault folder. */
export async function makeSmallVault(images = 3, root = mkdtempSync(path.join(os.tmpdir(), 'sv-small-'))): Promise<{ root: string; vault: string; recoveryKey: string }> {
  const vault = path.join(root, 'vault');
  const init = await cliRun(['--vault', vault, '--json', 'init']);
  if (init.code !== 0) throw new Error(`init failed: ${init.stdout} ${init.stderr}`);
  const source = path.join(root, 'source');
  mkdirSync(source);
  makeSeries(images).forEach((bytes, i) => writeFileSync(path.join(source, `IM${i}`), bytes));
  const imported = await cliRun(['--vault', vault, '--json', 'import', source, '--source', 'Test CD', '--received', '2024-03-20']);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stdout} ${imported.stderr}`);
  return { root, vault, recoveryKey: (JSON.parse(init.stdout) as { recoveryKey: string }).recoveryKey };
}
