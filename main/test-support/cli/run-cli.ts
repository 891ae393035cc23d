import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli, type CliOptions } from '../../hosts/cli/cli';
import { FAST_KDF } from '../dicom-fixtures';

export interface CliRun { code: number; stdout: string; stderr: string }

/**
 * Runs the CLI in-process with captured output, a fast KDF and its own settings file (tests never
 * touch the real home folder); `productionKdf` for vaults a spawned CLI must open. `extra` overrides options, e.g. `{ log: silentLogger }` or none at all
 * to get the logger the command line chooses.
 */
export async function runCliCaptured(
  args: string[],
  env: Record<string, string> = {},
  { productionKdf = false, ...extra }: Partial<CliOptions> & { productionKdf?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await runCli(args, {
    io: { env, stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, stderr: stderr as unknown as NodeJS.WriteStream },
    staticDir: '/nonexistent',
    settingsFile: path.join(mkdtempSync(path.join(os.tmpdir(), 'sv-cfg-')), 'settings.json'),
    ...(productionKdf ? {} : FAST_KDF),
    ...extra,
  });
  return { code, stdout: out, stderr: err };
}
