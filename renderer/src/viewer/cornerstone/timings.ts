/**
 * Per-picture timings (numbers only, no ids or names) for the viewer benchmark: byte fetch, decode
 * and render, each kept in a bounded ring so a long session does not grow memory. The benchmark
 * reads them through `globalThis.scanvaultViewerTimings`.
 */
export type TimingKind = 'fetch' | 'decode' | 'render';
const LIMIT = 1000;
const rings: Record<TimingKind, number[]> = { fetch: [], decode: [], render: [] };

export function recordTiming(kind: TimingKind, ms: number): void {
  const ring = rings[kind];
  ring.push(ms);
  if (ring.length > LIMIT) ring.shift();
}

export function timingSnapshot(): Record<TimingKind, number[]> {
  return { fetch: [...rings.fetch], decode: [...rings.decode], render: [...rings.render] };
}

export function clearTimings(): void {
  for (const ring of Object.values(rings)) ring.length = 0;
}

export function exposeTimings(): void {
  (globalThis as { scanvaultViewerTimings?: unknown }).scanvaultViewerTimings = { snapshot: timingSnapshot, clear: clearTimings };
}
