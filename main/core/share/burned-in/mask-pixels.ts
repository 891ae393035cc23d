/**
 * maskPixels: a copy of a DICOM file with rectangles of its pixel data blanked. Uncompressed pixel
 * data is edited where it lies, so every other byte of the file stays as it was (same transfer
 * syntax, implicit, explicit or big endian). Compressed pixel data is decoded, masked and written
 * uncompressed as explicit VR little endian; only the elements about the pixel encoding change
 * (transfer syntax, Pixel Data, Photometric Interpretation for decoded JPEG colour, Planar
 * Configuration, the Extended Offset Table), every other element is copied byte for byte.
 */
import type { DataElement } from '../deid/dataset-tree';
import { loadCompressedCodecs } from '../../dicom/decode-compressed';
import { describeEncoding, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN } from '../../dicom/transfer-syntax';
import { ImageError, openImage, type OpenImage } from './image-frames';
import { nativeLayout } from './native-layout';
import { lowestValue, maskSamples, paintFrame, type FrameBuffer } from './paint';
import { colourModel } from './samples';
import { rewriteDataset, rewriteMeta } from './rewrite';
import type { MaskedFile, MaskPixels, TextRegion } from './types';

const leaf = (tag: number, vr: string, value: Uint8Array): DataElement => ({ tag, vr, value, encapsulated: false, items: null });
const PHOTOMETRIC = 0x00280004;
const PLANAR = 0x00280006;
const PIXEL_DATA = 0x7fe00010;
const ENCAPSULATION_ONLY = new Set([0x7fe00001, 0x7fe00002]); // Extended Offset Table and its lengths

function maskNative(file: Uint8Array, image: OpenImage, masks: readonly TextRegion[]): MaskedFile {
  const { header, info, geometry } = image;
  const pixel = header.pixelData;
  if (pixel === null || pixel.length === null) throw new ImageError('The image data cannot be found');
  const deflated = info.transferSyntaxUid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
  const dataset = Uint8Array.from(deflated ? header.layout.dataset.bytes : file);
  const data = dataset.subarray(pixel.offset, pixel.offset + pixel.length);
  const layout = nativeLayout(info, { planar: geometry.colourByPlane, subsampled422: geometry.subsampled422, littleEndian: header.layout.encoding.littleEndian });
  const frames: FrameBuffer[] = Array.from({ length: info.frames }, (_, f) => ({ data, frameInData: f }));
  const values = maskSamples(info, colourModel(info) === 'grey' ? lowestValue(info, layout, frames) : 0);
  frames.forEach((buffer, f) => paintFrame(info, layout, buffer, f, masks, values));
  if (!deflated) {
    return { bytes: dataset, transferSyntaxUid: info.transferSyntaxUid, conversions: [] };
  }
  const meta = rewriteMeta(file, header.layout.datasetOffset, EXPLICIT_VR_LITTLE_ENDIAN);
  const bytes = Buffer.concat([meta, dataset.subarray(header.layout.datasetStart)]);
  return { bytes, transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN, conversions: ['deflated explicit VR little endian written as explicit VR little endian (masked)'] };
}

function describeCompression(tsUid: string): string {
  if (/^1\.2\.840\.10008\.1\.2\.4\.(50|51)$/.test(tsUid)) return 'JPEG baseline';
  if (/^1\.2\.840\.10008\.1\.2\.4\.(57|70)$/.test(tsUid)) return 'JPEG lossless';
  if (/^1\.2\.840\.10008\.1\.2\.4\.8[01]$/.test(tsUid)) return 'JPEG-LS';
  if (/^1\.2\.840\.10008\.1\.2\.4\.9[0-3]$/.test(tsUid)) return 'JPEG 2000';
  if (/^1\.2\.840\.10008\.1\.2\.4\.20[1-3]$/.test(tsUid)) return 'HTJ2K';
  if (tsUid === '1.2.840.10008.1.2.5') return 'RLE lossless';
  return `compressed (${tsUid})`;
}

