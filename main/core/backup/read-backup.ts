/**
 * Reads a backup (a file or a folder) member by member, hashing every byte, and optionally hands
 * each member's bytes to a writer (restore). Nothing here trusts the backup: the caller judges
 * what was read against the authenticated manifest (judge-backup.ts).
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CoreError } from '../core-error';
import { MANIFEST_FILE, MANIFEST_HMAC_FILE, MEMBER_NAME, SMALL_MEMBER_LIMIT, parseManifest } from './manifest';
import { BLOCK, TarDamage, paddingFor, readTarHeader } from './tar';

export interface SeenMember { size: number; sha256: string }
export interface MemberOutput { write(chunk: Buffer): Promise<void>; close(): Promise<void> }
/** Where a member's bytes go while it is read; null: only hash it. */
export type MemberWriter = (name: string) => Promise<MemberOutput | null>;

export interface BackupContents {
  layout: 'file' | 'folder';
  manifestBytes: Buffer | null;
  hmacBytes: Buffer | null;
  headerBytes: Buffer | null;
  seen: Map<string, SeenMember>;
  /** Entries that are no member a backup holds (or appear twice). */
  unexpected: string[];
  /** Where the file stopped being a readable archive, if it did. */
  broken: TarDamage | null;
}

export interface ReadOptions { writer: MemberWriter | null; onBytes: (n: number) => void; onMember?: () => void; signal: AbortSignal }

const CHUNK = 1024 * 1024;
const SMALL = new Set(['vault.json', MANIFEST_FILE, MANIFEST_HMAC_FILE]);

function emptyContents(layout: 'file' | 'folder'): BackupContents {
  return { layout, manifestBytes: null, hmacBytes: null, headerBytes: null, seen: new Map(), unexpected: [], broken: null };
}

function keepSmall(contents: BackupContents, name: string, bytes: Buffer): void {
  if (name === 'vault.json') contents.headerBytes = bytes;
  else if (name === MANIFEST_FILE) contents.manifestBytes = bytes;
  else if (name === MANIFEST_HMAC_FILE) contents.hmacBytes = bytes;
}

/** Reads a backup file (ustar). */
export async function readBackupFile(file: string, opts: ReadOptions): Promise<BackupContents> {
  const contents = emptyContents('file');
  const handle = await open(file, 'r');
  try {
    const total = (await handle.stat()).size;
    let offset = 0;
    let previous: string | null = null;
    for (;;) {
      if (opts.signal.aborted) throw new CoreError('CANCELLED');
      const entry = await readTarHeader(handle, offset, previous);
      if (entry === null) {
        await expectZeros(handle, offset, total - offset, previous, 2 * BLOCK); // the end marker, nothing after it
        break;
      }
      if (entry.dataOffset + entry.size > total) throw new TarDamage(offset, 'the file ends too early (it was cut short)', entry.name);
      const known = MEMBER_NAME.test(entry.name) || SMALL.has(entry.name);
      const duplicate = contents.seen.has(entry.name);
      if (!known || duplicate || (SMALL.has(entry.name) && entry.size > SMALL_MEMBER_LIMIT)) contents.unexpected.push(entry.name);
      const keep = known && !duplicate && SMALL.has(entry.name) && entry.size <= SMALL_MEMBER_LIMIT;
      const out = known && !duplicate && !keep && opts.writer ? await opts.writer(entry.name) : null;
      const hash = createHash('sha256');
      const parts: Buffer[] = [];
      try {
        for (let at = 0; at < entry.size;) {
          const length = Math.min(CHUNK, entry.size - at);
          const chunk = Buffer.alloc(length);
          const { bytesRead } = await handle.read(chunk, 0, length, entry.dataOffset + at);
          if (bytesRead !== length) throw new TarDamage(entry.dataOffset + at, 'the file ends too early (it was cut short)', entry.name);
          hash.update(chunk);
          if (keep) parts.push(chunk);
          await out?.write(chunk);
          at += length;
          opts.onBytes(length);
        }
      } finally {
        await out?.close();
      }
      if (known && !duplicate) contents.seen.set(entry.name, { size: entry.size, sha256: hash.digest('hex') });
      opts.onMember?.();
      if (keep) keepSmall(contents, entry.name, Buffer.concat(parts));
      previous = entry.name;
      await expectZeros(handle, entry.dataOffset + entry.size, paddingFor(entry.size), entry.name);
      offset = entry.dataOffset + entry.size + paddingFor(entry.size);
    }
  } catch (error) {
    if (!(error instanceof TarDamage)) throw error;
    contents.broken = error;
  } finally {
    await handle.close();
  }
  return contents;
}

