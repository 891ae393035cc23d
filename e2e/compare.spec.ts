/**
 * Check a copy, in Chromium through the browser host: a CT is imported, a copy with a painted
 * rectangle is checked by typing its folder, the result says the picture was changed, and the
 * side-by-side view shows both pictures with the difference drawn over them; a copy chosen in the
 * page and one dragged onto the drop zone are checked the same way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { paintRegion } from '../main/test-support/compare/altered-copies';
import { multiFrameFile } from '../main/test-support/dicom/multi-frame-fixture';
import { sampleBytes, samplesPresent } from '../main/test-support/sample-corpus';
import { violations } from './support/axe';
import { createVault, importPath } from './support/pages';
import { expect, test } from './support/serve-fixture';

test.skip(!samplesPresent, 'needs ../shared/dicom-samples');
test.use({ bypassCSP: true });

const CT = 'ct-series/chest-ct-3slice-ge/01.dcm';
/** 80 x 60 pixels painted bright, inclusive corners. */
const BOX: [number, number, number, number] = [300, 180, 379, 239];

test('a painted copy: "picture was changed", then side by side with the difference overlay', async ({ app, page }, testInfo) => {
  const root = path.dirname(app.vaultDir);
  const originals = path.join(root, 'originals');
  const copies = path.join(root, 'copies');
  mkdirSync(originals);
  mkdirSync(copies);
  const original = sampleBytes(CT);
  writeFileSync(path.join(originals, 'CT1.dcm'), original);
  writeFileSync(path.join(copies, 'CT1-from-hospital.dcm'), paintRegion(original, BOX, 1500));

  await createVault(page, app.url);
  await importPath(page, originals, 'Sample CT');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check a copy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check a copy' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('compare-setup.png'), fullPage: true });

  await page.getByLabel('Path on this computer').fill(copies);
  await page.getByRole('button', { name: 'Check this copy' }).click();
  await expect(page.getByRole('heading', { name: '1 of 1 picture does not match your originals' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('The picture was changed: 4,800 pixels in 1 area')).toBeVisible();
  await expect(page.getByText(/found by its image identifier/)).toBeVisible();

  await page.getByRole('button', { name: 'Show side by side' }).click();
  const views = page.getByTestId('compare-viewports');
  await expect(views).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByRole('img', { name: 'Your original' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'The copy' })).toBeVisible();

  // The overlay holds red (changed pixels) and yellow (the box) where the painted area is shown.
  const overlay = page.getByTestId('compare-overlay');
  await expect.poll(async () => overlay.evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return { red: 0, yellow: 0 };
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let red = 0;
    let yellow = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) === 0) continue;
      if ((data[i] ?? 0) > 200 && (data[i + 1] ?? 0) > 180 && (data[i + 2] ?? 0) < 60) yellow++;
      else if ((data[i] ?? 0) > 200 && (data[i + 1] ?? 0) < 60) red++;
    }
    return { red: red > 100 ? 'many' : red, yellow: yellow > 50 ? 'many' : yellow };
  }), { timeout: 15_000 }).toEqual({ red: 'many', yellow: 'many' });

  // Windowing applies to both views.
  await page.getByLabel('Window width').fill('1500');
  await page.getByLabel('Window centre').fill('-600');
  await page.getByRole('button', { name: 'Apply window' }).click();
  await expect(page.getByLabel('Window width')).toHaveValue('1500');

  expect(await violations(page)).toEqual([]);
  await views.screenshot({ path: testInfo.outputPath('compare-side-by-side.png') });
  await page.screenshot({ path: testInfo.outputPath('compare-page.png'), fullPage: true });
});

/** The copy is chosen in the page this time: sent to the browser host, held in its memory, compared from there. */
test('a multi-frame copy chosen in the page opens at its changed frame, and both views scroll together', async ({ app, page }, testInfo) => {
  const root = path.dirname(app.vaultDir);
  const originals = path.join(root, 'originals');
  const copies = path.join(root, 'copies');
  mkdirSync(originals);
  mkdirSync(copies);
  const original = multiFrameFile({ frames: 5, rows: 64, columns: 64, seed: 3 });
  writeFileSync(path.join(originals, 'MF.dcm'), original);
  writeFileSync(path.join(copies, 'MF.dcm'), paintRegion(original, [8, 8, 23, 15], 0, 2));

  await createVault(page, app.url);
  await importPath(page, originals, 'Generated cine');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check a copy' }).click();
  await page.getByLabel('Choose files…').setInputFiles(path.join(copies, 'MF.dcm'));
  await page.getByRole('button', { name: 'Check this copy' }).click();
  await expect(page.getByText(/The picture was changed: [\d,]+ pixels in 1 area/)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Show side by side' }).click();
  await expect(page.getByTestId('compare-viewports')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  const original3 = page.getByRole('img', { name: 'Your original' });
  const copy3 = page.getByRole('img', { name: 'The copy' });
  await expect(copy3).toHaveAttribute('data-frame', '3');
  await expect(original3).toHaveAttribute('data-frame', '3');
  await expect(page.getByText('Frame 3 of 5')).toBeVisible();
  await page.getByTestId('compare-viewports').screenshot({ path: testInfo.outputPath('compare-multi-frame.png') });

  // The wheel over the original moves the copy too; the slider moves both.
  await original3.scrollIntoViewIfNeeded();
  const box = await original3.boundingBox();
  if (!box) throw new Error('no viewport box');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 120);
  await expect(original3).toHaveAttribute('data-frame', '4');
  await expect(copy3).toHaveAttribute('data-frame', '4');
  await page.getByLabel('Frame 4 of 5').fill('1');
  await expect(original3).toHaveAttribute('data-frame', '1');
  await expect(copy3).toHaveAttribute('data-frame', '1');
  expect(await violations(page)).toEqual([]);
});

test('a copy dragged onto the drop zone is checked like a chosen one', async ({ app, page }) => {
  const root = path.dirname(app.vaultDir);
  const originals = path.join(root, 'originals');
  mkdirSync(originals);
  const original = multiFrameFile({ frames: 2, rows: 32, columns: 32, seed: 5 });
  writeFileSync(path.join(originals, 'MF.dcm'), original);

  await createVault(page, app.url);
  await importPath(page, originals, 'Generated cine');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Check a copy' }).click();
  // What a drag from the file manager delivers: a DataTransfer holding the file, through the
  // dragenter, dragover and drop events the zone listens to.
  const zone = page.getByRole('button', { name: /Drop files, a folder or a zip here/ });
  const dropped = await page.evaluateHandle((bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'MF-copy.dcm', { type: 'application/dicom' }));
    return data;
  }, [...original]);
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: dropped });
  await expect(page.getByText('Chosen: 1 file')).toBeVisible();
  await page.getByRole('button', { name: 'Check this copy' }).click();
  await expect(page.getByText('Identical to your original', { exact: true })).toBeVisible({ timeout: 60_000 });
});
