/**
 * JPEG lossless, process 14 (1.2.840.10008.1.2.4.57, and .70 = selection value 1), through
 * jpeg-lossless-decoder-js, the decoder Cornerstone3D uses. It handles 2-16 bit grey images and
 * 8-bit colour; colour above 8 bits it mis-decodes, so that is refused before decoding.
 */
import { createRequire } from 'node:module';
import { CodecError, type DecodedFrame } from './decoded-frame';

interface LosslessDecoder {
  decode(buffer: ArrayBuffer, offset: number, length: number, bytesPerSample: number): Uint8Array | Uint16Array;
  xDim: number;
  yDim: number;
  numComp: number;
  precision: number | undefined;
}

type LosslessModule = { Decoder: new () => LosslessDecoder };

let loaded: LosslessModule | null = null;

function codec(): LosslessModule {
  loaded ??= createRequire(import.meta.url)('jpeg-lossless-decoder-js') as LosslessModule;
  return loaded;
}

const EOI_SEARCH_BYTES = 16;
const SLACK_BYTES = 4;

/**
 * The decoder drops the last pixel when the end-of-image marker already sits in the bits it reads
 * ahead while decoding that pixel (seen on a real 16-bit CT). Zero bytes put just before the marker
 * are bits after the last pixel, which any decoder ignores, and keep the marker out of reach.
 */
function withSlackBeforeEnd(data: Uint8Array): Uint8Array<ArrayBuffer> {
  let end = data.length;
  for (let at = data.length - 2; at >= Math.max(0, data.length - EOI_SEARCH_BYTES); at--) {
    if (data[at] === 0xff && data[at + 1] === 0xd9) {
      end = at;
      break;
    }
  }
  const out = new Uint8Array(data.length + SLACK_BYTES);
  out.set(data.subarray(0, end));
  out.set(data.subarray(end), end + SLACK_BYTES);
  return out;
}

export function decodeJpegLossless(data: Uint8Array, precision: number, components: number): DecodedFrame {
  if (components !== 1 && !(components === 3 && precision <= 8)) {
    throw new CodecError('Colour JPEG lossless images with more than 8 bits per sample are not supported');
  }
  const decoder = new (codec().Decoder)();
  const padded = withSlackBeforeEnd(data);
  let samples: Uint8Array | Uint16Array;
  try {
    samples = decoder.decode(padded.buffer, 0, padded.byteLength, precision <= 8 ? 1 : 2);
  } catch {
    throw new CodecError('The compressed (JPEG lossless) image data could not be decoded');
  }
  return {
    width: decoder.xDim,
    height: decoder.yDim,
    components: decoder.numComp,
    precision: decoder.precision ?? precision,
    samples,
    byPlane: false,
  };
}
