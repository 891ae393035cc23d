/**
 * The SQLite WAL file's plaintext framing (https://sqlite.org/fileformat2.html#walformat), so the
 * page sweep checks exactly the frames SQLite would replay. Frames after a torn write (a crash) or
 * left over from an earlier WAL generation fail the salt/checksum chain and are ignored by SQLite,
 * so they are not damage.
 */
export const WAL_HEADER = 32;
export const WAL_FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalFrame { index: number; pgno: number }

export interface WalScan {
  /** Frames SQLite replays. */
  valid: WalFrame[];
  /**
   * Frames with this WAL's salts after the checksum chain broke. SQLite ignores them; a crash
   * tears only the last frame, so an intact-looking frame here means the break was damage and
   * committed changes are being lost.
   */
  afterBreak: WalFrame[];
}

/** SQLite's WAL checksum: pairs of 32-bit words, cumulative; word order from the magic. */
function checksum(bytes: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s1, s2] = s;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}

/** Frames SQLite treats as valid (same salts as the header, unbroken checksum chain), and those after a break. */
export function scanWalFrames(wal: Buffer, pageSize: number): WalScan {
  const scan: WalScan = { valid: [], afterBreak: [] };
  if (wal.length < WAL_HEADER) return scan;
  const magic = wal.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return scan;
  const bigEndian = magic === MAGIC_BE;
  if (wal.readUInt32BE(8) !== pageSize) return scan;
  let sum = checksum(wal.subarray(0, 24), bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return scan;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const frameSize = WAL_FRAME_HEADER + pageSize;
  let broken = false;
  for (let at = WAL_HEADER, index = 1; at + frameSize <= wal.length; at += frameSize, index++) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) {
      if (broken) continue;
      break;
    }
    const frame = { index, pgno: wal.readUInt32BE(at) };
    if (!broken) {
      sum = checksum(wal.subarray(at, at + 8), bigEndian, sum);
      sum = checksum(wal.subarray(at + WAL_FRAME_HEADER, at + frameSize), bigEndian, sum);
      broken = sum[0] !== wal.readUInt32BE(at + 16) || sum[1] !== wal.readUInt32BE(at + 20);
      if (!broken) { scan.valid.push(frame); continue; }
    }
    scan.afterBreak.push(frame);
  }
  return scan;
}
