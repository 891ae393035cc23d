/** JPEG-LS (1.2.840.10008.1.2.4.80/.81) through CharLS, the decoder Cornerstone3D uses. */
import { copySamples, type DecodedFrame } from './decoded-frame';
import { feed, loadEmscriptenCodec, loadedEmscriptenCodec, runDecode, withDecoder, type WasmDecoder } from './emscripten-codec';

const JS = '@cornerstonejs/codec-charls/decodewasmjs';
const WASM = '@cornerstonejs/codec-charls/decodewasm';

interface JpegLsDecoder extends WasmDecoder {
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number };
  /** 0: each component in turn (by plane); 1 (line) and 2 (sample) come out by pixel. */
  getInterleaveMode(): number;
}

interface CharlsModule {
  JpegLSDecoder: new () => JpegLsDecoder;
}

export async function decodeJpegLs(data: Uint8Array): Promise<DecodedFrame> {
  return decodeWith(await loadEmscriptenCodec<CharlsModule>(JS, WASM), data);
}

export const loadJpegLsCodec = (): Promise<unknown> => loadEmscriptenCodec(JS, WASM);

/** decodeJpegLs, synchronously, once the codec is loaded; null before. */
export function decodeJpegLsIfLoaded(data: Uint8Array): DecodedFrame | null {
  const codec = loadedEmscriptenCodec<CharlsModule>(JS);
  return codec === null ? null : decodeWith(codec, data);
}

function decodeWith(codec: CharlsModule, data: Uint8Array): DecodedFrame {
  return withDecoder(JS, new codec.JpegLSDecoder(), (decoder) => {
    feed(decoder, data);
    runDecode(JS, decoder, 'JPEG-LS');
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      precision: info.bitsPerSample,
      // CharLS writes unsigned sample values; the sign is DICOM's Pixel Representation.
      samples: copySamples(decoder.getDecodedBuffer(), info.bitsPerSample, false),
      byPlane: decoder.getInterleaveMode() === 0 && info.componentCount > 1,
    };
  });
}
