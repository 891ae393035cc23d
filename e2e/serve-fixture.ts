import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export interface ServedApp {
  url: string;
  origin: string;
  port: number;
  vaultDir: string;
  process: ChildProcess;
}

/** Starts `scanvault serve` on a fresh vault folder and waits for its printed address. */
export async function startServe(vaultDir: string): Promise<ServedApp> {
  const child = spawn(process.execPath, ['bin/scanvault.js', '--json', '--vault', vaultDir, 'serve'], {
    stdio: ['ignore', 'pipe', 'pipe'],
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
  return { ...info, origin: `http://127.0.0.1:${info.port}`, vaultDir, process: child };
}

export const test = base.extend<{ app: ServedApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  app: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sv-e2e-'));
    const app = await startServe(path.join(dir, 'vault'));
    await use(app);
    app.process.kill('SIGTERM');
    await new Promise((r) => app.process.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
