import { test, expect } from './support/serve-fixture';

test('opening the printed address shows the first-run screen', async ({ app, page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(app.url);
  // The one-time token is traded for a session cookie and removed from the address bar.
  await expect(page).toHaveURL(`${app.origin}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
