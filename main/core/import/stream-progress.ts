/**
 * Progress while a large file streams: it is prepared alone and can take minutes, and progress
 * otherwise moves only when a file is indexed, so the bar would seem stuck.
 */
import type { SourceFile } from '../sources/types';

const REPORT_EVERY_BYTES = 16 * 1024 * 1024;

/** `file`, calling `onBytes` with the bytes streamed so far (about every `every` bytes). */
export function reportingStreamProgress(file: SourceFile, onBytes: (bytesSoFar: number) => void, every = REPORT_EVERY_BYTES): SourceFile {
  return { ...file, stream: (consume) => file.stream((chunks) => consume(counted(chunks, onBytes, every))) };
}

async function* counted(chunks: AsyncIterable<Buffer>, onBytes: (bytesSoFar: number) => void, every: number): AsyncGenerator<Buffer, void, undefined> {
  let bytes = 0;
  let next = every;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (bytes >= next) {
      onBytes(bytes);
      next = bytes + every;
    }
    yield chunk;
  }
}
