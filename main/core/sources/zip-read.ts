import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import type { Entry } from 'yauzl';
import { errnoToCode } from './errno-codes';
import { InflateGuard, type ArchiveLedger } from './inflate-guard';
import { SourceReadError } from './messages';
import type { ZipLimits } from './types';
import type { ZipSource } from './zip-source';

/**
 * Inflates one entry into memory with our own inflater, so InflateGuard sees both the compressed
 * bytes going in and the bytes coming out, and enforces the limits while streaming. The CRC-32
 * is checked at the end (yauzl does not check it). Rejects with SourceReadError.
 */
export async function readZipEntry(source: ZipSource, entry: Entry, limits: ZipLimits, ledger: ArchiveLedger): Promise<Buffer> {
  try {
    return await source.withZip(async (zipfile) => {
      const raw = await zipfile.openReadStreamPromise(entry, { decodeFileData: false });
      const guard = new InflateGuard(entry, entry.uncompressedSize, limits, ledger);
      const collector = new Collector(guard);
      if (entry.compressionMethod === 8) await pipeline(raw, countInput(guard), createInflateRaw(), collector);
      else await pipeline(raw, countInput(guard), collector);
      const size = guard.finish();
      if (collector.crc >>> 0 !== entry.crc32 >>> 0) throw new SourceReadError('ZIP_ENTRY_CORRUPT');
      return Buffer.concat(collector.chunks, size);
    });
  } catch (err) {
    if (err instanceof SourceReadError) throw err;
    throw new SourceReadError(errnoToCode(err) ?? 'ZIP_ENTRY_CORRUPT');
  }
}

class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  crc = 0;

  constructor(private readonly guard: InflateGuard) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    try {
      this.guard.onOutput(chunk.length);
      this.crc = crc32(chunk, this.crc);
      this.chunks.push(chunk);
      done();
    } catch (err) {
      done(err as Error);
    }
  }
}

function countInput(guard: InflateGuard): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      guard.onInput(chunk.length);
      done(null, chunk);
    },
  });
}
