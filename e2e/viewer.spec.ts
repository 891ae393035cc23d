/**
 * The study view in Chromium through the browser host, on the real samples: open a CT series,
 * move through it, apply a preset, measure a length against the geometric truth, open the side
 * views; then one screenshot per sample kind, kept as test artifacts.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { violations } from './support/axe';
import { createVault, importPath } from './support/pages';
import { test, expect } from './support/serve-fixture';

test.skip(!samplesPresent, 'needs ../shared/dicom-samples');
test.use({ bypassCSP: true });

/** PixelSpacing of ct-series/chest-ct-3slice-ge (row\column, mm), as dcmdump prints it. */
const CT_PIXEL_SPACING = 0.810547;
const CT_SIZE = 512;

async function openStudy(page: Page, name: RegExp): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name }).first().click();
  const vp = page.getByTestId('viewport-1');
  await expect(vp).toHaveAttribute('data-rendered-index', /\d+/, { timeout: 30_000 });
  return vp;
}

const corner = (page: Page): Locator => page.getByTestId('corner-text').first();

test('a CT study: scroll, preset, length, privacy, cine, help, side views', async ({ app, page }, testInfo) => {
  await createVault(page, app.url);
  await importPath(page, path.join(SAMPLES_DIR, 'ct-series'), 'Sample CT');
  const vp = await openStudy(page, /^Open study:/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('17 April 2003');
  await expect(vp).toHaveAttribute('data-rendered-index', '0');
  await expect(corner(page)).toContainText('Image 1/3');
  await expect(corner(page)).toContainText('W 400 L 40'); // the file's own window
  // A fitted picture reads 100 % whichever path draws it (the CPU path's raw scale read 109 %).
  await expect(page.getByTestId('corner-text').filter({ hasText: 'Zoom' })).toContainText('Zoom 100%');

  // Stack navigation: wheel, keys, slider.
  const box = await vp.boundingBox();
  if (!box) throw new Error('no viewport box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect(vp).toHaveAttribute('data-rendered-index', '1');
  await expect(corner(page)).toContainText('Slice location -127.7 mm');
  await page.keyboard.press('ArrowDown');
  await expect(vp).toHaveAttribute('data-rendered-index', '2');
  await page.keyboard.press('Home');
  await expect(vp).toHaveAttribute('data-rendered-index', '0');
  await page.keyboard.press('End');
  await expect(vp).toHaveAttribute('data-rendered-index', '2');
  await page.getByRole('slider', { name: 'Picture in viewport 1' }).fill('2');
  await expect(vp).toHaveAttribute('data-rendered-index', '1');

  // A preset from the menu, then one by key.
  await page.getByLabel('Window preset').selectOption('lung');
  await expect(corner(page)).toContainText('W 1500 L -600');
  await vp.click();
  await page.keyboard.press('8');
  await expect(corner(page)).toContainText('W 1800 L 400');
  await vp.screenshot({ path: testInfo.outputPath('ct-bone-window.png') });
  await page.keyboard.press('0');
  await expect(corner(page)).toContainText('W 400 L 40');

  // Length: drawn across the picture, checked against spacing x pixel distance. The picture is
  // fitted to the viewport at zoom 100%, so one image pixel is min(width, height) / 512 screen pixels.
  await page.getByRole('button', { name: 'Length' }).click();
  await expect(page.getByRole('button', { name: 'Length' })).toHaveAttribute('aria-pressed', 'true');
  const canvasBox = await vp.boundingBox();
  if (!canvasBox) throw new Error('no canvas box');
  const scale = Math.min(canvasBox.width, canvasBox.height) / CT_SIZE;
  const from = { x: canvasBox.x + canvasBox.width / 2 - 150, y: canvasBox.y + canvasBox.height / 2 - 80 };
  const to = { x: canvasBox.x + canvasBox.width / 2 + 130, y: canvasBox.y + canvasBox.height / 2 + 90 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const measurement = page.getByTestId('measurement').first();
  await expect(measurement).toHaveText(/^Length [\d.]+ mm$/);
  const truth = (Math.hypot(to.x - from.x, to.y - from.y) / scale) * CT_PIXEL_SPACING;
  // The list follows the drawing; the value settles once the drag's last point is drawn.
  const shown = async (): Promise<number> => Number(/Length ([\d.]+) mm/.exec(await measurement.innerText())?.[1]);
  await expect.poll(async () => Math.abs((await shown()) - truth) / truth).toBeLessThan(0.01);
  testInfo.annotations.push({ type: 'length', description: `shown ${await shown()} mm, truth ${truth.toFixed(2)} mm` });
  await vp.screenshot({ path: testInfo.outputPath('ct-length.png') });

  // Privacy mode hides the identifying corner text and the header line; O hides all corner text.
  await expect(corner(page)).toContainText('JANCT000');
  await page.keyboard.press('x');
  await expect(corner(page)).toContainText('Privacy mode');
  await expect(corner(page)).not.toContainText('JANCT000');
  await expect(corner(page)).not.toContainText('99000');
  await expect(page.locator('.study-header')).not.toContainText('JANCT000');
  await page.keyboard.press('o');
  await expect(page.getByTestId('corner-text')).toHaveCount(0);
  await page.keyboard.press('o');
  await page.keyboard.press('x');

  // Cine plays and pauses.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('achieved-fps')).toHaveText(/^showing \d+\/s$/);
  const seen = new Set<string>();
  await expect.poll(async () => { seen.add((await vp.getAttribute('data-rendered-index')) ?? ''); return seen.size; }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause' }).click();

  // The help overlay lists the keys and closes with Esc.
  await vp.click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Lung (width 1500, level -600)');
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  expect(await violations(page)).toEqual([]);

  // Side views: offered once the slices are known to be a volume.
  const mpr = page.getByRole('button', { name: 'Side views (MPR)' });
  await expect(mpr).toBeEnabled({ timeout: 30_000 });
  await mpr.click();
  const panel = page.getByRole('region', { name: 'Side views (MPR)' });
  await expect(panel).toHaveAttribute('data-mpr-status', 'shown', { timeout: 30_000 });
  await panel.screenshot({ path: testInfo.outputPath('ct-mpr.png') });
  await page.getByRole('button', { name: 'Close side views' }).click();
  await expect(vp).toBeVisible();

  await page.getByRole('button', { name: 'Back to library' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
});

test('a sagittal head MR in side views: all three planes built from the slices\' positions', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  await createVault(page, app.url);
  await importPath(page, path.join(SAMPLES_DIR, 'mr-series/head-t1-sag-siemens-trio-with-face'), 'Sample head MR');
  await openStudy(page, /^Open study:/);
  const mpr = page.getByRole('button', { name: 'Side views (MPR)' });
  await expect(mpr).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press('m');
  const panel = page.getByRole('region', { name: 'Side views (MPR)' });
  await expect(panel).toHaveAttribute('data-mpr-status', 'shown', { timeout: 60_000 });
  await expect(panel).toHaveAttribute('data-mpr-complete', 'true', { timeout: 120_000 });
  for (const plane of ['Sagittal (from the side)', 'Axial (from feet)', 'Coronal (from the front)']) {
    const cell = panel.getByRole('group', { name: plane });
    const shot = testInfo.outputPath(`mr-${plane.split(' ')[0]?.toLowerCase()}.png`);
    await cell.screenshot({ path: shot });
    await testInfo.attach(plane, { path: shot, contentType: 'image/png' });
  }
  await panel.screenshot({ path: testInfo.outputPath('mr-mpr.png') });
});

/** One file (or folder) per kind of picture; each becomes its own study in the library. */
const KINDS = [
  'multiframe/us-cine-acuson-8frames/IM00001.implicit_little_endian.dcm',
  'multiframe/enhanced-mr-small/emri_small.dcm',
  'us/US1_UNCR.dcm',
  'color-photometric/OBXXXX1A.dcm',
  'xray-cr-dx-mg/CR-MONO1-10-chest',
  'xray-cr-dx-mg/dx_image.dcm',
  'secondary-capture/SC_rgb.dcm',
  'transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm',
  'transfer-syntax/misc-pydicom-data/MR2_J2KI.dcm',
];

test('a screenshot of each sample kind, kept as artifacts', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  const dir = path.join(path.dirname(app.vaultDir), 'KINDS');
  mkdirSync(dir, { recursive: true });
  KINDS.forEach((k, i) => copyFileSync(path.join(SAMPLES_DIR, k), path.join(dir, `F${i}`)));
  await createVault(page, app.url);
  await importPath(page, dir, 'Sample kinds');
  // The library draws only the cards on screen: a tall window shows every study at once.
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.getByRole('button', { name: 'Go to library' }).click();
  await expect(page.getByRole('button', { name: /^Open study:/ }).first()).toBeVisible();
  const count = await page.getByRole('button', { name: /^Open study:/ }).count();
  expect(count).toBeGreaterThanOrEqual(KINDS.length - 2);
  for (let i = 0; i < count; i += 1) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await page.setViewportSize({ width: 1280, height: 3200 });
    await page.getByRole('button', { name: /^Open study:/ }).nth(i).click();
    await page.setViewportSize({ width: 1280, height: 860 });
    const vp = page.getByTestId('viewport-1');
    await expect(vp).toHaveAttribute('data-rendered-index', /\d+/, { timeout: 30_000 });
    const shot = testInfo.outputPath(`kind-${i + 1}.png`);
    await page.locator('.viewport-cell').first().screenshot({ path: shot });
    await testInfo.attach(`kind-${i + 1}`, { path: shot, contentType: 'image/png' });
    await page.getByRole('button', { name: 'Back to library' }).click();
  }
});
