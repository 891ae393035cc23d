// Library benchmark (bundled and run by scripts/bench-library.mjs). For 1 and for 10,000 studies:
// a fresh vault whose index is filled by insertBulkStudies (rows as an import writes them; no
// pixel files, which the list never reads), the median time of the list query in the core, and
// the time from clicking Unlock to the first study card in Chromium through `scanvault serve`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { StudyQuery } from '../../shared/api/library-query';
import { queryStudies } from '../../main/core/library/query-studies';
import { createVault } from '../../main/core/vault/vault';
import { insertBulkStudies } from '../../main/test-support/library/bulk-studies';
import { CHROMIUM_ARGS, chooseE2eBrowser } from '../../e2e/support/browser';

const PASS = 'benchmark passphrase for the library';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function buildVault(dir: string, count: number): Promise<{ query: number; search: number }> {
  const { vault } = await createVault({ dir, passphrase: PASS });
  await vault.writes.run((db) => insertBulkStudies(db, count));
  const time = (q: object): number => median(Array.from({ length: 31 }, () => {
    const t0 = performance.now();
    queryStudies(vault.db, StudyQuery.parse(q));
    return performance.now() - t0;
  }));
  const result = { query: time({}), search: time({ text: 'jane knee' }) };
  vault.close();
  return result;
}

async function serve(vaultDir: string, home: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bin/scanvault.js', '--json', '--vault', vaultDir, 'serve'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home } });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); try { resolve((JSON.parse(out) as { url: string }).url); } catch { /* not yet */ } });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { url, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

async function unlockToFirstCard(url: string, rounds: number): Promise<number[]> {
  const choice = await chooseE2eBrowser();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(choice.kind === 'playwright' ? {} : { executablePath: choice.executablePath }) });
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('list', { name: 'Studies' }).getByRole('article').first().waitFor({ timeout: 120_000 });
      times.push(Date.now() - t0);
      await page.getByRole('button', { name: 'Lock' }).click();
      await page.getByRole('heading', { name: 'Unlock your vault' }).waitFor();
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'sv-bench-library-'));
try {
  const results: Record<number, { query: number; search: number; firstCard: number[] }> = {};
  for (const count of [1, 10_000]) {
    process.stderr.write(`Building a vault with ${count} studies…\n`);
    const dir = path.join(work, `vault-${count}`);
    const timed = await buildVault(dir, count);
    const server = await serve(dir, path.join(work, `home-${count}`));
    try {
      results[count] = { ...timed, firstCard: await unlockToFirstCard(server.url, Number(process.env.BENCH_ROUNDS ?? 5)) };
    } finally {
      await server.stop();
    }
  }
  const one = results[1]!;
  const many = results[10_000]!;
  const lines = [
    `list query, 10,000 studies: first page median ${many.query.toFixed(1)} ms, search "jane knee" median ${many.search.toFixed(1)} ms (target <= 50 ms)`,
    `list query, 1 study:        first page median ${one.query.toFixed(1)} ms`,
    `unlock to first card, 1 study:        ${one.firstCard.join(', ')} ms (median ${median(one.firstCard)} ms)`,
    `unlock to first card, 10,000 studies: ${many.firstCard.join(', ')} ms (median ${median(many.firstCard)} ms)`,
    `first card 10,000 vs 1: +${median(many.firstCard) - median(one.firstCard)} ms (target <= 1000 ms), ratio ${(median(many.firstCard) / median(one.firstCard)).toFixed(2)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
