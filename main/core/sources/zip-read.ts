import { pipeline as pipelineCallback, Transform, type Readable } from 'node:stream';
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
  return streamZipEntry(source, entry, limits, ledger, async (chunks) => {
    // The guard stops any entry at its declared size, so one buffer of that size holds it: the
    // bytes are never held twice (collecting chunks, then concatenating them, was).
    const whole = Buffer.allocUnsafe(entry.uncompressedSize);
    let filled = 0;
    for await (const chunk of chunks) filled += chunk.copy(whole, filled);
    return whole;
  });
}

/**
 * Streams one entry to `consume` with the same guard as readZipEntry: limits are enforced while
 * inflating, and the exact size and CRC-32 are checked after the last chunk, before the iteration
 * ends, so a consumer writing as it goes never completes on a bad entry. Errors of the archive
 * surface as SourceReadError inside the iteration; errors of `consume` itself pass unchanged.
 */
export async function streamZipEntry<T>(
  source: ZipSource, entry: Entry, limits: ZipLimits, ledger: ArchiveLedger, consume: (chunks: AsyncIterable<Buffer>) => Promise<T>,
): Promise<T> {
  let opened = false;
  try {
    return await source.withZip(async (zipfile) => {
      const raw = await zipfile.openReadStreamPromise(entry, { decodeFileData: false });
      opened = true;
      const guard = new InflateGuard(entry, entry.uncompressedSize, limits, ledger);
      const stages = entry.compressionMethod === 8 ? [raw, countInput(guard), createInflateRaw({ chunkSize: STREAM_CHUNK_BYTES })] : [raw, countInput(guard)];
      // The callback form returns the last stage; a failure anywhere destroys it with the error.
      const output = pipelineCallback(stages, () => undefined) as unknown as Readable;
      return consume(checkedChunks(output, guard, entry.crc32));
    });
  } catch (err) {
    if (opened || err instanceof SourceReadError) throw err;
    throw new SourceReadError(errnoToCode(err) ?? 'ZIP_ENTRY_CORRUPT');
  }
}

/** Inflated chunks of a streamed entry (zlib's default 16 KiB means needlessly many). */
const STREAM_CHUNK_BYTES = 256 * 1024;

async function* checkedChunks(output: Readable, guard: InflateGuard, expectedCrc: number): AsyncGenerator<Buffer, void, undefined> {
  let crc = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      guard.onOutput(chunk.length);
      crc = crc32(chunk, crc);
      yield chunk;
    }
    guard.finish();
    if (crc >>> 0 !== expectedCrc >>> 0) throw new SourceReadError('ZIP_ENTRY_CORRUPT');
  } catch (err) {
    if (err instanceof SourceReadError) throw err;
    throw new SourceReadError(errnoToCode(err) ?? 'ZIP_ENTRY_CORRUPT');
  } finally {
    output.destroy(); // stops inflating when the consumer gave up early
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
