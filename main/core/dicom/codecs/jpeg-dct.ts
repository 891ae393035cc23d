/**
 * 8-bit DCT JPEG (baseline, extended and progressive Huffman: 1.2.840.10008.1.2.4.50/.51 and the
 * retired progressive syntaxes) through libjpeg-turbo, the decoder Cornerstone3D uses. Colour
 * comes out as libjpeg-turbo writes it: YCbCr (YBR_FULL / YBR_FULL_422) converted to RGB, by pixel.
 */
import type { DecodedFrame } from './decoded-frame';
import { feed, loadEmscriptenCodec, loadedEmscriptenCodec, runDecode, withDecoder, type WasmDecoder } from './emscripten-codec';

const JS = '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
const WASM = '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm';

interface JpegDecoder extends WasmDecoder {
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number };
}

type TurboModule = { JPEGDecoder: new () => JpegDecoder };

export async function decodeJpegDct(data: Uint8Array): Promise<DecodedFrame> {
  return decodeWith(await loadEmscriptenCodec<TurboModule>(JS, WASM), data);
}

export const loadJpegDctCodec = (): Promise<unknown> => loadEmscriptenCodec(JS, WASM);

/** decodeJpegDct, synchronously, once the codec is loaded; null before. */
export function decodeJpegDctIfLoaded(data: Uint8Array): DecodedFrame | null {
  const codec = loadedEmscriptenCodec<TurboModule>(JS);
  return codec === null ? null : decodeWith(codec, data);
}

function decodeWith(codec: TurboModule, data: Uint8Array): DecodedFrame {
  return withDecoder(JS, new codec.JPEGDecoder(), (decoder) => {
    feed(decoder, data);
    runDecode(JS, decoder, 'JPEG');
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      precision: 8,
      samples: decoder.getDecodedBuffer().slice(),
      byPlane: false,
    };
  });
}