/** Decoded canonical frames, masked, written as native explicit VR little endian. */
function maskDecoded(file: Uint8Array, image: OpenImage, decoded: Uint8Array[], masks: readonly TextRegion[]): MaskedFile {
  const { header, info } = image;
  if (info.bitsAllocated === 1 && info.frames > 1 && (info.rows * info.columns) % 8 !== 0) {
    throw new ImageError('Multi-frame 1-bit compressed images cannot be masked');
  }
  const frames = decoded.map((frame) => ({ data: Uint8Array.from(frame), frameInData: 0 }));
  const layout = nativeLayout(info, { planar: false, subsampled422: false, littleEndian: true });
  const values = maskSamples(info, colourModel(info) === 'grey' ? lowestValue(info, layout, frames) : 0);
  frames.forEach((buffer, f) => paintFrame(info, layout, buffer, f, masks, values));
  let pixels = Buffer.concat(frames.map((f) => f.data));
  if (pixels.length % 2 === 1) pixels = Buffer.concat([pixels, Buffer.alloc(1)]);
  const photometricChanges = info.samplesPerPixel === 3 && colourModel(info) === 'rgb' && info.photometric !== 'RGB';
  const replace = new Map<number, DataElement | null>([[PIXEL_DATA, leaf(PIXEL_DATA, info.bitsAllocated > 8 ? 'OW' : 'OB', pixels)]]);
  for (const tag of ENCAPSULATION_ONLY) replace.set(tag, null);
  if (photometricChanges) replace.set(PHOTOMETRIC, leaf(PHOTOMETRIC, 'CS', Buffer.from('RGB ', 'latin1')));
  if (info.samplesPerPixel > 1) replace.set(PLANAR, leaf(PLANAR, 'US', Uint8Array.of(0, 0)));
  const dataset = rewriteDataset(header.layout.dataset, header.layout.datasetStart, header.layout.encoding, replace);
  const meta = rewriteMeta(file, header.layout.datasetOffset, EXPLICIT_VR_LITTLE_ENDIAN);
  const conversions = [`${describeCompression(info.transferSyntaxUid)} decoded and written uncompressed, ${describeEncoding(header.layout.encoding)} (masked)`];
  if (photometricChanges) conversions.push(`colour written as RGB (was ${info.photometric})`);
  return { bytes: Buffer.concat([meta, dataset]), transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN, conversions };
}

/**
 * The MaskPixels seam, synchronous, for every transfer syntax the core decodes. Lossy JPEG,
 * JPEG-LS, JPEG 2000 and HTJ2K need their WASM decoders loaded first: createScreener starts
 * loading them, and loadMaskCodecs waits for them. Before that such a file throws an ImageError
 * (maskPixelsAsync never needs the wait).
 */
export const maskPixels: MaskPixels = (file, masks) => {
  const image = openImage(file);
  if (!image.info.encapsulated) return maskNative(file, image, masks);
  const decoded = Array.from({ length: image.info.frames }, (_, i) => image.frameSync(i));
  if (decoded.some((frame) => frame === null)) throw new ImageError('The decoder for this compressed picture is still loading; please try again in a moment');
  return maskDecoded(file, image, decoded as Uint8Array[], masks);
};

/** Loads the WASM image decoders, after which maskPixels handles every compressed picture synchronously. */
export const loadMaskCodecs: () => Promise<void> = loadCompressedCodecs;

/** maskPixels for any transfer syntax the core decodes (JPEG, JPEG-LS, JPEG 2000 and HTJ2K included). */
export async function maskPixelsAsync(file: Uint8Array, masks: readonly TextRegion[], signal?: AbortSignal): Promise<MaskedFile> {
  const image = openImage(file);
  if (!image.info.encapsulated) return maskNative(file, image, masks);
  const decoded: Uint8Array[] = [];
  for (let i = 0; i < image.info.frames; i++) {
    signal?.throwIfAborted();
    decoded.push(await image.frame(i));
  }
  return maskDecoded(file, image, decoded, masks);
}
