/**
 * Joining pdf.js text pieces: the piece geometry below is what pdf.js reports for a page printed to
 * PDF by Chromium, where the "fi" ligatures come as pieces of their own.
 */
import { describe, expect, it } from 'vitest';
import { findPassages } from '../../../../shared/ai-record/passages';
import { pageText } from './pdf';

type Piece = [str: string, hasEOL: boolean, x: number, y: number, width: number];

function page(pieces: readonly Piece[]) {
  const items = pieces.map(([str, hasEOL, x, y, width]) => ({ str, hasEOL, transform: [10.5, 0, 0, 10.5, x, y], width, height: 10.5, dir: 'ltr', fontName: 'f1' }));
  return { getTextContent: async () => ({ items, styles: {}, lang: null }) } as unknown as Parameters<typeof pageText>[0];
}

describe('pageText', () => {
  it('keeps a word whole when a ligature is a piece of its own, and spaces pieces that do not touch', async () => {
    const text = await pageText(page([
      ['Your images may be de-identi', false, 6, 788.88, 156.59],
      ['fi', false, 162.59, 788.88, 6.61],
      ['ed and used to train arti', false, 169.2, 788.88, 127.58],
      ['fi', false, 296.79, 788.88, 6.61],
      ['cial intelligence models.', true, 303.4, 788.88, 120],
      ['We may send images', false, 6, 766.38, 100],
      ['to a cloud service.', false, 130, 766.38, 90],
    ]));
    expect(text).toBe('Your images may be de-identified and used to train artificial intelligence models.\nWe may send images to a cloud service.');
    const terms = findPassages([text]).map((p) => p.term);
    expect(terms).toEqual(expect.arrayContaining(['de-identified', 'training', 'cloud']));
  });

  it('puts a space between pieces on different lines even where x lines up', async () => {
    const text = await pageText(page([['first line', false, 6, 700, 50], ['second', false, 56, 680, 30]]));
    expect(text).toBe('first line second');
  });
});
