import type { IncomingMessage } from 'node:http';
import type { UploadSink } from '../../core/import/upload-staging';

/** POST /upload/<uploadId>?path=<relative path>, body = the file's raw bytes. */
export async function receiveUpload(
  req: IncomingMessage,
  url: URL,
  sink: UploadSink,
): Promise<{ status: number; body: unknown }> {
  if (req.method !== 'POST') return { status: 405, body: { ok: false, reason: 'Use POST' } };
  const uploadId = url.pathname.slice('/upload/'.length);
  const relativePath = url.searchParams.get('path');
  if (!/^[a-f0-9]{32}$/.test(uploadId) || !relativePath || relativePath.length > 4096) {
    return { status: 400, body: { ok: false, reason: 'Bad upload request' } };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > sink.maxFileBytes) return { status: 413, body: { ok: false, reason: 'This file is too large to send through the browser; import it by its path instead.' } };
    chunks.push(buf);
  }
  const added = sink.add(uploadId, relativePath, Buffer.concat(chunks));
  return added.ok ? { status: 200, body: { ok: true } } : { status: 409, body: added };
}
