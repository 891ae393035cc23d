/**
 * The byte route as one host-neutral function: request in (method, path, Range header), status,
 * headers and body out. The browser host writes the answer to its HTTP response, the Electron
 * host turns it into a web Response; both get the same statuses, headers and range behaviour.
 * Callers check who is asking (secret, Host/Origin, window) before calling this.
 */
import type { Readable } from 'node:stream';
import { byteResponseHeaders, parseBytePath, type ByteRef } from '../../../shared/api/bytes';
import { apiError, type ErrorCode } from '../../../shared/errors';
import type { OpenedBytes } from '../../core/bytes/bytes-feature';
import { toCoreError } from '../../core/core-error';
import type { Logger } from '../../core/log';
import { decideRange } from './http-range';

export interface ByteSource {
  /** Throws CoreError-coded errors: VAULT_LOCKED, NOT_FOUND, BLOB_MISSING, BLOB_CORRUPT. */
  openBytes(ref: ByteRef): Promise<OpenedBytes>;
}

export interface ByteRequest {
  method: string;
  pathname: string;
  range?: string | undefined;
}

export interface ByteReply {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD; a JSON string for errors; otherwise the decrypted bytes, streamed. */
  body: Readable | string | null;
}

/** Status for each error a byte request can meet; a damaged file is not an internal error. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  VAULT_LOCKED: 423,
  NO_VAULT: 423,
  BLOB_MISSING: 500,
  BLOB_CORRUPT: 500,
  VAULT_DAMAGED: 500,
  DATABASE_DAMAGED: 500,
};

const ERROR_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function isBytePath(pathname: string): boolean {
  return pathname.startsWith('/bytes/');
}

export async function answerByteRequest(source: ByteSource, request: ByteRequest, log: Logger): Promise<ByteReply> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { ...errorReply('BAD_REQUEST', 'Files can only be read here.'), status: 405 };
  }
  const ref = parseBytePath(request.pathname);
  if (ref === null) return errorReply('NOT_FOUND');
  let opened: OpenedBytes;
  try {
    opened = await source.openBytes(ref);
  } catch (error) {
    const { code, message } = toCoreError(error);
    if (code !== 'NOT_FOUND' && code !== 'VAULT_LOCKED') log.warn('bytes.open-failed', {}, code);
    return errorReply(code, message);
  }
  const decision = decideRange(request.range, opened.size);
  if (decision.kind === 'unsatisfiable') {
    await opened.close();
    const reply = errorReply('BAD_REQUEST', 'That part of the file does not exist. Reload the page and try again.');
    return { ...reply, status: 416, headers: { ...reply.headers, 'Content-Range': `bytes */${opened.size}` } };
  }
  const span = decision.kind === 'partial' ? decision.span : { start: 0, end: opened.size };
  const length = span.end - span.start;
  const headers = decision.kind === 'partial'
    ? byteResponseHeaders(opened.kind, length, { start: span.start, end: span.end - 1, size: opened.size }, opened.contentType)
    : byteResponseHeaders(opened.kind, length, undefined, opened.contentType);
  const status = decision.kind === 'partial' ? 206 : 200;
  if (request.method === 'HEAD') {
    await opened.close();
    return { status, headers, body: null };
  }
  let body: Readable;
  try {
    body = await opened.stream(span.start, span.end);
  } catch (error) {
    const { code, message } = toCoreError(error);
    log.warn('bytes.open-failed', {}, code);
    return errorReply(code, message);
  }
  // Headers are gone by now: the host must abort the connection on this error, never end cleanly.
  body.once('error', (error) => {
    // The reader went away (tab closed, seek elsewhere): normal, not worth a warning.
    if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    log.warn('bytes.stream-failed', {}, toCoreError(error).code);
  });
  return { status, headers, body };
}

function errorReply(code: ErrorCode, message?: string): ByteReply {
  return { status: STATUS[code] ?? 500, headers: ERROR_HEADERS, body: JSON.stringify({ ok: false, error: apiError(code, message) }) };
}
