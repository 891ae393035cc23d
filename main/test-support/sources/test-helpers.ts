/** Test support shared by the sources tests. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { SourceReadError } from '../../core/sources/messages';
import type { SourceFile, SourceItem, SourceScan } from '../../core/sources/types';

const MiB = 1024 * 1024;

/** A scratch folder holding only generated, non-patient bytes; removed by `remove()`. */
export function scratchDir(label: string): { root: string; write(relative: string, bytes: Buffer | string): string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), `scanvault-${label}-`));
  return {
    root,
    write(relative, bytes) {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Compact view of the items: [kind, relativePath, hint or code]. */
export function summary(scan: SourceScan): [string, string, string][] {
  return scan.items.map((item): [string, string, string] =>
    item.kind === 'file' ? ['file', item.file.relativePath, item.file.hint] : [item.kind, item.relativePath, item.code],
  );
}

export function fileItem(scan: SourceScan, relativePath: string): SourceFile {
  for (const item of scan.items) {
    if (item.kind === 'file' && item.file.relativePath === relativePath) return item.file;
  }
  throw new Error(`no file item ${relativePath}`);
}

/** The SourceReadError code file.read() rejects with, or 'no error'. */
export async function readErrorCode(file: SourceFile): Promise<string> {
  try {
    await file.read();
    return 'no error';
  } catch (err) {
    return err instanceof SourceReadError ? err.code : `unexpected: ${String(err)}`;
  }
}

/** Deflate of `bytes` zero bytes, produced without holding the zeros in memory. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) deflate.write(zeros);
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Bytes shaped like a DICOM Part 10 file (preamble + "DICM"), different per seed. */
export function dicomLike(seed: number, length = 300): Buffer {
  const body = Buffer.alloc(length);
  for (let i = 0; i < length; i++) body[i] = (seed * 31 + i * 7) % 256;
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), body]);
}

export type ItemWithBytes =
  | Exclude<SourceItem, { kind: 'file' }>
  | { kind: 'file'; relativePath: string; size: number; hint: string; read: string };

/**
 * Every item with, for files, what read() gives: the SHA-256 of the bytes (deep-comparing large
 * Buffers is slow) or the SourceReadError code. Reads one at a time, as the import does.
 */
export async function itemsWithBytes(scan: SourceScan): Promise<ItemWithBytes[]> {
  const out: ItemWithBytes[] = [];
  for (const item of scan.items) {
    if (item.kind !== 'file') {
      out.push(item);
      continue;
    }
    const { relativePath, size, hint } = item.file;
    const read = await item.file.read().then(
      (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
      (err: unknown) => (err instanceof SourceReadError ? err.code : `unexpected: ${String(err)}`),
    );
    out.push({ kind: 'file', relativePath, size, hint, read });
  }
  return out;
}
