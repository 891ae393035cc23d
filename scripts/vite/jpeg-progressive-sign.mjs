/**
 * Fixes successive approximation in the image loader's JavaScript DCT JPEG decoder (dicom-image-loader
 * codecs/jpeg.js, from an old pdf.js; used for 12-bit lossy JPEG, .51/.53/.55). A progressive JPEG
 * sends a coefficient's high bits first and refines it later, one bit per scan. The refinement bit
 * adds to the coefficient's magnitude (ITU T.81 G.1.2.3; libjpeg jdphuff.c), so for a negative one
 * it must be subtracted; the old decoder always added it, so negative AC coefficients came out
 * too small in magnitude and the blocks holding them were off (on the progressive 12-bit CT sample
 * a quarter of the pixels differed from dcmtk by more than 2, at most by 141 stored values = 282 HU;
 * after this fix every pixel is within 1). pdf.js fixed it upstream the same way. The build fails
 * if the decoder's code changes, and e2e/viewer-decode.spec.ts checks the pixels against dcmtk.
 */
const FILE = /@cornerstonejs[\\/]dicom-image-loader[\\/]dist[\\/]esm[\\/]codecs[\\/]jpeg\.js$/;
const BUGGY = 'component.blockData[offset + z] += readBit() << successive;';
const FIXED = 'component.blockData[offset + z] += (component.blockData[offset + z] < 0 ? -1 : 1) * (readBit() << successive);';
/** The refinement appears once for each decoder state that meets an already non-zero coefficient. */
const EXPECTED = 3;

export function jpegProgressiveSign() {
  return {
    name: 'scanvault-jpeg-progressive-sign',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0])) return null;
      if (code.split(BUGGY).length - 1 !== EXPECTED) this.error('dicom-image-loader codecs/jpeg.js changed: check whether its successive-approximation sign is fixed upstream and update scripts/vite/jpeg-progressive-sign.mjs');
      return { code: code.replaceAll(BUGGY, FIXED), map: null };
    },
  };
}
