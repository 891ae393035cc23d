/**
 * Documents of the AI-use record: consent forms, privacy notices, photos of them, letters
 * received. The bytes are stored encrypted in the vault's blob store, like every imported file;
 * the row (with the blob's digest) is written only once the blob is durable, so a crash leaves at
 * most a blob without a row, which the sweep at the next unlock removes.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api';
import type { DocumentInfo, DocumentTarget } from '../../../shared/api/ai-record';
import { questionById } from '../../../shared/questionnaire';
import { CoreError } from '../core-error';
import { documentsOf, insertDocument, readDocument, type DocumentOwner } from '../db/ai-documents';
import { readExam } from '../db/ai-exams';
import { providerExists } from '../db/ai-providers';
import { readLetter } from '../db/ai-letters';
import { insertBlob } from '../db/blobs';
import type { WritableDB } from '../db/database';
import { appendEvent } from '../vault/event-log';
import { badRequest, notFound, nowIso, type AiContext } from './context';
import { sniffMediaType, toDocumentInfo } from './document-view';

/** Consent forms and photos are small; a larger file is most likely the wrong one. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

const NOT_A_DOCUMENT = 'That file is not a PDF, PNG or JPEG. Save or scan the document as a PDF or take a photo, then attach it again.';
const TOO_LARGE = 'That file is larger than 100 MB. Attach a smaller copy (for example only the pages that matter).';
const ONE_FILE = 'Send exactly one file to attach. Choose the document again.';
const EMPTY = 'That file is empty. Choose the document again.';
const NO_FILE = 'That file could not be read. Check that the path is right and that the drive is connected, then try again.';

export interface UploadTaker {
  take(uploadId: string): { relativePath: string; bytes: Buffer }[];
}

async function readSource(source: ApiParsedInput<'attachDocument'>['source'], uploads: UploadTaker): Promise<Buffer> {
  if (source.kind === 'upload') {
    const files = uploads.take(source.uploadId);
    const [file] = files;
    if (files.length !== 1 || !file) throw badRequest(ONE_FILE);
    return file.bytes;
  }
  try {
    const info = await stat(source.path);
    if (!info.isFile()) throw new CoreError('PATH_NOT_FOUND', NO_FILE);
    if (info.size > MAX_DOCUMENT_BYTES) throw badRequest(TOO_LARGE);
    return await readFile(source.path);
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw new CoreError('PATH_NOT_FOUND', NO_FILE);
  }
}

/** The owner exists (and, for an answer, names a question of the exam). */
export function checkTarget(db: WritableDB, t: DocumentTarget): DocumentOwner {
  switch (t.kind) {
    case 'exam':
      if (!readExam(db, t.examId)) throw notFound('exam');
      return t;
    case 'answer':
      if (!questionById(t.questionId)) throw badRequest('That question is not in the questionnaire. Attach the document to the exam instead.');
      if (!readExam(db, t.examId)) throw notFound('exam');
      return t;
    case 'provider':
      if (!providerExists(db, t.providerId)) throw notFound('provider');
      return t;
    case 'letter':
      if (!readLetter(db, t.letterId)) throw notFound('letter');
      return t;
  }
}

export async function attachDocument(ctx: AiContext, uploads: UploadTaker, input: ApiParsedInput<'attachDocument'>): Promise<DocumentInfo> {
  const bytes = await readSource(input.source, uploads);
  if (bytes.length === 0) throw badRequest(EMPTY);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw badRequest(TOO_LARGE);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw badRequest(NOT_A_DOCUMENT);
  const vault = ctx.vault();
  const blob = await vault.blobs.write(bytes);
  let documentId: number;
  try {
    documentId = await vault.writes.run((db) => {
      const owner = checkTarget(db, input.target);
      insertBlob(db, blob.blobId, blob.size, blob.sha256);
      const id = insertDocument(db, { blobId: blob.blobId, owner, docKind: input.docKind, title: input.title ?? null, mediaType, size: blob.size, sha256: blob.sha256, now: nowIso(ctx) });
      const targetId = owner.kind === 'provider' ? owner.providerId : owner.kind === 'letter' ? owner.letterId : owner.examId;
      appendEvent(db, 'ai-document-attached', { documentId: id, target: owner.kind, targetId, size: blob.size });
      return id;
    });
  } catch (err) {
    await vault.blobs.delete(blob.blobId); // no row names it: remove it now rather than at the next unlock
    throw err;
  }
  const row = readDocument(vault.db, documentId);
  if (!row) throw notFound('document');
  return toDocumentInfo(row);
}

export function listDocuments(ctx: AiContext, input: ApiParsedInput<'listDocuments'>): ApiOutput<'listDocuments'> {
  return { documents: documentsOf(ctx.vault().db, input.target).map(toDocumentInfo) };
}
