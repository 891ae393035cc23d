/**
 * HTTP Range (RFC 9110 §14) for the byte channel: one range of bytes, in any of its three forms
 * (`bytes=0-99`, `bytes=100-`, `bytes=-100`). Several ranges at once (multipart answers) are
 * not needed by the viewer: they are answered with the whole file, which the RFC allows.
 */

/** A range to serve: bytes [start, end), end exclusive. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

export type RangeDecision =
  | { kind: 'whole' }
  | { kind: 'partial'; span: ByteSpan }
  | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/** Decides what to send for a Range header against a file of `size` bytes. */
export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(header.trim());
  // Unknown units, lists of ranges, garbage: ignoring the header is what the RFC asks for.
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = toNumber(last);
    if (suffix === null || suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', span: { start: Math.max(0, size - suffix), end: size } };
  }
  const start = toNumber(first);
  if (start === null || start >= size) return { kind: 'unsatisfiable' };
  if (last === '') return { kind: 'partial', span: { start, end: size } };
  const lastByte = toNumber(last);
  // A last byte beyond the end (even one too large to be exact) means "to the end".
  if (lastByte === null) return { kind: 'partial', span: { start, end: size } };
  if (lastByte < start) return { kind: 'whole' };
  return { kind: 'partial', span: { start, end: Math.min(lastByte + 1, size) } };
}

/** Digits as a safe integer; null for numbers too large to be exact (no file is that big). */
function toNumber(digits: string): number | null {
  if (digits.length > 15) return null;
  return Number(digits);
}
