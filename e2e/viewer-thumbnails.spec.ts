/**
 * Library previews come from the viewer's decode path: a colour ultrasound (which the core's old
 * greyscale preview showed as "No preview") and a JPEG-LS CT get a drawn preview.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES_DIR, samplesPresent } from '../main/test-support/sample-corpus';
import { createVault, importPath } from './support/pages';
import { expect, test } from './support/serve-fixture';

test.skip(!samplesPresent, 'needs ../shared/dicom-samples');

test('a colour ultrasound and a compressed CT show real previews in the library', async ({ app, page }) => {
  const folder = path.join(path.dirname(app.vaultDir), 'SAMPLES');
  mkdirSync(folder, { recursive: true });
  copyFileSync(path.join(SAMPLES_DIR, 'us/US1_UNCR.dcm'), path.join(folder, 'US1'));
  copyFileSync(path.join(SAMPLES_DIR, 'transfer-syntax/ct-all-syntaxes-cornerstone/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm'), path.join(folder, 'CT1'));
  await createVault(page, app.url);
  await importPath(page, folder, 'Sample files');
  await page.getByRole('button', { name: 'Go to library' }).click();
  const show = page.getByRole('button', { name: /Show 1 series/ });
  await expect(show).toHaveCount(2);
  // Opening one relabels its button, so always open the first still closed.
  await show.first().click();
  await show.first().click();
  const previews = page.getByRole('img', { name: /Preview of/ });
  await expect(previews).toHaveCount(2);
  for (const preview of await previews.all()) await expect(preview).toBeVisible();
  await expect(page.getByText('No preview')).toHaveCount(0);
  // Drawn, not blank: the canvas holds more than one colour.
  const distinct = await previews.first().evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    return new Set(Array.from({ length: data.length / 4 }, (_, i) => data[i * 4]! * 65536 + data[i * 4 + 1]! * 256 + data[i * 4 + 2]!)).size;
  });
  expect(distinct).toBeGreaterThan(10);
});
