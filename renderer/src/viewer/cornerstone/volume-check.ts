/**
 * Whether a series can be shown as a volume (MPR: axial, sagittal, coronal), from each picture's
 * plane: size, orientation and position. Pure: mpr.ts reads the planes from Cornerstone's metadata.
 * Slices are ordered by their position along the slice normal, never by instance number.
 */
export interface SlicePlane {
  rows: number | null;
  columns: number | null;
  /** Image Orientation (Patient): row then column direction cosines. */
  orientation: readonly number[] | null;
  /** Image Position (Patient) of the first pixel, in mm. */
  position: readonly number[] | null;
}

export type VolumeCheck =
  | { ok: true; order: number[]; spacing: number }
  | { ok: false; reason: string };

/** Fewer parallel slices than this give no useful side views. */
export const MIN_VOLUME_SLICES = 3;
const ORIENTATION_TOLERANCE = 1e-3;
/** Gaps may differ this much (relative) before the slices count as unevenly spaced. */
const SPACING_TOLERANCE = 0.1;

function normal(o: readonly number[]): [number, number, number] {
  const [r0, r1, r2, c0, c1, c2] = o as [number, number, number, number, number, number];
  return [r1 * c2 - r2 * c1, r2 * c0 - r0 * c2, r0 * c1 - r1 * c0];
}

export function checkVolume(planes: readonly SlicePlane[]): VolumeCheck {
  if (planes.length < MIN_VOLUME_SLICES) {
    return { ok: false, reason: `Side views need at least ${MIN_VOLUME_SLICES} slices; this series has ${planes.length}.` };
  }
  const first = planes[0];
  if (!first) return { ok: false, reason: 'This series has no pictures.' };
  if (planes.some((p) => !p.orientation || p.orientation.length !== 6 || !p.position || p.position.length !== 3)) {
    return { ok: false, reason: 'Some pictures in this series do not record where they lie in the body, so they cannot be stacked into a volume.' };
  }
  if (planes.some((p) => p.rows !== first.rows || p.columns !== first.columns)) {
    return { ok: false, reason: 'The pictures in this series are not all the same size, so they do not form one volume.' };
  }
  const o0 = first.orientation as readonly number[];
  if (planes.some((p) => (p.orientation as readonly number[]).some((v, i) => Math.abs(v - (o0[i] ?? NaN)) > ORIENTATION_TOLERANCE))) {
    return { ok: false, reason: 'The pictures in this series are not parallel slices (they point in different directions), so they do not form one volume.' };
  }
  const n = normal(o0);
  const distances = planes.map((p) => {
    const pos = p.position as readonly number[];
    return n[0] * (pos[0] ?? 0) + n[1] * (pos[1] ?? 0) + n[2] * (pos[2] ?? 0);
  });
  const order = distances.map((d, i) => ({ d, i })).sort((a, b) => a.d - b.d).map((x) => x.i);
  const gaps: number[] = [];
  for (let k = 1; k < order.length; k += 1) gaps.push((distances[order[k] as number] as number) - (distances[order[k - 1] as number] as number));
  if (gaps.some((g) => g < 1e-3)) {
    return { ok: false, reason: 'Some slices in this series lie at the same place (repeated or overlapping pictures), so they do not form one volume.' };
  }
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (gaps.some((g) => Math.abs(g - mean) > SPACING_TOLERANCE * mean)) {
    return { ok: false, reason: 'The slices in this series are unevenly spaced, so side views would be distorted.' };
  }
  return { ok: true, order, spacing: mean };
}
