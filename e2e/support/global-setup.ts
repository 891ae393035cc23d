import { chooseE2eBrowser } from './browser';

/**
 * Runs once before the workers start: unpacks the npm-shipped Chromium if that is the choice and
 * hands its path to the workers (they inherit this process's environment and re-read the config).
 */
export default async function globalSetup(): Promise<void> {
  const choice = await chooseE2eBrowser();
  process.env.SCANVAULT_E2E_RESOLVED = choice.kind === 'playwright' ? '' : choice.executablePath;
  process.stdout.write(`e2e browser: ${choice.kind}${choice.kind === 'playwright' ? '' : ` (${choice.executablePath})`}\n`);
}
