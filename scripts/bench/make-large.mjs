// Synthetic (not patient) files for `npm run bench:large`, written in chunks so this process never
// holds more than a few MiB: a multi-frame DICOM of any size, and a zip whose one entry is such a file.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { constants as zc, crc32, createDeflateRaw } from 'node:zlib';

const MiB = 1024 * 1024;
const FRAME_ROWS = 1024;
const FRAME_COLUMNS = 1024;
const FRAME_BYTES = FRAME_ROWS * FRAME_COLUMNS * 2;

function element(group, elem, vr, value) {
  const long = ['OB', 'OW', 'UN', 'SQ', 'UT', 'UC', 'UR'].includes(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(group, 0);
  head.writeUInt16LE(elem, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(value.length, 8);
  else head.writeUInt16LE(value.length, 6);
  return Buffer.concat([head, value]);
}
const text = (s) => Buffer.from(s.length % 2 === 0 ? s : `${s} `, 'latin1');
const uid = (s) => Buffer.from(s.length % 2 === 0 ? s : `${s}\0`, 'latin1');
const us = (n) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const newUid = () => `2.25.${BigInt('0x' + randomBytes(15).toString('hex')).toString()}`;

/** Everything before the pixel data value: preamble, meta, the dataset, the Pixel Data header. */
function header(frames, label) {
  const sopClass = '1.2.840.10008.5.1.4.1.1.12.1'; // X-Ray Angiographic Image: long cine runs are real
  const sop = newUid();
  const metaBody = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', uid(sopClass)),
    element(0x0002, 0x0003, 'UI', uid(sop)),
    element(0x0002, 0x0010, 'UI', uid('1.2.840.10008.1.2.1')),
    element(0x0002, 0x0012, 'UI', uid('2.25.1')),
  ]);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(metaBody.length);
  const dataset = Buffer.concat([
    element(0x0008, 0x0016, 'UI', uid(sopClass)),
    element(0x0008, 0x0018, 'UI', uid(sop)),
    element(0x0008, 0x0060, 'CS', text('XA')),
    element(0x0010, 0x0010, 'PN', text(`SYNTHETIC^${label}`)),
    element(0x0010, 0x0020, 'LO', text('BENCH-LARGE')),
    element(0x0020, 0x000d, 'UI', uid(newUid())),
    element(0x0020, 0x000e, 'UI', uid(newUid())),
    element(0x0028, 0x0002, 'US', us(1)),
    element(0x0028, 0x0004, 'CS', text('MONOCHROME2')),
    element(0x0028, 0x0008, 'IS', text(String(frames))),
    element(0x0028, 0x0010, 'US', us(FRAME_ROWS)),
    element(0x0028, 0x0011, 'US', us(FRAME_COLUMNS)),
    element(0x0028, 0x0100, 'US', us(16)),
    element(0x0028, 0x0101, 'US', us(12)),
    element(0x0028, 0x0102, 'US', us(11)),
    element(0x0028, 0x0103, 'US', us(0)),
  ]);
  const pixelHead = Buffer.alloc(12);
  pixelHead.writeUInt16LE(0x7fe0, 0);
  pixelHead.writeUInt16LE(0x0010, 2);
  pixelHead.write('OW', 4, 'latin1');
  pixelHead.writeUInt32LE(frames * FRAME_BYTES, 8);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), element(0x0002, 0x0000, 'UL', groupLength), metaBody, dataset, pixelHead]);
}

/**
 * Chunks of a DICOM file with at least `minBytes` of pixel data. Each frame is 1/128 noise and
 * the rest flat, so deflate shrinks it about 110:1: under the zip ratio limit, like real images.
 */
export function* dicomChunks(minBytes, label) {
  const frames = Math.ceil(minBytes / FRAME_BYTES);
  yield header(frames, label);
  const frame = Buffer.alloc(FRAME_BYTES);
  for (let i = 0; i < frames; i++) {
    frame.fill(i & 0xff);
    for (let at = 0; at < FRAME_BYTES; at += 64 * 1024) randomBytes(512).copy(frame, at);
    yield frame;
  }
}

async function writeTo(out, chunk) {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function writeDicom(file, minBytes, label) {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const chunk of dicomChunks(minBytes, label)) {
    await writeTo(out, chunk);
    bytes += chunk.length;
  }
  out.end();
  await once(out, 'close');
  return bytes;
}

/** A zip with one deflated entry (a data descriptor after it, sizes in the central directory; no zip64: under 4 GiB). */
export async function writeZipOfDicom(file, entryName, minBytes, label) {
  const out = createWriteStream(file);
  const name = Buffer.from(entryName, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0008, 6); // sizes and CRC follow the data
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(name.length, 26);
  await writeTo(out, Buffer.concat([local, name]));
  const deflate = createDeflateRaw({ level: 1, strategy: zc.Z_DEFAULT_STRATEGY });
  let compressed = 0;
  deflate.on('data', (c) => { compressed += c.length; if (!out.write(c)) { deflate.pause(); out.once('drain', () => deflate.resume()); } });
  const ended = once(deflate, 'end');
  let crc = 0;
  let size = 0;
  for (const chunk of dicomChunks(minBytes, label)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await ended;
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(crc >>> 0, 4);
  descriptor.writeUInt32LE(compressed, 8);
  descriptor.writeUInt32LE(size, 12);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0008, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = 30 + name.length + compressed + 16;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  await writeTo(out, Buffer.concat([descriptor, central, name, end]));
  out.end();
  await once(out, 'close');
  return { compressed, size };
}
export { MiB };
