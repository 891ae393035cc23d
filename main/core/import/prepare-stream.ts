/**
 * Preparing a file too large to hold in memory: its bytes pass once, in chunks, through the
 * header parse (only a bounded start of the file is held), the SHA-256s, the frame digests of
 * uncompressed pixel data and the encryption into its blob. The outcome is the one prepareBytes
 * gives for the same file, except that compressed pixel data is left 'pending' (see
 * background-digests.ts) and a header larger than maxHeaderBytes fails this file alone.
 */
import { createHash, type Hash } from 'node:crypto';
import { parseHeader, type HeaderResult } from '../dicom/header';
import { readParsed } from '../dicom/read-dicom';
import { NativeFrameHasher } from '../dicom/streamed-frame-digests';
import type { DicomFacts } from '../dicom/types';
import { SourceReadError } from '../sources/messages';
import type { SourceFile } from '../sources/types';
import type { WrittenBlob } from '../vault/blob-store';
import type { PrepareCommon, PreparedFile } from './prepare-file';

export interface LargeFileOptions {
  /** Files larger than this are streamed; smaller ones are read whole, which is faster. */
  readonly streamAboveBytes: number;
  /** The most of a file's start held to read its header (everything before the pixel data). */
  readonly maxHeaderBytes: number;
  /** Frames larger than this get their fingerprints from the background pass. */
  readonly maxFrameBytes: number;
}

const MiB = 1024 * 1024;

/**
 * 256 MiB: below it reading whole is faster and several files fit the import's memory budget;
 * real headers are a few KiB to a few MiB (64 MiB leaves room for huge sequences); a 4096 x 4096
 * 16-bit frame is 32 MiB.
 */
export const DEFAULT_LARGE_FILE_OPTIONS: LargeFileOptions = Object.freeze({
  streamAboveBytes: 256 * MiB,
  maxHeaderBytes: 64 * MiB,
  maxFrameBytes: 64 * MiB,
});

export const HEADER_TOO_LARGE = 'The descriptive part of this file, before the image, is far larger than in any real scan, so it was not imported. If it is a real scan, tell the team that made the disc.';

/** What streaming needs from the vault (main thread only: workers get small files). */
export interface StreamPrepareDeps {
  isKnown(sha256: Buffer): boolean;
  /** Encrypts the chunks into a new blob (durable at the next flush), hashing them on the way. */
  writeBlobStream(chunks: AsyncIterable<Uint8Array>): Promise<WrittenBlob>;
  writeBlob(bytes: Uint8Array, sha256: Buffer): Promise<WrittenBlob>;
  deleteBlob(blobId: string): Promise<void>;
}

export async function prepareStreamed(deps: StreamPrepareDeps, file: SourceFile, options: LargeFileOptions): Promise<PreparedFile> {
  const common = { path: file.relativePath, size: file.size };
  try {
    return await file.stream((chunks) => prepareChunks(deps, common, chunks[Symbol.asyncIterator](), options));
  } catch (err) {
    // Reading the source failed (also a zip limit passed): this file's own outcome. The blob it
    // was writing was removed by the store.
    if (err instanceof SourceReadError) return { ...common, kind: 'read-failed', error: err.message };
    throw err;
  }
}

interface Start {
  /** The chunks read so far, handed on again before the rest. */
  held: Buffer[];
  header: HeaderResult;
  /** The whole file was read into `held`. */
  ended: boolean;
}

/** Parses a growing start of the file until the walk reaches the pixel data (or the limit). */
async function readStart(it: AsyncIterator<Buffer>, fileSize: number, maxHeaderBytes: number): Promise<Start & { prefix: Buffer }> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  let ended = false;
  // Real headers fit the first attempt; growing by 4 keeps the re-parsing cheap for the rest.
  let attemptAt = Math.min(MiB, Math.max(4096, Math.floor(maxHeaderBytes / 16)));
  for (;;) {
    while (!ended && heldBytes < attemptAt) {
      const next = await it.next();
      if (next.done === true) ended = true;
      else {
        held.push(next.value);
        heldBytes += next.value.length;
      }
    }
    const prefix = Buffer.concat(held, heldBytes);
    const header = parseHeader(prefix, ended ? heldBytes : Math.max(fileSize, heldBytes));
    const reachedPixels = header.kind === 'header' && header.outcome === 'stopped';
    if (ended || reachedPixels || heldBytes >= maxHeaderBytes) return { held, header, ended, prefix };
    attemptAt = Math.min(attemptAt * 4, maxHeaderBytes);
  }
}

type Plan =
  | { kind: 'hash-only'; outcome: (sha256: Buffer, size: number) => PreparedFile }
  | { kind: 'pdf' }
  | { kind: 'instance'; facts: DicomFacts; warnings: string[]; frames: NativeFrameHasher | { status: 'pending' | 'none' }; embeddedPdf: Buffer | null };

