/**
 * Pure formatting helpers: DICOM values and job numbers turned into plain words for patients.
 * No DOM here (unit-tested in Node). The UI is written in English, so numbers and dates use
 * fixed English formats rather than the machine's locale.
 */
import type { Progress } from '../../shared/domain';

const NUMBER = new Intl.NumberFormat('en-US');
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** "1 file", "1,204 files". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/**
 * DICOM person names are "Family^Given^Middle^Prefix^Suffix", optionally followed by
 * "=ideographic=phonetic" forms. People read "Prefix Given Middle Family Suffix".
 */
export function formatPersonName(dicomName: string | null | undefined): string {
  const groups = (dicomName ?? '').split('=');
  const alphabetic = groups.find((g) => g.replace(/\^/g, '').trim() !== '') ?? '';
  if (!alphabetic.includes('^')) return alphabetic.trim() || 'Unnamed patient';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^').map((p) => p.trim());
  return [prefix, given, middle, family, suffix].filter((p) => p !== '').join(' ');
}

/** "20210312" (DICOM DA) or "2021-03-12" -> "12 March 2021"; unreadable dates are shown as given. */
export function formatDicomDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const match = /^(\d{4})[-.]?(\d{2})[-.]?(\d{2})$/.exec(text);
  if (!match) return text;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return text;
  return LONG_DATE.format(date);
}

export function formatSex(code: string | null | undefined): string | null {
  switch ((code ?? '').trim().toUpperCase()) {
    case 'F': return 'Female';
    case 'M': return 'Male';
    case 'O': return 'Other';
    default: return null;
  }
}

const MODALITIES: Record<string, string> = {
  CT: 'CT scan',
  MR: 'MRI',
  US: 'Ultrasound',
  CR: 'X-ray',
  DX: 'X-ray',
  MG: 'Mammogram',
  PT: 'PET scan',
  NM: 'Nuclear medicine scan',
  XA: 'Angiogram (X-ray of blood vessels)',
  RF: 'Fluoroscopy (moving X-ray)',
  IO: 'Dental X-ray',
  PX: 'Panoramic dental X-ray',
  ES: 'Endoscopy',
  XC: 'Photo',
  ECG: 'Heart tracing (ECG)',
  SR: 'Written findings',
  DOC: 'Document',
  SC: 'Saved screen picture',
  KO: 'Key images note',
  PR: 'Display settings',
  SEG: 'Outlined areas',
  OT: 'Other',
};

/** Plain words for a DICOM modality code (the kind of scan). */
export function modalityLabel(code: string): string {
  return MODALITIES[code.trim().toUpperCase()] ?? 'Other kind of scan';
}

import { formatBytes } from '../../shared/format-bytes';

export { formatBytes };

/** "about 2 min left"; null when there is no estimate yet. */
export function formatTimeLeft(etaSeconds: number | null): string | null {
  if (etaSeconds === null || !Number.isFinite(etaSeconds) || etaSeconds < 0) return null;
  if (etaSeconds < 45) return 'less than a minute left';
  const minutes = Math.max(1, Math.round(etaSeconds / 60));
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}

/** "123 of 456 files · 45 MB of 210 MB · 12 MB/s · about 2 min left". */
export function formatProgress(p: Progress): string {
  if (p.phase === 'scanning') {
    return p.filesTotal > 0 ? `Looking for files… ${plural(p.filesTotal, 'file', 'files')} found so far` : 'Looking for files…';
  }
  if (p.phase === 'finishing') return `Finishing up… ${formatCount(p.filesDone)} of ${plural(p.filesTotal, 'file', 'files')} done`;
  const parts = [`${formatCount(p.filesDone)} of ${plural(p.filesTotal, 'file', 'files')}`];
  if (p.bytesTotal > 0) parts.push(`${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}`);
  if (p.bytesPerSecond > 0) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  const left = formatTimeLeft(p.etaSeconds);
  if (left) parts.push(left);
  return parts.join(' · ');
}

/** One sentence for the top of an import report. */
export function importSummary(counts: { imported: number; seenAgain: number; attachments: number }): string {
  const stored = counts.imported + counts.attachments;
  if (stored > 0) return 'Your scans are now stored, encrypted, in your vault.';
  if (counts.seenAgain > 0) return 'Everything here was already in your vault, so nothing new was added.';
  return 'No medical images were found in what you chose. Check that it is the right disc, folder or zip.';
}

/** How far along a job is, 0..1, or null when the total is not known yet. */
export function progressFraction(p: Progress): number | null {
  if (p.phase === 'scanning') return null;
  if (p.bytesTotal > 0) return Math.min(1, p.bytesDone / p.bytesTotal);
  if (p.filesTotal > 0) return Math.min(1, p.filesDone / p.filesTotal);
  return null;
}

/** The recovery key in the groups people copy it in ("ABCD-EFGH" or "ABCDEFGH" -> ["ABCD","EFGH"]). */
export function recoveryKeyGroups(key: string): string[] {
  const trimmed = key.trim();
  if (/[\s-]/.test(trimmed)) return trimmed.split(/[\s-]+/).filter((g) => g !== '');
  const groups: string[] = [];
  for (let i = 0; i < trimmed.length; i += 4) groups.push(trimmed.slice(i, i + 4));
  return groups;
}

/** Today's date on this computer as YYYY-MM-DD (for a type=date input). */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Top-level names of chosen files with how many files each holds: "CD_MERCY" (120), "report.pdf" (1). */
export function summarizePaths(relativePaths: readonly string[]): { name: string; files: number }[] {
  const counts = new Map<string, number>();
  for (const p of relativePaths) {
    const first = p.replace(/\\/g, '/').replace(/^\/+/, '').split('/')[0] ?? p;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts].map(([name, files]) => ({ name, files }));
}

/** base64 of width*height grey bytes -> RGBA bytes for canvas ImageData. */
export function greyToRgba(grey: Uint8Array): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i += 1) {
    const v = grey[i] ?? 0;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
