import { describe, expect, it } from 'vitest';
import { CodecError } from './decoded-frame';
import { loadEmscriptenCodec, runDecode, withDecoder, type WasmDecoder } from './emscripten-codec';

const JS = '@cornerstonejs/codec-charls/decodewasmjs';
const WASM = '@cornerstonejs/codec-charls/decodewasm';

function fakeDecoder(error: unknown): WasmDecoder & { deleted: boolean } {
  return {
    deleted: false,
    getEncodedBuffer: () => new Uint8Array(0),
    getDecodedBuffer: () => new Uint8Array(0),
    decode: () => {
      throw error;
    },
    delete() {
      this.deleted = true;
    },
  };
}

describe('emscripten codec loading', () => {
  it('loads a codec once per process, from the package folder', async () => {
    const first = loadEmscriptenCodec<{ JpegLSDecoder: unknown }>(JS, WASM);
    expect(loadEmscriptenCodec(JS, WASM)).toBe(first);
    expect(typeof (await first).JpegLSDecoder).toBe('function');
  });

  it('turns a decoder failure into a CodecError and always frees the decoder', () => {
    const decoder = fakeDecoder(12345); // emscripten throws C++ exceptions as numbers
    expect(() => withDecoder(JS, decoder, (d) => runDecode(JS, d, 'JPEG-LS'))).toThrow(new CodecError('The compressed (JPEG-LS) image data could not be decoded'));
    expect(decoder.deleted).toBe(true);
  });

  it('forgets a module that aborted, so the next frame loads a fresh one', async () => {
    const before = loadEmscriptenCodec(JS, WASM);
    await before;
    const aborted = new Error('Aborted(OOM)');
    aborted.name = 'RuntimeError';
    expect(() => runDecode(JS, fakeDecoder(aborted), 'JPEG-LS')).toThrow(CodecError);
    const after = loadEmscriptenCodec(JS, WASM);
    expect(after).not.toBe(before);
    await after;
  });

  it('a failed load is not cached', async () => {
    const missing = loadEmscriptenCodec('@cornerstonejs/codec-charls/no-such-entry', WASM);
    await expect(missing).rejects.toThrow();
    expect(loadEmscriptenCodec('@cornerstonejs/codec-charls/no-such-entry', WASM)).not.toBe(missing);
    await expect(loadEmscriptenCodec('@cornerstonejs/codec-charls/no-such-entry', WASM)).rejects.toThrow();
  });
});
