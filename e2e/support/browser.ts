/**
 * Which Chromium the end-to-end tests drive. `npm ci` must be enough on a fresh Linux machine, so
 * the default there is the Chromium build shipped inside the npm package @sparticuz/chromium
 * (unpacked into the temp folder on first use; no download). Elsewhere, or when asked:
 * - SCANVAULT_CHROMIUM=/path/to/chrome   that executable (e.g. Debian's /usr/bin/chromium)
 * - SCANVAULT_E2E_BROWSER=system         /usr/bin/chromium (or chromium on PATH)
 * - SCANVAULT_E2E_BROWSER=playwright     Playwright's own browsers (after `npx playwright install`)
 * - SCANVAULT_E2E_BROWSER=npm            @sparticuz/chromium (the Linux x64 default)
 */
import { existsSync } from 'node:fs';

export type BrowserChoice = { kind: 'npm' | 'system' | 'path'; executablePath: string } | { kind: 'playwright' };

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function chooseE2eBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  if (env.SCANVAULT_CHROMIUM) return { kind: 'path', executablePath: env.SCANVAULT_CHROMIUM };
  const asked = env.SCANVAULT_E2E_BROWSER;
  if (asked === 'playwright') return { kind: 'playwright' };
  if (asked === 'system') return systemChromium() ?? fail('SCANVAULT_E2E_BROWSER=system, but no Chromium was found in /usr/bin.');
  if (asked === 'npm' || (asked === undefined && process.platform === 'linux' && process.arch === 'x64')) return npmChromium();
  if (asked !== undefined) return fail(`SCANVAULT_E2E_BROWSER must be npm, system or playwright (got "${asked}").`);
  return systemChromium() ?? { kind: 'playwright' };
}

async function npmChromium(): Promise<BrowserChoice> {
  const { default: chromium } = await import('@sparticuz/chromium');
  return { kind: 'npm', executablePath: await chromium.executablePath() };
}

function systemChromium(): BrowserChoice | null {
  const found = SYSTEM_CHROMIUM.find((p) => existsSync(p));
  return found ? { kind: 'system', executablePath: found } : null;
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * Flags for a closed network and a machine without a GPU. WebGL2 (the viewer) runs on SwiftShader.
 * Deliberately not @sparticuz/chromium's own list: it turns off web security, which the
 * browser-host tests (CSP, Origin checks) must see working. The page is composited in software, as
 * a browser without a usable GPU does on its own: unblocking the GPU for WebGL had also moved
 * compositing onto SwiftShader, which took 130-140 % CPU in cine (bench:viewer 20-27 fps -> 38).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--no-zygote',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-gpu-compositing',
];
