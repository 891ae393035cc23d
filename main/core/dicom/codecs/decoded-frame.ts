/** What every codec module hands back: one frame's samples, copied out of the codec's memory. */
export interface DecodedFrame {
  width: number;
  height: number;
  components: number;
  /** Bits per sample in the codestream (the decoded values use the low `precision` bits). */
  precision: number;
  /** One element per sample. Int8/Int16 when the codec produced sign-extended values. */
  samples: Uint8Array | Int8Array | Uint16Array | Int16Array;
  /** True when each component's samples come as one block (JPEG-LS interleave mode 0). */
  byPlane: boolean;
}

/**
 * A frame the codec could not decode (damaged data or a feature it lacks). The message is plain
 * and carries no patient data; the codec's own error text is never passed on.
 */
export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

/** Typed view of 8- or 16-bit codec output, copied so it outlives the codec's memory. */
export function copySamples(bytes: Uint8Array, precision: number, signed: boolean): DecodedFrame['samples'] {
  const copy = bytes.slice();
  if (precision <= 8) return signed ? new Int8Array(copy.buffer) : copy;
  const count = Math.floor(copy.length / 2);
  return signed ? new Int16Array(copy.buffer, 0, count) : new Uint16Array(copy.buffer, 0, count);
}
