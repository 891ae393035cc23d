/**
 * Offline OCR with tesseract.js 7. Every path points into node_modules (language data from
 * @tesseract.js-data/eng, the WASM core from tesseract.js-core), so nothing is downloaded.
 * Images are handed over in memory; `cacheMethod: 'none'` keeps tesseract from writing even the
 * unpacked language data, and `cachePath` names a temp folder of its own in case a version
 * ignores that (it would then hold language data only, never a document).
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { DocumentTextError, throwIfAborted } from './errors';

const require = createRequire(import.meta.url);

export function ocrPaths(): { langPath: string; corePath: string; cachePath: string } {
  return {
    langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    cachePath: join(tmpdir(), 'scanvault-ocr-language-data'),
  };
}

/** One worker for a run of images; `recognize` reads one PNG/JPEG (bytes in memory) to text. */
export class OcrSession {
  private constructor(private readonly worker: Worker) {}

  static async start(signal?: AbortSignal): Promise<OcrSession> {
    throwIfAborted(signal);
    const worker = await createWorker('eng', OEM.LSTM_ONLY, {
      ...ocrPaths(),
      gzip: true,
      cacheMethod: 'none',
      // tesseract.js prints some failures itself; document text must never reach a log.
      errorHandler: () => undefined,
    });
    return new OcrSession(worker);
  }

  async recognize(image: Uint8Array, signal?: AbortSignal): Promise<string> {
    throwIfAborted(signal);
    const onAbort = () => { void this.worker.terminate(); };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return result.data.text;
    } catch {
      throwIfAborted(signal);
      // Leptonica could not decode the picture: a cut or damaged file.
      throw new DocumentTextError('damaged');
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async stop(): Promise<void> {
    await this.worker.terminate().catch(() => undefined);
  }
}
