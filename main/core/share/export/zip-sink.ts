/**
 * A bundle written as one zip file: stored entries (DICOM pixel data barely compresses, and the
 * doctor's tools open stored zips everywhere), CRC-32 from node:zlib, names in UTF-8. Past 4 GB
 * or 65,535 entries the zip gets ZIP64 records (APPNOTE 4.3.14, 4.5.3), which every current
 * unzip tool reads; below that it stays a classic zip, for the oldest ones.
 */
import { link, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { CoreError } from '../../core-error';
import { fsyncDirectory } from '../../vault/atomic-file';
import { SHARE_TARGET_EXISTS } from '../../../../shared/share/share-domain';
import { assertNewDestination, partialName, type BundleSink } from './bundle-sink';

/** Where the classic fields overflow. Tests pass smaller ones to exercise the ZIP64 records. */
export interface ZipLimits { offset: number; entries: number }
const CLASSIC: ZipLimits = { offset: 0xffffffff, entries: 0xffff };
/** One entry's size is still a 32-bit field here: no DICOM file comes near 4 GB. */
const MAX_ENTRY = 0xfffffffe;
const STORED_VERSION = 10; // 1.0: stored entries
const ZIP64_VERSION = 45; // 4.5: ZIP64 records
const UTF8_NAMES = 0x0800;

interface CentralEntry { name: Buffer; crc: number; size: number; offset: number }

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * The fields a local header (from its offset 4) and a central entry (from its offset 6) share, in
 * the same order (APPNOTE 4.3.7, 4.3.12): version needed, flags, method, time, date, CRC, sizes, name length.
 */
function sharedFields(e: CentralEntry, time: number, day: number, versionNeeded: number): Buffer {
  const f = Buffer.alloc(24);
  f.writeUInt16LE(versionNeeded, 0);
  f.writeUInt16LE(UTF8_NAMES, 2);
  f.writeUInt16LE(0, 4); // stored
  f.writeUInt16LE(time, 6);
  f.writeUInt16LE(day, 8);
  f.writeUInt32LE(e.crc, 10);
  f.writeUInt32LE(e.size, 14);
  f.writeUInt32LE(e.size, 18);
  f.writeUInt16LE(e.name.length, 22);
  return f;
}

function localHeader(e: CentralEntry, time: number, day: number): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50, 0);
  const extraLength = Buffer.alloc(2); // no extra field
  return Buffer.concat([signature, sharedFields(e, time, day, STORED_VERSION), extraLength, e.name]);
}

/** A central directory entry; one whose local header lies past the limit carries its offset in a ZIP64 extra field. */
function centralEntry(e: CentralEntry, time: number, day: number, limits: ZipLimits): Buffer {
  const far = e.offset >= limits.offset;
  const extra = far ? Buffer.alloc(12) : Buffer.alloc(0);
  if (far) {
    extra.writeUInt16LE(0x0001, 0); // ZIP64 extended information
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(e.offset), 4);
  }
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(0x0300 | (far ? ZIP64_VERSION : 20), 4); // made by: Unix
  const tail = Buffer.alloc(16); // extra length, comment length, disk, internal and external attributes, offset
  tail.writeUInt16LE(extra.length, 0);
  tail.writeUInt32LE((0o100644 << 16) >>> 0, 8);
  tail.writeUInt32LE(far ? 0xffffffff : e.offset, 12);
  return Buffer.concat([head, sharedFields(e, time, day, far ? ZIP64_VERSION : STORED_VERSION), tail, e.name, extra]);
}

/** The end records: a ZIP64 end record and its locator first when a classic field would overflow. */
function endRecords(count: number, directoryStart: number, directorySize: number, limits: ZipLimits): Buffer {
  const zip64 = count >= limits.entries || directoryStart >= limits.offset || directorySize >= limits.offset;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directorySize, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : directoryStart, 16);
  if (!zip64) return end;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4); // the size of the rest of this record
  record.writeUInt16LE(0x0300 | ZIP64_VERSION, 12);
  record.writeUInt16LE(ZIP64_VERSION, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryStart + directorySize), 8); // where the ZIP64 end record starts
  locator.writeUInt32LE(1, 16); // disks
  return Buffer.concat([record, locator, end]);
}

export async function zipSink(target: string, now = new Date(), limits: ZipLimits = CLASSIC): Promise<BundleSink> {
  await assertNewDestination(target);
  const partial = partialName(target);
  const handle: FileHandle = await open(partial, 'wx');
  const entries: CentralEntry[] = [];
  const { time, day } = dosTime(now);
  let offset = 0;
  let closed = false;
  let committed = false;
  // The place is reserved before the first await, so several adds may be in flight at once.
  const write = async (bytes: Uint8Array) => {
    const at = offset;
    offset += bytes.length;
    await handle.write(bytes, 0, bytes.length, at);
  };
  return {
    partialPath: partial,
    async add(relativePath, bytes) {
      if (bytes.length > MAX_ENTRY) throw new CoreError('BAD_REQUEST', 'One file of this share is over 4 GB, too large for a zip file. Save the share to a folder instead.');
      const entry = { name: Buffer.from(relativePath, 'utf8'), crc: crc32(bytes), size: bytes.length, offset };
      entries.push(entry);
      await Promise.all([write(localHeader(entry, time, day)), write(bytes)]);
    },
    async close() {
      const directoryStart = offset;
      await write(Buffer.concat(entries.map((e) => centralEntry(e, time, day, limits))));
      await write(endRecords(entries.length, directoryStart, offset - directoryStart, limits));
      await handle.sync();
      await handle.close();
      closed = true;
    },
    async commit() {
      // link, not rename: it fails rather than replace a file that appeared meanwhile.
      await link(partial, target).catch((error: unknown) => {
        throw error instanceof Error && 'code' in error && error.code === 'EEXIST' ? new CoreError('TARGET_EXISTS', SHARE_TARGET_EXISTS) : error;
      });
      committed = true;
      await rm(partial, { force: true });
      await fsyncDirectory(path.dirname(target));
    },
    async discard() {
      if (!closed) await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
      if (committed) await rm(target, { force: true });
    },
  };
}
