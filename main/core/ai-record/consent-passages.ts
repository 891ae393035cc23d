/**
 * The consent-form reader as a job: decrypt the document in memory, get its text per page (PDF
 * text, or OCR of a photo), find the passages a patient should read first, and keep them in the
 * encrypted database. Nothing of the document is written to disk in plaintext.
 */
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import { readDocument, readPassages, writePassages } from '../db/ai-documents';
import type { JobRunner } from '../jobs/job-runner';
import { CoreError } from '../core-error';
import { DocumentTextError } from './document-text';
import { appendEvent } from '../vault/event-log';
import { notFound, nowIso, type AiContext } from './context';
import { toDocumentInfo } from './document-view';

export interface FoundPassage { page: number; term: string; phrase: string; context: string; start: number; end: number }

/**
 * Text extraction and the passage finder (./document-text/, shared/ai-record/passages.ts);
 * injectable so tests can count calls or fail on purpose. extractText fails with DocumentTextError.
 */
export interface DocumentReader {
  extractText(bytes: Uint8Array, mediaType: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal):
    Promise<{ pages: string[]; method: 'pdf-text' | 'ocr' }>;
  findPassages(pages: string[]): FoundPassage[];
}

const CANNOT_READ = 'ScanVault could not read the text of this document. Read it yourself, or attach a clearer photo or the PDF.';

export function startFindPassages(ctx: AiContext, jobs: JobRunner, reader: DocumentReader, input: ApiParsedInput<'findConsentPassages'>): ApiOutput<'findConsentPassages'> {
  const vault = ctx.vault();
  const doc = readDocument(vault.db, input.documentId);
  if (!doc) throw notFound('document');
  const jobId = jobs.start('read-document', async (signal, progress) => {
    progress.set({ phase: 'scanning', filesTotal: 1, bytesTotal: doc.size });
    const plain = await vault.blobs.readAll(doc.blobId);
    // pdf.js wants a plain Uint8Array (it refuses a Buffer); the Buffer is zeroed at once.
    const bytes = new Uint8Array(plain);
    plain.fill(0);
    if (signal.aborted) throw new CoreError('CANCELLED');
    progress.set({ phase: 'working', bytesDone: doc.size });
    let text: { pages: string[]; method: 'pdf-text' | 'ocr' } | null = null;
    let why = CANNOT_READ;
    try {
      text = await reader.extractText(bytes, doc.mediaType, (done, total) => progress.set({ filesDone: done, filesTotal: total }), signal);
    } catch (err) {
      if (signal.aborted || (err instanceof DocumentTextError && err.reason === 'cancelled')) throw new CoreError('CANCELLED');
      // The reader's messages are safe to show (no document text, no path) and say what to do.
      if (err instanceof DocumentTextError) why = err.message;
      else if (err instanceof CoreError && err.code !== 'INTERNAL') throw err;
      text = null;
    } finally {
      if (bytes.byteLength > 0) bytes.fill(0); // a reader may have transferred (detached) it
    }
    const passages = text ? reader.findPassages(text.pages).map((p) => ({ page: p.page, term: p.term, phrase: p.phrase, context: p.context, start: p.start, end: p.end })) : [];
    progress.set({ phase: 'finishing' });
    await vault.writes.run((db) => {
      writePassages(db, doc.id, {
        status: text ? 'found' : 'failed', method: text?.method ?? null, pageCount: text?.pages.length ?? 0, passagesJson: JSON.stringify(passages),
      }, nowIso(ctx));
      appendEvent(db, 'ai-passages-read', { documentId: doc.id, passages: passages.length, read: text !== null });
    });
    if (!text) throw new CoreError('BAD_REQUEST', why);
  }, () => undefined);
  return { jobId };
}

function parsePassages(json: string): FoundPassage[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? (v as FoundPassage[]) : [];
}

export function getDocumentPassages(ctx: AiContext, input: ApiParsedInput<'getDocumentPassages'>): ApiOutput<'getDocumentPassages'> {
  const db = ctx.vault().db;
  const doc = readDocument(db, input.documentId);
  if (!doc) throw notFound('document');
  const stored = readPassages(db, doc.id);
  return {
    document: toDocumentInfo(doc), method: stored?.method ?? null, pageCount: stored?.pageCount ?? 0,
    passages: stored ? parsePassages(stored.passagesJson) : [],
  };
}
