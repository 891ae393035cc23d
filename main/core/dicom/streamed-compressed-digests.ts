/**
 * Frame digests of a compressed image too large to hold in memory (the background pass, for
 * stored files over its in-memory limit): the file streams past once, the header is read from a
 * bounded start, and each frame's fragments are gathered, decoded and hashed one frame at a time.
 * Frames are found as compressedFrames finds them (an offset table, else a new codestream per
 * frame); where that cannot tell, or anything is out of bounds, the result is 'none' with a reason.
 */
import { createHash } from 'node:crypto';
import { startsCodestream } from './codestream-info';
import { canonicalTarget, declaredFrameBytes, decodeOneFrame, isCodecTransferSyntax, MAX_DECODED_FRAME_BYTES, type AllFrameDigests } from './decode-compressed';
import { extendedOffsets, frameGeometry } from './digests';
import { ITEM, SEQUENCE_DELIMITER } from './element-walker';
import { parseHeader, type ParsedHeader } from './header';
import { readParsed } from './read-dicom';

export interface StreamedDigestOptions {
  signal?: AbortSignal;
  /** The most of the file's start held to read its header (default 64 MiB). */
  maxHeaderBytes?: number;
  /** Largest decoded frame accepted (default MAX_DECODED_FRAME_BYTES); compressed ones are held up to this too. */
  maxFrameBytes?: number;
}

const MiB = 1024 * 1024;
const none = (reason: string): AllFrameDigests => ({ status: 'none', reason });

/** Bytes from an async source, taken in exact amounts. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  private ended = false;

  constructor(private readonly it: AsyncIterator<Buffer>) {}

  get available(): number {
    return this.length;
  }

  /** Reads until `n` bytes are buffered or the source ends; whether there are `n`. */
  async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.ended) {
      const next = await this.it.next();
      if (next.done === true) this.ended = true;
      else {
        this.chunks.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  peek(n: number): Buffer {
    const whole = Buffer.concat(this.chunks, this.length);
    this.chunks = [whole];
    return whole.subarray(0, Math.min(n, this.length));
  }

  /** Removes `n` buffered bytes (a view into one chunk, or a copy when they span chunks). */
  take(n: number): Buffer {
    const parts: Buffer[] = [];
    for (let need = n; need > 0;) {
      const chunk = this.chunks[0];
      if (chunk === undefined) break;
      if (chunk.length <= need) {
        parts.push(chunk);
        this.chunks.shift();
        need -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, need));
        this.chunks[0] = chunk.subarray(need);
        need = 0;
      }
    }
    this.length -= n;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, n);
  }
}

async function readHeader(queue: ByteQueue, fileSize: number, maxHeaderBytes: number): Promise<ParsedHeader | null> {
  for (let attempt = Math.min(MiB, maxHeaderBytes); ; attempt = Math.min(attempt * 4, maxHeaderBytes)) {
    const enough = await queue.fill(attempt);
    const header = parseHeader(queue.peek(attempt), fileSize);
    if (header.kind === 'header' && header.outcome === 'stopped') return header;
    if (!enough || attempt >= maxHeaderBytes) return null;
  }
}

export async function streamedCompressedDigests(chunks: AsyncIterable<Buffer>, fileSize: number, options: StreamedDigestOptions = {}): Promise<AllFrameDigests> {
  const it = chunks[Symbol.asyncIterator]();
  try {
    return await digestStream(new ByteQueue(it), fileSize, options);
  } finally {
    await it.return?.();
  }
}

async function digestStream(queue: ByteQueue, fileSize: number, options: StreamedDigestOptions): Promise<AllFrameDigests> {
  const maxFrameBytes = options.maxFrameBytes ?? MAX_DECODED_FRAME_BYTES;
  const header = await readHeader(queue, fileSize, options.maxHeaderBytes ?? 64 * MiB);
  if (header === null) return none('The image data cannot be found');
  const read = readParsed(header);
  if (read.kind !== 'instance' || header.pixelData === null) return none('The image data cannot be found');
  const facts = read.facts;
  if (!isCodecTransferSyntax(facts.transferSyntaxUid)) return none('This kind of image compression is not supported');
  if (header.pixelData.length !== null) return none('The image data is not compressed');
  const g = frameGeometry(facts, header);
  if (g === null) return none('The image size is not stated in the file');
  if (declaredFrameBytes(g) > maxFrameBytes) return none('The image is too large to fingerprint');
  const target = canonicalTarget(header, g);
  const offsets = extendedOffsets(header);
  queue.take(header.pixelData.offset);

  const digests: Buffer[] = [];
  let frame: Buffer[] = [];
  let frameBytes = 0;
  const finishFrame = async (): Promise<string | null> => {
    if (frame.length === 0) return null;
    options.signal?.throwIfAborted();
    const decoded = await decodeOneFrame(frame.length === 1 ? frame[0]! : Buffer.concat(frame), target);
    frame = [];
    frameBytes = 0;
    if ('reason' in decoded) return decoded.reason;
    digests.push(createHash('sha256').update(decoded.frame).digest());
    return null;
  };

  let table: number[] | null = null;
  let position = 0; // of the current item, relative to the first fragment's item
  let nextFrame = 1; // with an offset table: the frame whose start comes next
  for (;;) {
    if (!(await queue.fill(8))) return none('The image data is incomplete (the file ends early)');
    const head = queue.take(8);
    const tag = ((head.readUInt16LE(0) << 16) | head.readUInt16LE(2)) >>> 0;
    const length = head.readUInt32LE(4);
    if (tag === SEQUENCE_DELIMITER) break;
    if (tag !== ITEM || length > maxFrameBytes) return none('The compressed image data is damaged');
    if (!(await queue.fill(length))) return none('The image data is incomplete (the file ends early)');
    const data = Buffer.from(queue.take(length));
    if (table === null) {
      // The first item is the Basic Offset Table; the Extended one (in the header) wins.
      const basic: number[] = [];
      for (let at = 0; at + 4 <= data.length; at += 4) basic.push(data.readUInt32LE(at));
      table = offsets ?? basic;
      continue;
    }
    const byTable = table.length === g.frames && g.frames > 0;
    const startsFrame = byTable ? nextFrame < table.length && position >= (table[nextFrame] ?? 0) : startsCodestream(data);
    if (startsFrame && frame.length > 0) {
      const failed = await finishFrame();
      if (failed !== null) return none(failed);
    }
    if (byTable && startsFrame) nextFrame++;
    frame.push(data);
    frameBytes += data.length;
    if (frameBytes > maxFrameBytes) return none('The image is too large to fingerprint');
    position += 8 + length;
  }
  const failed = await finishFrame();
  if (failed !== null) return none(failed);
  return digests.length === g.frames ? { status: 'done', digests } : none('Where each frame starts in the compressed image data cannot be told');
}
