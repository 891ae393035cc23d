/**
 * Offline tesseract.js 7 workers, shared by every feature that reads text from pixels (consent
 * forms, burned-in text in images). Every path points into node_modules (language data from
 * @tesseract.js-data/eng, the WASM core from tesseract.js-core), so nothing is downloaded.
 * Images are handed over in memory; `cacheMethod: 'none'` keeps tesseract from writing even the
 * unpacked language data, and `cachePath` names a temp folder of its own in case a version
 * ignores that (it would then hold language data only, never an image or a document).
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

export function ocrPaths(): { langPath: string; corePath: string; cachePath: string } {
  return {
    langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    cachePath: join(tmpdir(), 'scanvault-ocr-language-data'),
  };
}

/** One English LSTM worker (its own worker thread), set up to run offline. */
export function startOfflineWorker(): Promise<Worker> {
  return createWorker('eng', OEM.LSTM_ONLY, {
    ...ocrPaths(),
    gzip: true,
    cacheMethod: 'none',
    // tesseract.js prints some failures itself; text read from patient pixels must never reach a log.
    errorHandler: () => undefined,
  });
}
