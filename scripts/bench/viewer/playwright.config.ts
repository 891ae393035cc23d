import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config';

/** The e2e set-up (browser choice, Chromium flags), pointed at the viewer benchmark. */
export default defineConfig({ ...base, testDir: '.', testMatch: /\.bench\.ts$/, reporter: 'line', globalSetup: '../../../e2e/support/global-setup.ts' });
