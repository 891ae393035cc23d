/**
 * The parallel half of importing one file: read it, fingerprint it, parse it and encrypt it into a
 * blob. Nothing here writes to the database, so several files can be prepared at once (on the main
 * thread or in prepare workers, see prepare-pool.ts) while the sequential half (commit-file.ts)
 * indexes them in order.
 */
import { createHash } from 'node:crypto';
import { datasetDigest, frameDigests } from '../dicom/digests';
import { readDicom } from '../dicom/read-dicom';
import type { DicomFacts } from '../dicom/types';
import type { SourceFile } from '../sources/types';
import type { OpenVault } from '../vault/vault';
import type { WrittenBlob } from '../vault/blob-store';
import { findBySha } from '../db/import-index';
import { DEFAULT_LARGE_FILE_OPTIONS, prepareStreamed, type LargeFileOptions, type StreamPrepareDeps } from './prepare-stream';

export interface PrepareCommon { path: string; size: number }

export type PreparedFile = PrepareCommon & (
  | { kind: 'read-failed'; error: string }
  | { kind: 'known'; sha256: Buffer }
  | { kind: 'dicomdir'; sha256: Buffer; warnings: string[] }
  | { kind: 'damaged'; sha256: Buffer; reason: string }
  | { kind: 'not-dicom'; sha256: Buffer; reason: string }
  | { kind: 'pdf'; sha256: Buffer; blob: WrittenBlob; title: string }
  | {
    kind: 'instance';
    sha256: Buffer;
    facts: DicomFacts;
    warnings: string[];
    blob: WrittenBlob;
    datasetSha256: Buffer;
    pixelDigestStatus: 'done' | 'pending' | 'none';
    frameDigests: Buffer | null;
    embeddedPdf: { sha256: Buffer; blob: WrittenBlob; title: string } | null;
  }
);

/** What preparing needs from the vault; the main thread and the prepare workers supply it differently. */
export interface PrepareDeps {
  /** Whether a file with this SHA-256 is already in the vault (a hint: commitFile checks again). */
  isKnown(sha256: Buffer): boolean;
  /** Encrypts `bytes` into a new blob that becomes durable at the next BlobStore.flush() on the main thread. */
  writeBlob(bytes: Uint8Array, sha256: Buffer): Promise<WrittenBlob>;
}

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

/** Main-thread preparation: the vault's own database and blob store. */
export function vaultPrepareDeps(vault: OpenVault): PrepareDeps {
  return {
    isKnown: (sha) => findBySha(vault.db, sha) !== null,
    // The store trusts our SHA-256 of exactly these bytes instead of hashing them again.
    writeBlob: (bytes, sha) => vault.blobs.write(bytes, { sync: 'on-flush', knownSha256: sha }),
  };
}

/** Main-thread streaming of large files (prepare-stream.ts). */
export function vaultStreamDeps(vault: OpenVault): StreamPrepareDeps {
  return {
    ...vaultPrepareDeps(vault),
    writeBlobStream: (chunks) => vault.blobs.write(chunks, { sync: 'on-flush' }),
    deleteBlob: async (blobId) => {
      await vault.blobs.delete(blobId);
    },
  };
}

export async function prepareFile(vault: OpenVault, file: SourceFile, large: LargeFileOptions = DEFAULT_LARGE_FILE_OPTIONS): Promise<PreparedFile> {
  if (file.size > large.streamAboveBytes) return prepareStreamed(vaultStreamDeps(vault), file, large);
  const read = await readSourceFile(file);
  return 'bytes' in read ? prepareBytes(vaultPrepareDeps(vault), read.common, read.bytes) : read.failed;
}

/** Reads the whole file; a failure becomes a 'read-failed' outcome with a message the patient can act on. */
export async function readSourceFile(file: SourceFile): Promise<{ common: PrepareCommon; bytes: Buffer } | { failed: PreparedFile }> {
  const common = { path: file.relativePath, size: file.size };
  try {
    return { common, bytes: await file.read() };
  } catch (err) {
    // Source errors carry a plain-language message and a code; anything else gets a generic one.
    const error = err instanceof Error && 'code' in err && typeof err.code === 'string' && /^[A-Z_]+$/.test(err.code)
      ? err.message
      : 'The file could not be read. Check that the disc or drive is still connected, then import again.';
    return { failed: { ...common, kind: 'read-failed', error } };
  }
}

export async function prepareBytes(deps: PrepareDeps, common: PrepareCommon, bytes: Buffer): Promise<PreparedFile> {
  const fileSha = sha256(bytes);
  const withSize = { ...common, size: bytes.length, sha256: fileSha };
  if (deps.isKnown(fileSha)) return { ...withSize, kind: 'known' };

  const read = readDicom(bytes);
  switch (read.kind) {
    case 'dicomdir':
      return { ...withSize, kind: 'dicomdir', warnings: read.warnings };
    case 'damaged':
      return { ...withSize, kind: 'damaged', reason: read.reason };
    case 'not-dicom':
      if (!isPdf(bytes)) return { ...withSize, kind: 'not-dicom', reason: read.reason };
      return { ...withSize, kind: 'pdf', blob: await deps.writeBlob(bytes, fileSha), title: common.path.split('/').pop() ?? 'PDF report' };
    case 'instance':
      break;
  }
  const { facts } = read;
  const frames = frameDigests(bytes, facts);
  const blob = await deps.writeBlob(bytes, fileSha);
  let embeddedPdf = null;
  const doc = facts.encapsulatedDocument;
  if (doc?.mimeType === 'application/pdf') {
    const pdf = bytes.subarray(doc.offset, doc.offset + doc.length);
    const pdfSha = sha256(pdf);
    embeddedPdf = { sha256: pdfSha, blob: await deps.writeBlob(pdf, pdfSha), title: doc.title ?? 'PDF report' };
  }
  return {
    ...withSize,
    kind: 'instance',
    facts,
    warnings: [...read.warnings],
    blob,
    datasetSha256: datasetDigest(bytes, facts),
    pixelDigestStatus: frames.status,
    frameDigests: frames.status === 'done' ? Buffer.concat(frames.digests) : null,
    embeddedPdf,
  };
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Blobs a prepared file wrote; removed again when the file turns out to be a duplicate. */
export function blobsOf(p: PreparedFile): string[] {
  if (p.kind === 'pdf') return [p.blob.blobId];
  if (p.kind === 'instance') return [p.blob.blobId, ...(p.embeddedPdf ? [p.embeddedPdf.blob.blobId] : [])];
  return [];
}
