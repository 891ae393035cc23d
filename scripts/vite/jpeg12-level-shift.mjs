/**
 * Fixes the level shift of the image loader's JavaScript DCT JPEG decoder (dicom-image-loader
 * codecs/jpeg.js, used for 12-bit lossy JPEG, transfer syntaxes .51/.53/.55). The decoder comes from
 * pdf.js, which only knew 8-bit: it adds 2056 (= 128 x 16 + 8, the 8-bit level shift in its
 * 4-fraction-bit fixed point plus rounding) scaled by 255/(2^P - 1). For P = 12 that is 33016
 * instead of 32776 (= 2048 x 16 + 8), so every stored value came out 15 units high (30 HU on a CT),
 * and values at the top were clipped early. The rewritten expression is the same for 8-bit and
 * right for every precision. There is no 12-bit JPEG decoder in an npm package to use instead
 * (libjpeg-turbo's Cornerstone build is 8-bit only), so the fix is applied at build time; the build
 * fails if the decoder's text changes, and e2e/viewer-decode.spec.ts checks the pixels against dcmtk.
 */
const FILE = /@cornerstonejs[\\/]dicom-image-loader[\\/]dist[\\/]esm[\\/]codecs[\\/]jpeg\.js$/;
const BUGGY = `q =
            q <= -2056 / component.bitConversion
                ? 0
                : q >= 2024 / component.bitConversion
                    ? 255 / component.bitConversion
                    : (q + 2056 / component.bitConversion) >> 4;`;
const FIXED = `var maxValue = Math.round(255 / component.bitConversion);
        var levelShift = (maxValue + 1) * 8 + 8;
        q =
            q <= -levelShift
                ? 0
                : q >= maxValue * 16 - levelShift
                    ? maxValue
                    : (q + levelShift) >> 4;`;

export function jpeg12LevelShift() {
  return {
    name: 'scanvault-jpeg12-level-shift',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0])) return null;
      if (!code.includes(BUGGY)) this.error('dicom-image-loader codecs/jpeg.js changed: check whether its 12-bit level shift is fixed upstream and update scripts/vite/jpeg12-level-shift.mjs');
      return { code: code.replace(BUGGY, FIXED), map: null };
    },
  };
}
