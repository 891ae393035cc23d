import { afterAll, expect, test } from 'vitest';
import { realPlanted, syntheticPlanted } from '../../../test-support/burned-in/fixtures';
import { decodeAll } from '../../../test-support/burned-in/pixel-compare';
import { maskPixelsAsync } from './mask-pixels';
import { createScreener } from './screener';

const screener = createScreener();
afterAll(() => screener.close());

/** The suggested masks, applied without review (`--burned-in mask`), hide every planted text: checked against where it was planted. */
test('screen then mask: every planted text region is covered', async () => {
  for (const c of [...syntheticPlanted(), ...realPlanted(2)]) {
    const { regions } = await screener.screen(c.bytes);
    const masked = await maskPixelsAsync(c.bytes, regions);
    const after = await decodeAll(masked.bytes);
    for (const box of c.boxes) {
      const values = new Set<number>();
      for (let f = 0; f < after.info.frames; f++) {
        if (box.frame !== null && box.frame !== f) continue;
        for (let y = box.y; y < box.y + box.height; y++) for (let x = box.x; x < box.x + box.width; x++) values.add(after.at(f, x, y, 0));
      }
      // One flat value left where the text was: nothing of the glyphs survives.
      expect(values.size, `${c.name}: text at ${box.x},${box.y}`).toBe(1);
    }
  }
}, 60_000);
