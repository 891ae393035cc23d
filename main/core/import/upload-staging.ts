import { randomBytes } from 'node:crypto';
import { CoreError } from '../core-error';

/** Where the browser host puts uploaded files: held in memory by the core, never written to disk. */
export interface UploadSink {
  /** Adds one file; returns false when the upload id is unknown or a memory limit would be exceeded. */
  add(uploadId: string, relativePath: string, bytes: Buffer): { ok: true } | { ok: false; reason: string };
  maxFileBytes: number;
}

export interface StagedFile {
  relativePath: string;
  bytes: Buffer;
}

/** Total bytes the browser host may hold in memory for uploads at once. */
const MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Files sent by the browser host are kept in memory only (never on disk in plaintext) until the
 * import that takes them. Locking the vault drops them.
 */
export class UploadStaging implements UploadSink {
  private readonly areas = new Map<string, StagedFile[]>();
  private totalBytes = 0;
  readonly maxFileBytes = MAX_FILE_BYTES;

  begin(): string {
    const id = randomBytes(16).toString('hex');
    this.areas.set(id, []);
    return id;
  }

  add(uploadId: string, relativePath: string, bytes: Buffer): { ok: true } | { ok: false; reason: string } {
    const area = this.areas.get(uploadId);
    if (!area) return { ok: false, reason: 'This upload is no longer open. Start the import again.' };
    if (this.totalBytes + bytes.length > MAX_TOTAL_BYTES) {
      return { ok: false, reason: 'Too much to send through the browser at once. Import by path, or send fewer files.' };
    }
    area.push({ relativePath: relativePath.replace(/\\/g, '/').replace(/^\/+/, ''), bytes });
    this.totalBytes += bytes.length;
    return { ok: true };
  }

  take(uploadId: string): StagedFile[] {
    const area = this.areas.get(uploadId);
    if (!area) throw new CoreError('NOT_FOUND', 'This upload is no longer open. Choose the files again.');
    this.areas.delete(uploadId);
    this.totalBytes -= area.reduce((n, f) => n + f.bytes.length, 0);
    return area;
  }

  clear(): void {
    this.areas.clear();
    this.totalBytes = 0;
  }
}
