/**
 * The byte channel's core side: resolves an instance or attachment to its blob and streams the
 * decrypted bytes (whole or a range) as a Node Readable. Plaintext exists only in the chunks in
 * flight (an embedded PDF: in memory while it is served, see embedded-document.ts); nothing is
 * written anywhere. Locking the vault ends every open stream.
 */
import { Readable } from 'node:stream';
import type { ByteRef, ByteResourceKind } from '../../../shared/api/bytes';
import { CoreError } from '../core-error';
import { aiDocumentFile, attachmentFile, instanceFile } from '../db/bytes';
import type { OpenBlob } from '../vault/blob-store';
import { readEmbeddedPdf } from './embedded-document';
import type { OpenVault } from '../vault/vault';

/** A resolved, opened file. Call stream() once, or close() when no body is sent (HEAD, 416). */
export interface OpenedBytes {
  readonly kind: ByteResourceKind;
  /** The media type to serve when the kind has none of its own (AI-use record documents). */
  readonly contentType?: string;
  /** Plaintext size of the whole file. */
  readonly size: number;
  /**
   * Bytes [start, end) as a byte stream that pulls one chunk at a time (backpressure from the
   * consumer). The first chunk is decrypted before this resolves, so damage there (the whole of
   * most files) is a clean BLOB_CORRUPT error before any header is sent. Damage further on
   * destroys the stream with BLOB_CORRUPT: a consumer never sees a clean end after bad data.
   * The file closes when the stream closes (or when this rejects).
   */
  stream(start: number, end: number): Promise<Readable>;
  close(): Promise<void>;
}

/** Bytes buffered in a stream before it stops pulling from the blob (one 64 KiB chunk). */
export const BYTE_STREAM_HIGH_WATER_MARK = 64 * 1024;

export class BytesFeature {
  private readonly live = new Set<{ blob: OpenBlob; stream: Readable | null }>();
  private readonly inMemory = new Set<Readable>();

  constructor(
    private readonly vault: () => OpenVault,
    /** Outside copies a compare job holds in memory (compare/copy-store.ts). */
    private readonly compareCopy: (copyId: number) => Uint8Array | null = () => null,
  ) {}

  /** Throws VAULT_LOCKED, NOT_FOUND, BLOB_MISSING or BLOB_CORRUPT before any byte is sent. */
  async open(ref: ByteRef): Promise<OpenedBytes> {
    const vault = this.vault();
    if (ref.kind === 'encapsulated-pdf') return this.fromMemory(ref.kind, await readEmbeddedPdf(vault, ref.id));
    if (ref.kind === 'compare-copy') {
      const copy = this.compareCopy(ref.id);
      if (copy === null) throw new CoreError('NOT_FOUND');
      return this.fromMemory(ref.kind, Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength));
    }
    const file = ref.kind === 'instance' ? instanceFile(vault.db, ref.id)
      : ref.kind === 'ai-document' ? aiDocumentFile(vault.db, ref.id) : attachmentFile(vault.db, ref.id);
    if (file === null) throw new CoreError('NOT_FOUND');
    const blob = await vault.blobs.open(file.blobId);
    // The file must hold exactly what was recorded: a blob cut at a chunk boundary would
    // otherwise look whole to a range read that never reaches the final chunk.
    if (blob.size !== file.size) {
      await blob.close();
      throw new CoreError('BLOB_CORRUPT');
    }
    const entry: { blob: OpenBlob; stream: Readable | null } = { blob, stream: null };
    this.live.add(entry);
    const close = async (): Promise<void> => {
      this.live.delete(entry);
      await blob.close();
    };
    return {
      kind: ref.kind,
      ...(file.mediaType !== undefined ? { contentType: file.mediaType } : {}),
      size: blob.size,
      stream: async (start, end) => {
        if (entry.stream !== null) throw new Error('stream() may be called once');
        const chunks = blob.range(start, end);
        let first: IteratorResult<Buffer>;
        try {
          first = await chunks.next();
        } catch (error) {
          await close();
          throw error;
        }
        async function* all(): AsyncGenerator<Buffer> {
          if (first.done === true) return;
          yield first.value;
          yield* chunks;
        }
        const stream = Readable.from(all(), { objectMode: false, highWaterMark: BYTE_STREAM_HIGH_WATER_MARK });
        entry.stream = stream;
        stream.once('close', () => void close());
        return stream;
      },
      close,
    };
  }

  /** A document already decrypted into memory (an embedded PDF), served in the same shape. */
  private fromMemory(kind: ByteResourceKind, bytes: Buffer): OpenedBytes {
    let streamed = false;
    return {
      kind,
      size: bytes.length,
      stream: async (start, end) => {
        if (streamed) throw new Error('stream() may be called once');
        streamed = true;
        const stream = Readable.from([bytes.subarray(start, end)], { objectMode: false, highWaterMark: BYTE_STREAM_HIGH_WATER_MARK });
        this.inMemory.add(stream);
        stream.once('close', () => this.inMemory.delete(stream));
        return stream;
      },
      close: async () => {},
    };
  }

  /** Ends every open stream (the vault is locking): no plaintext flows after the keys are gone. */
  async closeAll(): Promise<void> {
    for (const stream of this.inMemory) stream.destroy(new CoreError('VAULT_LOCKED'));
    this.inMemory.clear();
    const entries = [...this.live];
    this.live.clear();
    for (const entry of entries) entry.stream?.destroy(new CoreError('VAULT_LOCKED'));
    await Promise.all(entries.map((entry) => entry.blob.close()));
  }
}
