/**
 * Messages between the import (main thread) and its prepare workers, and the conversions that
 * structured cloning needs: Buffers arrive as plain Uint8Arrays, errors lose their `code`.
 */
import type { PrepareCommon, PreparedFile } from './prepare-file';

export const PREPARE_WORKER_ROLE = 'scanvault-prepare-worker';

/** Given to each worker when it starts (workerData). */
export interface PrepareWorkerData {
  /** Marks a thread started by PreparePool, so loading the entry anywhere else does nothing. */
  role: typeof PREPARE_WORKER_ROLE;
  vaultDir: string;
  vaultId: string;
  /** A copy of the blob wrapping key, moved to this worker only; it zeroes it when told to stop. Never log this. */
  wrappingKey: Uint8Array;
  /** SHA-256s of the files in the vault when the import started, sorted, 32 bytes each (shared memory). */
  knownDigests: Uint8Array;
}

export type ToWorker =
  | { type: 'prepare'; jobId: number; common: PrepareCommon; bytes: Uint8Array }
  | { type: 'stop' };

export interface WireError { name: string; message: string; code: string | null }

export type FromWorker =
  | { type: 'prepared'; jobId: number; prepared: PreparedFile }
  | { type: 'failed'; jobId: number; error: WireError }
  | { type: 'stopped' };

/**
 * The bytes as a Uint8Array that owns its whole ArrayBuffer, so it can be transferred (moved, not
 * copied) to a worker. Small Buffers share Node's pooled ArrayBuffer and are copied instead.
 */
export function ownedBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : new Uint8Array(bytes);
}

/** A Buffer view of the same memory (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A copy of a small digest in memory of its own. A cloned Buffer view brings its whole backing
 * store along (a digest made by Buffer.concat sits in a 64 KiB pool slab), which costs a 64 KiB copy
 * per message and, since the import holds a group's prepared files (up to 500) until the group is
 * written, that much memory per file.
 */
const compact = (bytes: Uint8Array): Buffer => Buffer.from(new Uint8Array(bytes).buffer);

/**
 * Restores the Buffers of a PreparedFile that crossed a thread boundary; the worker also applies it
 * before sending, so only the digests' own bytes are cloned.
 */
export function revivePrepared(p: PreparedFile): PreparedFile {
  switch (p.kind) {
    case 'read-failed':
      return p;
    case 'known':
    case 'dicomdir':
    case 'damaged':
    case 'not-dicom':
      return { ...p, sha256: compact(p.sha256) };
    case 'pdf':
      return { ...p, sha256: compact(p.sha256), blob: { ...p.blob, sha256: compact(p.blob.sha256) } };
    case 'instance':
      return {
        ...p,
        sha256: compact(p.sha256),
        blob: { ...p.blob, sha256: compact(p.blob.sha256) },
        datasetSha256: compact(p.datasetSha256),
        frameDigests: p.frameDigests === null ? null : compact(p.frameDigests),
        embeddedPdf: p.embeddedPdf === null ? null : {
          ...p.embeddedPdf,
          sha256: compact(p.embeddedPdf.sha256),
          blob: { ...p.embeddedPdf.blob, sha256: compact(p.embeddedPdf.blob.sha256) },
        },
      };
  }
}

export function toWireError(err: unknown): WireError {
  if (!(err instanceof Error)) return { name: 'Error', message: 'Preparing a file failed.', code: null };
  const code = 'code' in err && typeof err.code === 'string' ? err.code : null;
  return { name: err.name, message: err.message, code };
}

/** An Error the main thread can handle like the original (toCoreError keeps known codes). */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  error.name = wire.name;
  return wire.code === null ? error : Object.assign(error, { code: wire.code });
}
