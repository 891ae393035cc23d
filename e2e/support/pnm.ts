/** Test-only: reading dcm2pnm's binary PGM (P5) and PPM (P6) output. */
export interface Pnm {
  width: number;
  height: number;
  /** 1 (PGM, grey) or 3 (PPM, RGB). */
  channels: number;
  values: Uint8Array;
}

/** Reads a binary PGM (P5) or PPM (P6) with maxval 255. */
export function readPnm(buf: Buffer): Pnm {
  const magic = buf.toString('latin1', 0, 2);
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`not a binary PGM/PPM (${magic})`);
  let pos = 2;
  const fields: number[] = [];
  while (fields.length < 3) {
    while (/\s/.test(String.fromCharCode(buf[pos] ?? 0))) pos++;
    let digits = '';
    while (/[0-9]/.test(String.fromCharCode(buf[pos] ?? 0))) digits += String.fromCharCode(buf[pos++] ?? 0);
    fields.push(Number(digits));
  }
  const [width = 0, height = 0, max = 0] = fields;
  if (max !== 255) throw new Error(`expected 8-bit PNM, got maxval ${max}`);
  const channels = magic === 'P5' ? 1 : 3;
  return { width, height, channels, values: new Uint8Array(buf.subarray(pos + 1, pos + 1 + width * height * channels)) };
}
