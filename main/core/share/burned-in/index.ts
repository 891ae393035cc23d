/** Burned-in text: screening images for text in their pixels, and masking it (the seam is types.ts). */
export { createScreener, type ScreenerOptions } from './screener';
export { loadMaskCodecs, maskPixels, maskPixelsAsync } from './mask-pixels';
export { ImageError } from './image-frames';
export type { MaskedFile, MaskPixels, ScreenResult, Screener, TextRegion } from './types';
