/**
 * Loads the Cornerstone codec builds (emscripten factories shipped as CommonJS with their .wasm
 * beside them) lazily, once per process. The .wasm is read from the installed package folder and
 * handed over as bytes, so nothing is ever fetched and bundling cannot break the path.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CodecError } from './decoded-frame';

const requireFromHere = createRequire(import.meta.url);

/** The embind decoder classes all share this shape. */
export interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  delete(): void;
}

type EmscriptenFactory = (options: { wasmBinary: Uint8Array; print: () => void; printErr: () => void }) => Promise<unknown>;

const loaded = new Map<string, Promise<unknown>>();
/** Modules whose load has finished, for callers that must decode synchronously. */
const ready = new Map<string, unknown>();

/** The codec module for `jsSpecifier`; a failed load is forgotten so a later call may retry. */
export function loadEmscriptenCodec<T>(jsSpecifier: string, wasmSpecifier: string): Promise<T> {
  let pending = loaded.get(jsSpecifier);
  if (pending === undefined) {
    const started = instantiate(jsSpecifier, wasmSpecifier);
    pending = started;
    started.then((codec) => { if (loaded.get(jsSpecifier) === started) ready.set(jsSpecifier, codec); }, () => loaded.delete(jsSpecifier));
    loaded.set(jsSpecifier, pending);
  }
  return pending as Promise<T>;
}

/** The module if it has been loaded (and not forgotten since), else null. */
export function loadedEmscriptenCodec<T>(jsSpecifier: string): T | null {
  return loaded.has(jsSpecifier) ? ((ready.get(jsSpecifier) as T | undefined) ?? null) : null;
}

async function instantiate(jsSpecifier: string, wasmSpecifier: string): Promise<unknown> {
  const factory = requireFromHere(jsSpecifier) as EmscriptenFactory;
  const wasmBinary = await readFile(requireFromHere.resolve(wasmSpecifier));
  // The codecs print nothing useful; keep their chatter out of our logs.
  return factory({ wasmBinary, print: () => undefined, printErr: () => undefined });
}

/** Heap beyond which a codec module is dropped after use (WASM memory never shrinks). */
const MAX_RETAINED_HEAP_BYTES = 512 * 1024 * 1024;

/**
 * Runs `use` on a fresh decoder and always frees it. A codec whose heap grew past the limit (one
 * huge frame) is forgotten, so its memory can be collected; the next frame loads it again.
 */
export function withDecoder<D extends WasmDecoder, R>(jsSpecifier: string, decoder: D, use: (decoder: D) => R): R {
  try {
    return use(decoder);
  } finally {
    const heapBytes = heapSizeOf(decoder);
    try {
      decoder.delete();
    } catch {
      // An aborted module cannot free anything; it has been forgotten already.
    }
    if (heapBytes > MAX_RETAINED_HEAP_BYTES) forget(jsSpecifier);
  }
}

/**
 * Runs the decoder; any failure is this frame's CodecError. A module that aborted (out of memory,
 * a trap) is unusable afterwards, so it is forgotten and the next frame gets a fresh one.
 */
export function runDecode(jsSpecifier: string, decoder: WasmDecoder, codecName: string): void {
  try {
    decoder.decode();
  } catch (error) {
    // WebAssembly.RuntimeError: emscripten's abort() and traps (the lib types do not declare it).
    if (error instanceof Error && error.name === 'RuntimeError') forget(jsSpecifier);
    throw new CodecError(`The compressed (${codecName}) image data could not be decoded`);
  }
}

function forget(jsSpecifier: string): void {
  loaded.delete(jsSpecifier);
  ready.delete(jsSpecifier);
}

function heapSizeOf(decoder: WasmDecoder): number {
  try {
    return decoder.getDecodedBuffer().buffer.byteLength;
  } catch {
    return 0;
  }
}

/** Copies `data` into the decoder's input buffer. */
export function feed(decoder: WasmDecoder, data: Uint8Array): void {
  decoder.getEncodedBuffer(data.length).set(data);
}
