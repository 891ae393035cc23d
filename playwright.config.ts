import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/support/browser';

/**
 * E2E tests drive Chromium against `scanvault serve`. The browser is chosen in the global setup
 * (e2e/support/browser.ts: the npm-shipped Chromium by default on Linux x64) and never downloaded.
 */
const executablePath = process.env.SCANVAULT_E2E_RESOLVED;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_ARGS,
    },
    actionTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
