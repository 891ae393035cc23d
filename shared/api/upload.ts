/**
 * Browser-host uploads: files are POSTed one by one, outside the JSON API (their bodies are raw
 * bytes), to /upload/<uploadId>?path=<relative path> with a Content-Length. Their metadata goes
 * through this schema like every other call's input, and the limits are checked before the body
 * is read. The core holds the bytes in memory only (never on disk), hence the limits.
 */
import { z } from 'zod';

const GiB = 1024 ** 3;

export const UPLOAD_LIMITS = Object.freeze({
  /** One file. */
  maxFileBytes: 1 * GiB,
  /** All files of one upload (one import). */
  maxUploadBytes: 2 * GiB,
  /** Everything held for uploads at once, across uploads not yet imported. */
  maxStagedBytes: 2 * GiB,
});

export type UploadLimits = typeof UPLOAD_LIMITS;

/** "2 GB": how the UI and the errors state a limit. */
export function formatLimit(bytes: number): string {
  return `${Math.round(bytes / GiB)} GB`;
}

export const UploadFileMeta = z.object({
  uploadId: z.string().regex(/^[a-f0-9]{32}$/),
  /** As chosen or dropped, '/'-separated; checked again for safety when the upload is scanned. */
  relativePath: z.string().min(1).max(4096).refine((p) => !p.includes('\0')),
  /** From Content-Length: the exact number of bytes that follow. */
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
}).strict();

export type UploadFileMeta = z.infer<typeof UploadFileMeta>;

export const UPLOAD_REASONS = {
  unknownUpload: 'This upload is no longer open (the vault may have been locked). Choose the files again.',
  fileTooLarge: `This file is larger than ${formatLimit(UPLOAD_LIMITS.maxFileBytes)}, the most the browser can send for one file. Import it by typing its path instead.`,
  uploadTooLarge: `These files add up to more than ${formatLimit(UPLOAD_LIMITS.maxUploadBytes)}, the most the browser can send for one import. Import the folder by typing its path instead, or send fewer files.`,
  stagingFull: `Files waiting to be imported already take ${formatLimit(UPLOAD_LIMITS.maxStagedBytes)}, the most ScanVault holds for the browser at once. Finish or cancel the other import first, or import by typing the path.`,
  incomplete: 'The file did not arrive completely. Check that "scanvault serve" is still running, then send it again.',
  noLength: 'The file was sent without its size. Reload the page and send it again.',
  badRequest: 'The file was sent with a name or details ScanVault cannot use. Choose it again.',
} as const;