function plan(common: PrepareCommon, start: Start & { prefix: Buffer }, options: LargeFileOptions): Plan {
  const { header, prefix } = start;
  const withSha = (fields: { kind: 'dicomdir'; warnings: string[] } | { kind: 'damaged' | 'not-dicom'; reason: string }) =>
    (sha256: Buffer, size: number): PreparedFile => ({ ...common, size, sha256, ...fields });
  // Judged by where the pixel data starts, not by how much happened to be read (chunks vary).
  const pixelsTooFar = header.kind === 'header' && header.outcome === 'stopped' && (header.pixelData?.offset ?? 0) > options.maxHeaderBytes;
  const neverReached = header.kind === 'header' && !start.ended && (header.outcome === 'truncated' || header.outcome === 'end');
  if (pixelsTooFar || neverReached) {
    return { kind: 'hash-only', outcome: withSha({ kind: 'damaged', reason: HEADER_TOO_LARGE }) };
  }
  const read = readParsed(header);
  switch (read.kind) {
    case 'dicomdir':
      return { kind: 'hash-only', outcome: withSha({ kind: 'dicomdir', warnings: read.warnings }) };
    case 'damaged':
      return { kind: 'hash-only', outcome: withSha({ kind: 'damaged', reason: read.reason }) };
    case 'not-dicom':
      return prefix.subarray(0, 5).toString('latin1') === '%PDF-' ? { kind: 'pdf' } : { kind: 'hash-only', outcome: withSha({ kind: 'not-dicom', reason: read.reason }) };
    case 'instance':
      break;
  }
  const frames = header.kind === 'header' ? NativeFrameHasher.forFile(header, prefix, read.facts, options.maxFrameBytes) : { status: 'none' as const };
  const doc = read.facts.encapsulatedDocument;
  // The walk reached the pixel data, so an encapsulated document before it lies inside the prefix.
  const pdfInPrefix = doc?.mimeType === 'application/pdf' && doc.offset + doc.length <= prefix.length;
  return {
    kind: 'instance', facts: read.facts, warnings: [...read.warnings], frames,
    embeddedPdf: pdfInPrefix ? Buffer.from(prefix.subarray(doc.offset, doc.offset + doc.length)) : null,
  };
}

async function prepareChunks(deps: StreamPrepareDeps, common: PrepareCommon, it: AsyncIterator<Buffer>, options: LargeFileOptions): Promise<PreparedFile> {
  try {
    const { held, todo } = await readAndPlan(it, common, options);
    const counter = { bytes: 0 };
    if (todo.kind === 'hash-only') {
      const hash = createHash('sha256');
      for await (const chunk of replay(held, it, counter, [(c) => hash.update(c)])) void chunk;
      const sha256 = hash.digest();
      return deps.isKnown(sha256) ? { ...common, size: counter.bytes, sha256, kind: 'known' } : todo.outcome(sha256, counter.bytes);
    }
    const taps: Tap[] = [];
    let datasetHash: Hash | null = null;
    if (todo.kind === 'instance') {
      const datasetStart = todo.facts.datasetOffset;
      const hash = createHash('sha256');
      datasetHash = hash;
      taps.push((chunk, offset) => {
        if (offset + chunk.length > datasetStart) hash.update(chunk.subarray(Math.max(0, datasetStart - offset)));
      });
      const frames = todo.frames;
      if (frames instanceof NativeFrameHasher) taps.push((chunk, offset) => frames.feed(chunk, offset));
    }
    const blob = await deps.writeBlobStream(replay(held, it, counter, taps));
    const withSize = { ...common, size: counter.bytes, sha256: blob.sha256 };
    if (deps.isKnown(blob.sha256)) {
      await deps.deleteBlob(blob.blobId); // never named by a row
      return { ...withSize, kind: 'known' };
    }
    if (todo.kind === 'pdf') return { ...withSize, kind: 'pdf', blob, title: common.path.split('/').pop() ?? 'PDF report' };
    const frames = todo.frames instanceof NativeFrameHasher ? todo.frames.finish() : todo.frames;
    let embeddedPdf = null;
    if (todo.embeddedPdf !== null) {
      const pdfSha = createHash('sha256').update(todo.embeddedPdf).digest();
      embeddedPdf = { sha256: pdfSha, blob: await deps.writeBlob(todo.embeddedPdf, pdfSha), title: todo.facts.encapsulatedDocument?.title ?? 'PDF report' };
    }
    return {
      ...withSize,
      kind: 'instance',
      facts: todo.facts,
      warnings: todo.warnings,
      blob,
      datasetSha256: (datasetHash ?? createHash('sha256')).digest(),
      pixelDigestStatus: frames.status,
      frameDigests: frames.status === 'done' ? Buffer.concat(frames.digests) : null,
      embeddedPdf,
    };
  } finally {
    await it.return?.(); // stops reading the source when this ended early
  }
}

/** Separate, so the prefix and the parsed header are garbage once it returns (only `held` stays, then is released chunk by chunk). */
async function readAndPlan(it: AsyncIterator<Buffer>, common: PrepareCommon, options: LargeFileOptions): Promise<{ held: Buffer[]; todo: Plan }> {
  const start = await readStart(it, common.size, options.maxHeaderBytes);
  return { held: start.held, todo: plan(common, start, options) };
}

type Tap = (chunk: Buffer, offset: number) => void;

/** The held chunks, then the rest of the source; each chunk is shown to the taps with its file offset. */
async function* replay(held: Buffer[], it: AsyncIterator<Buffer>, counter: { bytes: number }, taps: Tap[]): AsyncGenerator<Buffer, void, undefined> {
  const pass = (chunk: Buffer): Buffer => {
    for (const tap of taps) tap(chunk, counter.bytes);
    counter.bytes += chunk.length;
    return chunk;
  };
  // Handed over one by one and forgotten, so the prefix is not held while the rest streams.
  while (held.length > 0) yield pass(held.shift() as Buffer);
  for (;;) {
    const next = await it.next();
    if (next.done === true) return;
    yield pass(next.value);
  }
}
