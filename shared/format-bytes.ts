/** File sizes in plain words for every host (the UI and the CLI show the same text). */

const NUMBER = new Intl.NumberFormat('en-US');

/** Decimal units, as disk makers and file managers show them: "45 MB", "1.5 GB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1000) {
    const n = Math.max(0, Math.round(bytes || 0));
    return `${NUMBER.format(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = value < 9.95 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
  return `${shown} ${units[unit] ?? 'TB'}`;
}
