/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90/.91) through OpenJPEG, and HTJ2K (.201/.202/.203) through
 * OpenJPH: the decoders Cornerstone3D uses. Both undo the colour transform (RCT/ICT) and write
 * colour by pixel; signed codestreams come out sign-extended.
 */
import { CodecError, copySamples, type DecodedFrame } from './decoded-frame';
import { feed, loadEmscriptenCodec, loadedEmscriptenCodec, runDecode, withDecoder, type WasmDecoder } from './emscripten-codec';

interface J2kFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

interface J2kDecoder extends WasmDecoder {
  getFrameInfo(): J2kFrameInfo;
}

const OPENJPEG = { js: '@cornerstonejs/codec-openjpeg/decodewasmjs', wasm: '@cornerstonejs/codec-openjpeg/decodewasm' };
const OPENJPH = { js: '@cornerstonejs/codec-openjph/wasmjs', wasm: '@cornerstonejs/codec-openjph/wasm' };

type OpenJpegModule = { J2KDecoder: new () => J2kDecoder };
type OpenJphModule = { HTJ2KDecoder: new () => J2kDecoder };

const withOpenJpeg = (codec: OpenJpegModule, data: Uint8Array) =>
  withDecoder(OPENJPEG.js, new codec.J2KDecoder(), (decoder) => decodeWith(OPENJPEG.js, decoder, data, 'JPEG 2000'));
const withOpenJph = (codec: OpenJphModule, data: Uint8Array) =>
  withDecoder(OPENJPH.js, new codec.HTJ2KDecoder(), (decoder) => decodeWith(OPENJPH.js, decoder, data, 'HTJ2K'));

export async function decodeJpeg2000(data: Uint8Array): Promise<DecodedFrame> {
  return withOpenJpeg(await loadEmscriptenCodec<OpenJpegModule>(OPENJPEG.js, OPENJPEG.wasm), data);
}

export async function decodeHtj2k(data: Uint8Array): Promise<DecodedFrame> {
  return withOpenJph(await loadEmscriptenCodec<OpenJphModule>(OPENJPH.js, OPENJPH.wasm), data);
}

export const loadJpeg2000Codecs = (): Promise<unknown> =>
  Promise.all([loadEmscriptenCodec(OPENJPEG.js, OPENJPEG.wasm), loadEmscriptenCodec(OPENJPH.js, OPENJPH.wasm)]);

/** decodeJpeg2000 / decodeHtj2k, synchronously, once the codec is loaded; null before. */
export function decodeJpeg2000IfLoaded(data: Uint8Array): DecodedFrame | null {
  const codec = loadedEmscriptenCodec<OpenJpegModule>(OPENJPEG.js);
  return codec === null ? null : withOpenJpeg(codec, data);
}

export function decodeHtj2kIfLoaded(data: Uint8Array): DecodedFrame | null {
  const codec = loadedEmscriptenCodec<OpenJphModule>(OPENJPH.js);
  return codec === null ? null : withOpenJph(codec, data);
}

function decodeWith(jsSpecifier: string, decoder: J2kDecoder, data: Uint8Array, name: string): DecodedFrame {
  feed(decoder, data);
  runDecode(jsSpecifier, decoder, name);
  const info = decoder.getFrameInfo();
  // OpenJPEG reports an empty image instead of throwing for some broken codestreams.
  if (info.width === 0 || info.height === 0 || info.componentCount === 0) {
    throw new CodecError(`The compressed (${name}) image data could not be decoded`);
  }
  return {
    width: info.width,
    height: info.height,
    components: info.componentCount,
    precision: info.bitsPerSample,
    samples: copySamples(decoder.getDecodedBuffer(), info.bitsPerSample, info.isSigned),
    byPlane: false,
  };
}
