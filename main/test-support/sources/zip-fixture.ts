/**
 * Test support: a minimal zip writer, so hostile archives are generated in the tests instead of
 * committed as binaries. It writes exactly what it is told, including lies.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

export interface FixtureEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 0 = stored, 8 = deflate (default); any other number is written as is. */
  method?: number;
  /** Bytes written as the entry's data instead of compressing `data`. */
  rawData?: Buffer;
  declaredSize?: number;
  declaredCrc?: number;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
}

export const UNIX_MADE_BY = (3 << 8) | 30;
export const SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0;

export function buildZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 8;
    const payload = entry.rawData ?? (method === 8 ? deflateRawSync(data) : data);
    const fields = {
      flags: entry.flags ?? (typeof entry.name === 'string' ? 0x800 : 0),
      method,
      crc: entry.declaredCrc ?? crc32(data),
      compressedSize: payload.length,
      size: entry.declaredSize ?? data.length,
    };
    const local = localHeader(name, fields);
    centrals.push(centralHeader(name, fields, offset, entry));
    locals.push(local, payload);
    offset += local.length + payload.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endOfCentralDirectory(entries.length, central.length, offset)]);
}

interface HeaderFields {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

function localHeader(name: Buffer, f: HeaderFields): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(f.flags, 6);
  header.writeUInt16LE(f.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12); // 1980-01-01
  header.writeUInt32LE(f.crc >>> 0, 14);
  header.writeUInt32LE(f.compressedSize, 18);
  header.writeUInt32LE(f.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, f: HeaderFields, offset: number, entry: FixtureEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.versionMadeBy ?? 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(f.flags, 8);
  header.writeUInt16LE(f.method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(0x21, 14);
  header.writeUInt32LE(f.crc >>> 0, 16);
  header.writeUInt32LE(f.compressedSize, 20);
  header.writeUInt32LE(f.size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(entry.externalAttributes ?? 0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(size, 12);
  eocd.writeUInt32LE(offset, 16);
  return eocd;
}

/** A traditionally encrypted stored entry: 12 bytes of encryption header, then the data. */
export function encryptedEntry(name: string, data: Buffer): FixtureEntry {
  return { name, data, method: 0, flags: 0x801, rawData: Buffer.concat([randomBytes(12), data]) };
}
