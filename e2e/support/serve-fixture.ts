import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { settingsFilePath } from '../../main/core/paths';

export interface ServedApp {
  url: string;
  origin: string;
  port: number;
  vaultDir: string;
  /** Where the server remembers a vault folder chosen in the page (inside the test's temp folder). */
  settingsFile: string;
  process: ChildProcess;
}

/**
 * Starts `scanvault serve` on a fresh vault folder and waits for its printed address. Its per-user
 * data folder (HOME, XDG_CONFIG_HOME, APPDATA) is `configDir`, so it never touches the real home folder.
 */
export function serveEnv(configDir: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: configDir, XDG_CONFIG_HOME: configDir, APPDATA: configDir, USERPROFILE: configDir };
}

/** `vaultDir` null: no --vault, so the server opens the remembered folder (or the default). `extraEnv`: e.g. TMPDIR. */
export async function startServe(vaultDir: string | null, configDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServedApp> {
  const env = { ...serveEnv(configDir), ...extraEnv };
  const vaultArgs = vaultDir === null ? [] : ['--vault', vaultDir];
  const child = spawn(process.execPath, ['bin/scanvault.js', '--json', ...vaultArgs, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let out = '';
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('scanvault serve did not start')), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        const parsed = JSON.parse(out) as { url: string; port: number };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => reject(new Error(`scanvault serve exited with ${code}`)));
  });
  return { ...info, origin: `http://127.0.0.1:${info.port}`, vaultDir: vaultDir ?? '', settingsFile: settingsFilePath(env), process: child };
}

export const test = base.extend<{ app: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-'));
    const app = await startServe(path.join(dir, 'vault'), path.join(dir, 'config'));
    await use(app);
    app.process.kill('SIGTERM');
    await new Promise((r) => app.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
