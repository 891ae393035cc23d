/**
 * A few offline tesseract workers (main/core/ocr/offline-worker.ts), started only when the first
 * candidate needs reading, so a series without candidates never pays tesseract's start-up. Crops
 * are handed over in memory as PGM; nothing is written to disk and recognised text is never logged.
 */
import type { Worker } from 'tesseract.js';
import { startOfflineWorker } from '../../ocr/offline-worker';

export interface OcrReading {
  text: string;
  /** tesseract's mean word confidence, 0-100. */
  confidence: number;
}

/** What the screener needs from OCR; tests may pass their own. */
export interface TextReader {
  read(pgm: Uint8Array, signal?: AbortSignal): Promise<OcrReading>;
  close(): Promise<void>;
}

export class OcrPool implements TextReader {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private started = 0;
  private closed = false;
  private readonly all: Promise<Worker>[] = [];

  constructor(private readonly size: number) {}

  private async acquire(): Promise<Worker> {
    const ready = this.idle.pop();
    if (ready !== undefined) return ready;
    if (this.started < this.size) {
      this.started++;
      const starting = startOfflineWorker();
      this.all.push(starting);
      return starting;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next !== undefined) next(worker);
    else this.idle.push(worker);
  }

  async read(pgm: Uint8Array, signal?: AbortSignal): Promise<OcrReading> {
    if (this.closed) throw new Error('OCR pool closed');
    signal?.throwIfAborted();
    const worker = await this.acquire();
    try {
      signal?.throwIfAborted();
      const result = await worker.recognize(Buffer.from(pgm.buffer, pgm.byteOffset, pgm.byteLength));
      return { text: result.data.text, confidence: result.data.confidence };
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = await Promise.allSettled(this.all);
    const running = workers.flatMap((w) => (w.status === 'fulfilled' ? [w.value] : []));
    await Promise.all(running.map((worker) => worker.terminate().catch(() => undefined)));
  }
}

/** An 8-bit grey image as binary PGM (P5), which tesseract's Leptonica reads from memory. */
export function toPgm(grey: Uint8Array, width: number, height: number): Uint8Array {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), grey]);
}
