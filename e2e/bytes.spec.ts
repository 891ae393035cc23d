import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { makeSeries } from '../main/test-support/dicom-fixtures';
import { createVault, importPath } from './support/pages';
import { test, expect, type ServedApp } from './support/serve-fixture';

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Three instances (one spanning several 64 KiB blob chunks) beside the test's vault folder. */
function fixtureFolder(app: ServedApp): Buffer[] {
  const dir = path.join(path.dirname(app.vaultDir), 'CD');
  mkdirSync(dir, { recursive: true });
  const files = [
    ...makeSeries(2, { patientName: 'DOE^JANE', studyDescription: 'CT HEAD', rows: 32, columns: 32 }),
    ...makeSeries(1, { patientName: 'DOE^JANE', studyDescription: 'CT HEAD', rows: 400, columns: 400 }),
  ];
  files.forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  return files;
}

test('the page reads imported files byte-exact through the byte route', async ({ app, page }) => {
  const files = fixtureFolder(app);
  await createVault(page, app.url);
  await importPath(page, path.join(path.dirname(app.vaultDir), 'CD'), 'Test CD');

  // A fresh vault numbers instances from 1; which file got which id is not assumed.
  const fetched = await page.evaluate(async (count) => {
    const hex = (buf: ArrayBuffer): string => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const out: { status: number; sha: string; length: number; type: string | null; cache: string | null }[] = [];
    for (let id = 1; id <= count; id += 1) {
      const res = await fetch(`/bytes/instance/${id}`, { credentials: 'same-origin', cache: 'no-store' });
      const body = await res.arrayBuffer();
      out.push({ status: res.status, sha: hex(await crypto.subtle.digest('SHA-256', body)), length: body.byteLength, type: res.headers.get('content-type'), cache: res.headers.get('cache-control') });
    }
    return out;
  }, files.length);
  expect(fetched.map((f) => f.status)).toEqual(files.map(() => 200));
  expect(fetched.every((f) => f.type === 'application/dicom' && f.cache === 'no-store')).toBe(true);
  expect(fetched.map((f) => f.sha).sort()).toEqual(files.map(sha).sort());

  // A range across the first chunk boundary of the large file.
  const large = files.reduce((a, b) => (b.length > a.length ? b : a));
  const largeId = fetched.findIndex((f) => f.sha === sha(large)) + 1;
  const range = await page.evaluate(async (id) => {
    const res = await fetch(`/bytes/instance/${id}`, { headers: { Range: 'bytes=65000-70999' } });
    return { status: res.status, contentRange: res.headers.get('content-range'), bytes: [...new Uint8Array(await res.arrayBuffer())] };
  }, largeId);
  expect(range.status).toBe(206);
  expect(range.contentRange).toBe(`bytes 65000-70999/${large.length}`);
  expect(Buffer.from(range.bytes).equals(large.subarray(65000, 71000))).toBe(true);

  const unknown = await page.evaluate(async () => (await fetch('/bytes/instance/999')).status);
  expect(unknown).toBe(404);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  const locked = await page.evaluate(async () => {
    const res = await fetch('/bytes/instance/1');
    return { status: res.status, body: (await res.json()) as { error: { code: string } } };
  });
  expect(locked).toMatchObject({ status: 423, body: { error: { code: 'VAULT_LOCKED' } } });
});

test('the byte route answers 401 without the secret and 403 to a foreign Host', async ({ app }) => {
  const ctx = await playwrightRequest.newContext();
  expect((await ctx.get(`${app.origin}/bytes/instance/1`)).status()).toBe(401);
  expect((await ctx.get(`${app.origin}/bytes/instance/1`, { headers: { Authorization: 'Bearer nope' } })).status()).toBe(401);
  const secret = new URL(app.url).searchParams.get('token');
  const foreign = await ctx.get(`${app.origin}/bytes/instance/1`, { headers: { Authorization: `Bearer ${secret}`, Host: `evil.example:${app.port}` } });
  expect(foreign.status()).toBe(403);
  await ctx.dispose();
});
