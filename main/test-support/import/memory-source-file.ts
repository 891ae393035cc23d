import type { SourceFile } from '../../core/sources/types';

/** A SourceFile over bytes in memory; `chunkBytes` sets how streaming cuts them. */
export function memorySourceFile(relativePath: string, bytes: Buffer, chunkBytes = 64 * 1024): SourceFile {
  return {
    relativePath,
    size: bytes.length,
    hint: 'candidate',
    read: () => Promise.resolve(Buffer.from(bytes)),
    stream: (consume) => consume((async function* () {
      for (let at = 0; at < bytes.length; at += chunkBytes) yield Buffer.from(bytes.subarray(at, at + chunkBytes));
    })()),
  };
}
