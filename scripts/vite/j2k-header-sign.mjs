/**
 * Makes the image loader's JPEG 2000 decoder (dicom-image-loader shared/decoders/decodeJPEG2000.js)
 * follow the DICOM header's Pixel Representation, as dcmtk, GDCM and pydicom do, when the codestream
 * says otherwise. The loader typed the decoded samples by the codestream's sign alone (a Uint16Array
 * for an unsigned codestream); its worker then sign-extends from Bits Stored as the header asks,
 * but into that unsigned array, where -2000 wraps back to 63536. Typed as signed, the same
 * sign extension lands: the values are masked to Bits Stored and two's complement, as dcmtk reads
 * them (J2K_pixelrep_mismatch.dcm: header signed 13-bit, codestream unsigned 13-bit). Where header
 * and codestream agree nothing changes. The build fails if the decoder's code changes, and
 * e2e/viewer-decode.spec.ts checks the pixels against GDCM.
 */
const FILE = /@cornerstonejs[\\/]dicom-image-loader[\\/]dist[\\/]esm[\\/]shared[\\/]decoders[\\/]decodeJPEG2000\.js$/;
const BUGGY = 'const pixelData = getPixelData(frameInfo, decodedBufferInWASM);';
const FIXED = 'const pixelData = getPixelData(frameInfo, decodedBufferInWASM, imageInfo.pixelRepresentation === 1 || undefined);';

export function j2kHeaderSign() {
  return {
    name: 'scanvault-j2k-header-sign',
    enforce: 'pre',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0])) return null;
      if (!code.includes(BUGGY)) this.error('dicom-image-loader decodeJPEG2000.js changed: check whether it now follows the header\'s Pixel Representation and update scripts/vite/j2k-header-sign.mjs');
      return { code: code.replace(BUGGY, FIXED), map: null };
    },
  };
}
