/**
 * The byte channel: decrypted file bytes (DICOM instances, PDF attachments) for the renderer,
 * outside the JSON API so large files are neither base64-encoded nor held whole in memory.
 * Both sides read this file: the hosts parse paths with it, the renderer builds URLs with it.
 *
 * Paths: `/bytes/<kind>/<id>` (for example `/bytes/instance/123`, `/bytes/encapsulated-pdf/123`). A later frame route adds a
 * kind here (e.g. `frame` with an instance id and a frame number) without touching the others.
 */
import { z } from 'zod';

/** Each resource kind and the media type it is served as. */
export const BYTE_RESOURCES = {
  instance: { contentType: 'application/dicom' },
  attachment: { contentType: 'application/pdf' },
  /** The PDF inside an Encapsulated PDF instance (id: the instance), unwrapped by the core. */
  'encapsulated-pdf': { contentType: 'application/pdf' },
  /** A document of the AI-use record; served as its own type (PDF, PNG or JPEG: OpenedBytes.contentType). */
  'ai-document': { contentType: 'application/octet-stream' },
  /** An outside copy checked by a compare job (id: its copyId), held in memory only. */
  'compare-copy': { contentType: 'application/dicom' },
} as const;

export type ByteResourceKind = keyof typeof BYTE_RESOURCES;
export const BYTE_RESOURCE_KINDS = Object.keys(BYTE_RESOURCES) as ByteResourceKind[];

/** Database row ids: positive integers that stay exact in JavaScript. */
const RowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ByteRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('instance'), id: RowId }).strict(),
  z.object({ kind: z.literal('attachment'), id: RowId }).strict(),
  z.object({ kind: z.literal('encapsulated-pdf'), id: RowId }).strict(),
  z.object({ kind: z.literal('ai-document'), id: RowId }).strict(),
  z.object({ kind: z.literal('compare-copy'), id: RowId }).strict(),
]);
export type ByteRef = z.infer<typeof ByteRef>;

export const BYTES_PATH_PREFIX = '/bytes/';

/**
 * The Electron window fetches bytes from its own privileged scheme (see
 * main/hosts/electron/bytes-protocol.ts); the browser host serves the same paths on its own origin.
 */
export const ELECTRON_BYTES_SCHEME = 'scanvault-bytes';
export const ELECTRON_BYTES_ORIGIN = `${ELECTRON_BYTES_SCHEME}://vault`;

export function bytePath(ref: ByteRef): string {
  const parsed = ByteRef.parse(ref);
  return `${BYTES_PATH_PREFIX}${parsed.kind}/${parsed.id}`;
}

const PATH_PATTERN = /^\/bytes\/([a-z]+(?:-[a-z]+)*)\/([1-9][0-9]{0,15})$/;

/** The reference a path names, or null for anything that is not exactly a byte path. */
export function parseBytePath(pathname: string): ByteRef | null {
  const match = PATH_PATTERN.exec(pathname);
  if (!match) return null;
  const parsed = ByteRef.safeParse({ kind: match[1], id: Number(match[2]) });
  return parsed.success ? parsed.data : null;
}

/**
 * Headers every successful byte response carries. No filename in Content-Disposition: an
 * attachment title or patient name must never reach a download prompt or the browser history.
 */
export function byteResponseHeaders(kind: ByteResourceKind, length: number, range?: { start: number; end: number; size: number }, contentType?: string): Record<string, string> {
  return {
    'Content-Type': contentType ?? BYTE_RESOURCES[kind].contentType,
    'Content-Length': String(length),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': 'inline',
    ...(range ? { 'Content-Range': `bytes ${range.start}-${range.end}/${range.size}` } : {}),
  };
}
