import type { IncomingMessage } from 'node:http';
import { UPLOAD_REASONS, UploadFileMeta } from '../../../shared/api/upload';
import type { UploadSink } from '../../core/import/upload-staging';

export type { UploadSink } from '../../core/import/upload-staging';

export interface UploadReply {
  status: number;
  body: { ok: true } | { ok: false; reason: string };
  /** The body was not (fully) read: close the connection instead of reading what is left of it. */
  close: boolean;
}

const refuse = (status: number, reason: string, close = true): UploadReply => ({ status, body: { ok: false, reason }, close });

/**
 * POST /upload/<uploadId>?path=<relative path>, body = the file's raw bytes with a Content-Length.
 * The metadata is validated and the upload id and every limit checked before the body is read
 * (404 / 413 without reading it); the body is then read straight into memory reserved for exactly
 * that many bytes, never more.
 */
export async function receiveUpload(req: IncomingMessage, url: URL, sink: UploadSink): Promise<UploadReply> {
  if (req.method !== 'POST') return refuse(405, 'Use POST');
  const length = req.headers['content-length'];
  if (length === undefined) return refuse(411, UPLOAD_REASONS.noLength);
  const meta = UploadFileMeta.safeParse({
    uploadId: url.pathname.slice('/upload/'.length),
    relativePath: url.searchParams.get('path'),
    size: /^\d{1,16}$/.test(length) ? Number(length) : -1,
  });
  if (!meta.success) return refuse(400, UPLOAD_REASONS.badRequest);
  const reserved = sink.reserve(meta.data);
  if (!reserved.ok) return refuse(reserved.status, reserved.reason);
  const { reservation } = reserved;
  let filled = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      // HTTP framing stops at Content-Length; this guards the reserved memory all the same.
      if (filled + chunk.length > reservation.bytes.length) {
        reservation.release();
        return refuse(413, UPLOAD_REASONS.incomplete);
      }
      chunk.copy(reservation.bytes, filled);
      filled += chunk.length;
    }
  } catch {
    reservation.release();
    return refuse(400, UPLOAD_REASONS.incomplete);
  }
  if (filled !== reservation.bytes.length) {
    reservation.release();
    return refuse(400, UPLOAD_REASONS.incomplete, false);
  }
  return reservation.commit() ? { status: 200, body: { ok: true }, close: false } : refuse(404, UPLOAD_REASONS.unknownUpload, false);
}
