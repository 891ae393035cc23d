/**
 * Plain-language text for a measurement from Cornerstone's cached statistics. Pure (tool names as
 * strings) so it is tested without a browser; measurements.ts feeds it the annotations.
 */
export interface Measurement {
  uid: string;
  kind: 'Length' | 'Angle' | 'Oval area' | 'Box area';
  /** The headline number (length, angle, or mean) and its unit. */
  value: number | null;
  unit: string | null;
  text: string;
}

type Stats = Record<string, unknown>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const fixed = (v: number, digits: number): string => v.toFixed(digits);

/** Values shown with units that mean something to a reader ("HU", "mm"); raw stored values say so. */
function valueUnit(unit: string | null): string {
  if (!unit || unit === 'raw') return ' (stored value)';
  return ` ${unit}`;
}

export function describeMeasurement(uid: string, toolName: string, stats: Stats | undefined): Measurement | null {
  const s = stats ?? {};
  switch (toolName) {
    case 'Length': {
      const length = num(s.length);
      const unit = str(s.unit) ?? 'mm';
      return { uid, kind: 'Length', value: length, unit, text: length === null ? 'Length: drawing…' : `Length ${fixed(length, 2)} ${unit}` };
    }
    case 'Angle': {
      const angle = num(s.angle);
      return { uid, kind: 'Angle', value: angle, unit: '°', text: angle === null ? 'Angle: click a third point' : `Angle ${fixed(angle, 1)}°` };
    }
    case 'EllipticalROI':
    case 'RectangleROI': {
      const kind = toolName === 'EllipticalROI' ? 'Oval area' : 'Box area';
      const mean = num(s.mean);
      const sd = num(s.stdDev);
      const area = num(s.area);
      const unit = str(s.modalityUnit);
      if (mean === null) return { uid, kind, value: null, unit, text: `${kind}: drawing…` };
      const parts = [`mean ${fixed(mean, 1)}${valueUnit(unit)}`];
      if (sd !== null) parts.push(`SD ${fixed(sd, 1)}${valueUnit(unit)}`);
      if (area !== null) parts.push(`area ${fixed(area, 1)} ${str(s.areaUnit) ?? 'mm²'}`);
      return { uid, kind, value: mean, unit, text: `${kind}: ${parts.join(', ')}` };
    }
    default:
      return null;
  }
}
