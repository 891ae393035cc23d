/**
 * The backup file's container: a POSIX ustar archive (regular files only), so any `tar` can list
 * and unpack it. Written by hand because no tar library is in package.json and the subset needed
 * here is small: 512-byte headers, octal sizes, zero padding, two zero blocks at the end.
 * The reader is strict: a bad header checksum, a non-file entry, or a name outside what a backup
 * holds is damage, reported with the byte offset.
 */
import type { FileHandle } from 'node:fs/promises';

export const BLOCK = 512;
/** ustar's 11 octal digits: 8 GiB - 1. */
export const MAX_MEMBER_SIZE = 0o77777777777;

export class TarDamage extends Error {
  constructor(readonly offset: number, readonly detail: string, readonly member: string | null) {
    super(detail);
    this.name = 'TarDamage';
  }
}

function writeString(block: Buffer, at: number, length: number, value: string): void {
  block.write(value, at, length, 'ascii');
}

function writeOctal(block: Buffer, at: number, length: number, value: number): void {
  writeString(block, at, length - 1, value.toString(8).padStart(length - 1, '0'));
}

/** One ustar header for a regular file `name` (ASCII, <= 100 bytes) of `size` bytes. */
export function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  if (!/^[\x21-\x7e]{1,100}$/.test(name)) throw new RangeError('tar member name must be 1-100 printable ASCII characters');
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_MEMBER_SIZE) throw new RangeError('tar member too large');
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, 0o600);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, Math.max(0, Math.floor(mtimeSeconds)));
  block.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  block[156] = 0x30; // '0': regular file
  writeString(block, 257, 6, 'ustar');
  writeString(block, 263, 2, '00');
  const sum = checksum(block);
  writeString(block, 148, 7, sum.toString(8).padStart(6, '0') + '\0');
  return block;
}

export function paddingFor(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function checksum(block: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

function readOctal(block: Buffer, at: number, length: number): number | null {
  const text = block.toString('ascii', at, at + length).replace(/[\0 ]+$/, '').replace(/^ +/, '');
  return /^[0-7]{1,12}$/.test(text) ? parseInt(text, 8) : null;
}

export interface TarEntry { name: string; size: number; dataOffset: number }

/**
 * Reads the header at `offset`: an entry, or null at the end marker (a zero block).
 * Throws TarDamage for anything that is not a well-formed ustar regular file.
 */
export async function readTarHeader(file: FileHandle, offset: number, previous: string | null): Promise<TarEntry | null> {
  const block = Buffer.alloc(BLOCK);
  const { bytesRead } = await file.read(block, 0, BLOCK, offset);
  if (bytesRead < BLOCK) throw new TarDamage(offset, 'the file ends too early (it was cut short)', previous);
  if (block.every((b) => b === 0)) return null;
  const stored = readOctal(block, 148, 8);
  if (stored === null || stored !== checksum(block)) throw new TarDamage(offset, 'an entry header is damaged', previous);
  const nul = block.indexOf(0, 0);
  const name = block.toString('ascii', 0, nul >= 0 && nul < 100 ? nul : 100);
  const type = block[156];
  const size = readOctal(block, 124, 12);
  if ((type !== 0x30 && type !== 0) || size === null || block.toString('ascii', 257, 262) !== 'ustar' || block[345] !== 0) {
    throw new TarDamage(offset, 'an entry is not a plain file', name);
  }
  return { name, size, dataOffset: offset + BLOCK };
}
