/**
 * Decrypted file bytes for the viewer, through the byte channel (shared/api/bytes.ts): plain
 * HTTP-style reads, no JSON, no base64. The browser host serves them on the page's own origin
 * with the session cookie; the desktop app on its byte scheme, which checks the page's origin.
 */
import { ELECTRON_BYTES_ORIGIN, bytePath, type ByteRef } from '../../../shared/api/bytes';
import { ERROR_CODES, apiError, type ApiError, type ErrorCode, type Result } from '../../../shared/errors';

export interface ByteReadOptions {
  /** Bytes [start, end) only (end exclusive; absent: to the end of the file). */
  range?: { start: number; end?: number };
  signal?: AbortSignal;
}

export interface ByteStream {
  stream: ReadableStream<Uint8Array>;
  /** Bytes this answer carries (the range's length for a range). */
  length: number;
  /** The whole file's size. */
  size: number;
}

const SESSION_ENDED = 'This browser session has ended. Open the address printed by “scanvault serve” again.';
const UNREACHABLE = 'ScanVault is not reachable. Check that it is still running, then reload this page.';
const CUT_SHORT = 'The file could not be read to the end. Run “Check vault”; if it reports damage, restore from a backup.';

function isDesktopHost(): boolean {
  return typeof window !== 'undefined' && window.scanvaultHost?.kind === 'electron';
}

export function byteUrl(ref: ByteRef, isDesktop: boolean = isDesktopHost()): string {
  return isDesktop ? `${ELECTRON_BYTES_ORIGIN}${bytePath(ref)}` : bytePath(ref);
}

/** The whole answer in memory (a file or a range of it). A read cut short is an error, never a shorter buffer. */
export async function fetchBytes(ref: ByteRef, options: ByteReadOptions = {}, fetchImpl: typeof fetch = fetch.bind(window)): Promise<Result<ArrayBuffer>> {
  const opened = await streamBytes(ref, options, fetchImpl);
  if (!opened.ok) return opened;
  const out = new Uint8Array(opened.value.length);
  let filled = 0;
  const reader = opened.value.stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.length > out.length) return { ok: false, error: apiError('BLOB_CORRUPT', CUT_SHORT) };
      out.set(value, filled);
      filled += value.length;
    }
  } catch {
    return { ok: false, error: apiError('BLOB_CORRUPT', CUT_SHORT) };
  }
  if (filled !== out.length) return { ok: false, error: apiError('BLOB_CORRUPT', CUT_SHORT) };
  return { ok: true, value: out.buffer };
}

/** The answer as a stream, for files too large to hold at once. A failed read rejects the reader. */
export async function streamBytes(ref: ByteRef, options: ByteReadOptions = {}, fetchImpl: typeof fetch = fetch.bind(window)): Promise<Result<ByteStream>> {
  const isDesktop = isDesktopHost();
  const headers: Record<string, string> = {};
  if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end === undefined ? '' : options.range.end - 1}`;
  let res: Response;
  try {
    res = await fetchImpl(byteUrl(ref, isDesktop), {
      method: 'GET',
      headers,
      // Desktop: a cross-origin read that needs no cookie; browser host: the session cookie.
      credentials: isDesktop ? 'omit' : 'same-origin',
      mode: isDesktop ? 'cors' : 'same-origin',
      cache: 'no-store',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch {
    return { ok: false, error: apiError('INTERNAL', UNREACHABLE) };
  }
  if (res.status === 401) return { ok: false, error: apiError('VAULT_LOCKED', SESSION_ENDED) };
  if (res.status !== 200 && res.status !== 206) return { ok: false, error: await readError(res) };
  const length = Number(res.headers.get('content-length'));
  const size = res.status === 206 ? Number(res.headers.get('content-range')?.split('/')[1]) : length;
  if (!res.body || !Number.isSafeInteger(length) || !Number.isSafeInteger(size)) {
    return { ok: false, error: apiError('INTERNAL', UNREACHABLE) };
  }
  return { ok: true, value: { stream: res.body, length, size } };
}

async function readError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = body.error?.code;
    const message = body.error?.message;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code) && typeof message === 'string') {
      return apiError(code as ErrorCode, message);
    }
  } catch {
    // not our JSON: fall through
  }
  return apiError('INTERNAL');
}
