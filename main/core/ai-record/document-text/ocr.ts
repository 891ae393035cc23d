/**
 * Offline OCR of consent-form pictures with tesseract.js 7, through the shared offline worker set-up
 * (main/core/ocr/offline-worker.ts: nothing downloaded, images passed in memory).
 */
import type { Worker } from 'tesseract.js';
import { startOfflineWorker } from '../../ocr/offline-worker';
import { DocumentTextError, throwIfAborted } from './errors';

export { ocrPaths } from '../../ocr/offline-worker';

/** One worker for a run of images; `recognize` reads one PNG/JPEG (bytes in memory) to text. */
export class OcrSession {
  private constructor(private readonly worker: Worker) {}

  static async start(signal?: AbortSignal): Promise<OcrSession> {
    throwIfAborted(signal);
    const worker = await startOfflineWorker();
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
