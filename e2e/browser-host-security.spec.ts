import { request as playwrightRequest } from '@playwright/test';
import { test, expect } from './support/serve-fixture';

test.describe('browser host security', () => {
  test('a request without the secret gets 401', async ({ app }) => {
    const ctx = await playwrightRequest.newContext();
    const page = await ctx.get(`${app.origin}/`);
    expect(page.status()).toBe(401);
    const api = await ctx.post(`${app.origin}/api/getStatus`, { data: {} });
    expect(api.status()).toBe(401);
    const wrong = await ctx.post(`${app.origin}/api/getStatus`, { data: {}, headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status()).toBe(401);
    await ctx.dispose();
  });

  test('the secret opens the API', async ({ app }) => {
    const secret = new URL(app.url).searchParams.get('token');
    const ctx = await playwrightRequest.newContext();
    const res = await ctx.post(`${app.origin}/api/getStatus`, { data: {}, headers: { Authorization: `Bearer ${secret}` } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { state: string } };
    expect(body).toMatchObject({ ok: true, value: { state: 'no-vault', host: 'browser' } });
    await ctx.dispose();
  });

  test('a foreign Host header is refused even with the secret (DNS rebinding)', async ({ app }) => {
    const secret = new URL(app.url).searchParams.get('token');
    const ctx = await playwrightRequest.newContext();
    const res = await ctx.post(`${app.origin}/api/getStatus`, {
      data: {},
      headers: { Authorization: `Bearer ${secret}`, Host: `evil.example:${app.port}` },
    });
    expect(res.status()).toBe(403);
    const origin = await ctx.post(`${app.origin}/api/getStatus`, {
      data: {},
      headers: { Authorization: `Bearer ${secret}`, Origin: 'http://evil.example' },
    });
    expect(origin.status()).toBe(403);
    await ctx.dispose();
  });

  test('pages carry a strict Content-Security-Policy', async ({ app, page }) => {
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