/**
 * Padding and the end marker must be zeros: no byte of the file may change unnoticed, not even
 * one no member covers.
 */
async function expectZeros(handle: FileHandle, at: number, length: number, member: string | null, minLength = 0): Promise<void> {
  const bytes = Buffer.alloc(length);
  const { bytesRead } = await handle.read(bytes, 0, length, at);
  if (bytesRead !== length || length < minLength) throw new TarDamage(at, 'the file ends too early (it was cut short)', member);
  if (!bytes.every((b) => b === 0)) throw new TarDamage(at, 'bytes between entries were changed', member);
}

/**
 * A quick first look without reading the blobs: vault.json and the manifest files (a file's
 * headers are skipped through; a folder's small files are read), and how many members there are.
 * Lets restore refuse a wrong passphrase before copying gigabytes. Nothing here is trusted yet.
 */
export async function peekBackup(source: string, isFolder: boolean): Promise<{ contents: BackupContents; members: number }> {
  const contents = emptyContents(isFolder ? 'folder' : 'file');
  if (isFolder) {
    contents.manifestBytes = await readSmall(path.join(source, MANIFEST_FILE));
    // Without a manifest the folder is no backup (perhaps a vault): vault.json alone says nothing.
    if (contents.manifestBytes) contents.headerBytes = await readSmall(path.join(source, 'vault.json'));
    contents.hmacBytes = await readSmall(path.join(source, MANIFEST_HMAC_FILE));
    return { contents, members: contents.manifestBytes ? parseManifest(contents.manifestBytes)?.members.length ?? 0 : 0 };
  }
  const handle = await open(source, 'r');
  let members = 0;
  try {
    for (let offset = 0, entry = await readTarHeader(handle, 0, null); entry; entry = await readTarHeader(handle, offset, entry.name)) {
      members++;
      if (SMALL.has(entry.name) && entry.size <= SMALL_MEMBER_LIMIT) {
        const bytes = Buffer.alloc(entry.size);
        await handle.read(bytes, 0, entry.size, entry.dataOffset);
        keepSmall(contents, entry.name, bytes);
        contents.seen.set(entry.name, { size: entry.size, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
      offset = entry.dataOffset + entry.size + paddingFor(entry.size);
    }
  } catch (error) {
    if (!(error instanceof TarDamage)) throw error;
    contents.broken = error;
  } finally {
    await handle.close();
  }
  return { contents, members };
}

/** Reads a backup folder: the manifest first (to know the members), then each member it lists. */
export async function readBackupFolder(dir: string, opts: ReadOptions): Promise<BackupContents> {
  const contents = emptyContents('folder');
  contents.manifestBytes = await readSmall(path.join(dir, MANIFEST_FILE));
  contents.hmacBytes = await readSmall(path.join(dir, MANIFEST_HMAC_FILE));
  // Unauthenticated here: only used to know which files to read; names are checked by the schema.
  const listed = contents.manifestBytes ? parseManifest(contents.manifestBytes)?.members ?? [] : [];
  for (const member of listed) {
    if (opts.signal.aborted) throw new CoreError('CANCELLED');
    const file = path.join(dir, ...member.name.split('/'));
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) continue; // missing: the judge reports it
    if (member.name === 'vault.json') {
      const bytes = await readSmall(file);
      if (bytes) {
        contents.headerBytes = bytes;
        contents.seen.set(member.name, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
      opts.onMember?.();
      continue;
    }
    contents.seen.set(member.name, await copyMember(file, member.name, opts));
    opts.onMember?.();
  }
  return contents;
}

async function copyMember(file: string, name: string, opts: ReadOptions): Promise<SeenMember> {
  const handle = await open(file, 'r');
  const out = opts.writer ? await opts.writer(name) : null;
  const hash = createHash('sha256');
  let size = 0;
  try {
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, size);
      if (bytesRead === 0) break;
      const part = chunk.subarray(0, bytesRead);
      hash.update(part);
      await out?.write(part);
      size += bytesRead;
      opts.onBytes(bytesRead);
    }
  } finally {
    await out?.close();
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

async function readSmall(file: string): Promise<Buffer | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size > SMALL_MEMBER_LIMIT) return null;
  return readFile(file).catch(() => null);
}
