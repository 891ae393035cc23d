/**
 * The Modality LUT Sequence (PS3.3 C.11.1): a lookup table from stored values to modality values,
 * used instead of Rescale Slope/Intercept by some CR, XA and older modalities. The image loader
 * ignores it (e2e/viewer-display.spec.ts found the display 255 grey levels off), so frame-fixes.ts
 * applies it to native frames before decoding. Pure: no Cornerstone import.
 */
export interface ModalityLut {
  /** The stored value mapped by the first entry. */
  firstMapped: number;
  /** Bits of each output value (8..16). */
  bits: number;
  data: Uint16Array;
}

/**
 * From the descriptor (entries, first mapped value, bits) and the table. An entry count of 0 means
 * 65536; the first mapped value is signed when the pixel data is (the descriptor's VR may be US
 * or SS, and implicit VR files do not say which, so it is read as unsigned and re-signed here).
 */
export function modalityLutFrom(descriptor: readonly number[], data: Uint16Array, signedPixels: boolean): ModalityLut | null {
  const [entriesRaw, firstRaw, bits] = descriptor;
  if (entriesRaw === undefined || firstRaw === undefined || bits === undefined) return null;
  const entries = entriesRaw === 0 ? 65536 : entriesRaw;
  if (data.length < entries || bits < 1 || bits > 16) return null;
  const firstMapped = signedPixels && firstRaw >= 0x8000 ? firstRaw - 0x10000 : firstRaw;
  return { firstMapped, bits, data: data.subarray(0, entries) };
}

/** Stored values of one native monochrome frame (8 or 16 bits allocated), masked to Bits Stored and sign-extended. */
export function storedValues(frame: Uint8Array, bitsAllocated: number, bitsStored: number, signed: boolean): Int32Array {
  const count = bitsAllocated === 8 ? frame.length : Math.floor(frame.length / 2);
  const out = new Int32Array(count);
  const mask = (1 << bitsStored) - 1;
  const sign = 1 << (bitsStored - 1);
  for (let i = 0; i < count; i++) {
    const raw = bitsAllocated === 8 ? (frame[i] ?? 0) : (frame[2 * i] ?? 0) | ((frame[2 * i + 1] ?? 0) << 8);
    const v = raw & mask;
    out[i] = signed && v & sign ? v - (mask + 1) : v;
  }
  return out;
}

/** The frame's modality values as 16-bit little endian samples: values outside the table take its end entries. */
export function applyModalityLut(values: Int32Array, lut: ModalityLut): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const last = lut.data.length - 1;
  const outMask = (1 << lut.bits) - 1;
  for (let i = 0; i < values.length; i++) {
    const index = Math.max(0, Math.min(last, (values[i] ?? 0) - lut.firstMapped));
    const v = (lut.data[index] ?? 0) & outMask;
    out[2 * i] = v & 0xff;
    out[2 * i + 1] = v >> 8;
  }
  return out;
}
