/**
 * Every build-time correction of the image loader's code, for the app, its workers and the
 * test-only decode page alike (each file says what it fixes and why).
 */
import { j2kHeaderSign } from './j2k-header-sign.mjs';
import { jpeg12LevelShift } from './jpeg12-level-shift.mjs';
import { jpegProgressiveSign } from './jpeg-progressive-sign.mjs';

export function imageLoaderPatches() {
  return [jpeg12LevelShift(), jpegProgressiveSign(), j2kHeaderSign()];
}
