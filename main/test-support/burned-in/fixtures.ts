/**
 * Test helper: the burned-in fixtures, images of several modalities with a name and an ID burned
 * in at known places (no Burned In Annotation attribute), and the same from the real samples.
 */
import { readManifest, sampleBytes, samplesPresent } from '../sample-corpus';
import { plantText, type PlantedFile } from './planted-text';
import { syntheticCr, syntheticCt, syntheticMr, syntheticUs } from './synthetic-images';

export interface PlantedCase extends PlantedFile {
  name: string;
}

export const NAME = 'DOE^JANE';
export const ID = 'MRN-0001';

export function syntheticPlanted(): PlantedCase[] {
  return [
    { name: 'CT 16-bit signed', ...plantText(syntheticCt(), [{ text: NAME, x: 20, y: 20, px: 14 }, { text: ID, x: 380, y: 480, px: 12 }]) },
    { name: 'MR 12-bit', ...plantText(syntheticMr(), [{ text: 'DOE, JANE', x: 10, y: 8, px: 12 }, { text: ID, x: 170, y: 236, px: 11 }]) },
    { name: 'CR MONOCHROME1', ...plantText(syntheticCr(), [{ text: 'JANE DOE 1980-01-01', x: 30, y: 470, px: 16 }, { text: ID, x: 300, y: 20, px: 14 }]) },
    { name: 'US RGB cine', ...plantText(syntheticUs(), [{ text: 'DOE JANE ID 12345', x: 5, y: 4, px: 13 }]) },
  ];
}

/** Real CT and MR slices with a name and an ID burned in (empty without the sample corpus). */
export function realPlanted(limit = 4): PlantedCase[] {
  if (!samplesPresent) return [];
  const rows = readManifest().filter((r) => /^(ct-series\/chest-ct|mr-series\/head-t1)/.test(r.path)).slice(0, limit);
  return rows.map((row) => {
    const bytes = sampleBytes(row.path);
    const big = row.path.startsWith('ct-series');
    const plants = big
      ? [{ text: NAME, x: 16, y: 16, px: 14 }, { text: ID, x: 390, y: 486, px: 12 }]
      : [{ text: NAME, x: 8, y: 6, px: 11 }, { text: ID, x: 170, y: 238, px: 11 }];
    return { name: row.path, ...plantText(bytes, plants) };
  });
}

/** Clean real CT and MR images (no text in them), for the false positive rate. */
export function realClean(): { name: string; bytes: Uint8Array }[] {
  if (!samplesPresent) return [];
  return readManifest()
    .filter((r) => /^(ct|mr)-series\//.test(r.path))
    .map((r) => ({ name: r.path, bytes: sampleBytes(r.path) }));
}
