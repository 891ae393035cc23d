/** Shifts DA and DT values by whole days (times of day stay, so intervals stay exact). */
const DAY_MS = 86_400_000;

function shiftYmd(ymd: string, days: number): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  if (match === null) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(time)) return null;
  const shifted = new Date(time + days * DAY_MS);
  if (shifted.getUTCFullYear() < 1) return null;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(shifted.getUTCFullYear(), 4)}${pad(shifted.getUTCMonth() + 1, 2)}${pad(shifted.getUTCDate(), 2)}`;
}

/** One DA value ('YYYYMMDD', old 'YYYY.MM.DD', or a 'from-to' range); null when it cannot be read. */
export function shiftDate(value: string, days: number): string | null {
  if (value === '') return '';
  if (value.includes('-')) {
    const parts = value.split('-').map((part) => (part === '' ? '' : shiftDate(part, days)));
    return parts.includes(null) ? null : parts.join('-');
  }
  return shiftYmd(value.replace(/\./g, ''), days);
}

/** One DT value: the date part moves, the time and offset stay. Partial dates (year only) cannot. */
export function shiftDateTime(value: string, days: number): string | null {
  if (value === '') return '';
  if (value.length < 8) return null;
  const date = shiftYmd(value.slice(0, 8), days);
  return date === null ? null : date + value.slice(8);
}
