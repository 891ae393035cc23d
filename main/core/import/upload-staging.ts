import { randomBytes } from 'node:crypto';
import { UPLOAD_LIMITS, UPLOAD_REASONS, type UploadFileMeta, type UploadLimits } from '../../../shared/api/upload';
import { CoreError } from '../core-error';

export interface StagedFile {
  relativePath: string;
  bytes: Buffer;
}

/** Room held for one file while its body arrives: fill `bytes`, then commit; release on any failure. */
export interface UploadReservation {
  /** Exactly the size announced, the memory the body is read into (all of it, before commit). */
  readonly bytes: Buffer;
  /** Adds the file to its upload; false when the upload was taken or dropped meanwhile. */
  commit(): boolean;
  release(): void;
}

export type ReserveResult = { ok: true; reservation: UploadReservation } | { ok: false; status: 404 | 413; reason: string };

/** Where the browser host puts uploaded files (implemented by UploadStaging). */
export interface UploadSink {
  /** Checks the upload id and every limit before a byte of the body is read. */
  reserve(meta: UploadFileMeta): ReserveResult;
}

interface Area {
  files: StagedFile[];
  /** Bytes of its files, committed or still arriving. */
  bytes: number;
}

/**
 * Files sent by the browser host are kept in memory only (never on disk in plaintext) until the
 * import that takes them. Room is reserved before a body is read, so the limits hold however many
 * uploads arrive at once. Locking the vault drops everything.
 */
export class UploadStaging implements UploadSink {
  private readonly areas = new Map<string, Area>();
  /** Bytes committed or reserved, across all uploads. */
  private totalBytes = 0;
  /** Bumped by clear(): reservations from before it no longer count. */
  private generation = 0;

  constructor(readonly limits: UploadLimits = UPLOAD_LIMITS) {}

  begin(): string {
    const id = randomBytes(16).toString('hex');
    this.areas.set(id, { files: [], bytes: 0 });
    return id;
  }

  reserve(meta: UploadFileMeta): ReserveResult {
    const area = this.areas.get(meta.uploadId);
    if (!area) return { ok: false, status: 404, reason: UPLOAD_REASONS.unknownUpload };
    if (meta.size > this.limits.maxFileBytes) return { ok: false, status: 413, reason: UPLOAD_REASONS.fileTooLarge };
    if (area.bytes + meta.size > this.limits.maxUploadBytes) return { ok: false, status: 413, reason: UPLOAD_REASONS.uploadTooLarge };
    if (this.totalBytes + meta.size > this.limits.maxStagedBytes) return { ok: false, status: 413, reason: UPLOAD_REASONS.stagingFull };
    area.bytes += meta.size;
    this.totalBytes += meta.size;
    const generation = this.generation;
    let settled = false;
    const giveBack = (): void => {
      if (generation !== this.generation) return;
      area.bytes -= meta.size;
      this.totalBytes -= meta.size;
    };
    // Not zeroed: memory is then only taken as the body arrives; commit requires every byte written.
    const bytes = Buffer.allocUnsafe(meta.size);
    const relativePath = meta.relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    return {
      ok: true,
      reservation: {
        bytes,
        commit: () => {
          if (settled) return false;
          settled = true;
          const open = generation === this.generation && this.areas.get(meta.uploadId) === area;
          if (open) area.files.push({ relativePath, bytes });
          else giveBack();
          return open;
        },
        release: () => {
          if (settled) return;
          settled = true;
          giveBack();
        },
      },
    };
  }

  take(uploadId: string): StagedFile[] {
    const area = this.areas.get(uploadId);
    if (!area) throw new CoreError('NOT_FOUND', 'This upload is no longer open. Choose the files again.');
    this.areas.delete(uploadId);
    // Files still arriving keep their room until they commit (refused: the upload is gone) or release.
    this.totalBytes -= area.files.reduce((n, f) => n + f.bytes.length, 0);
    area.bytes -= area.files.reduce((n, f) => n + f.bytes.length, 0);
    return area.files;
  }

  clear(): void {
    this.areas.clear();
    this.totalBytes = 0;
    this.generation++;
  }
}
