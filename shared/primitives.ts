/** Small schemas used by domain.ts and the feature shapes it includes (kept apart so neither imports the other). */
import { z } from 'zod';

/**
 * A folder for the vault, as the person typed or picked it: a full path on Linux/macOS (`/…`) or
 * Windows (`D:\…`, `\\server\share`). The core checks it again against its own platform.
 */
export const VaultFolderPath = z.string()
  .min(1, 'Type the full path of a folder.')
  .max(4096, 'That path is too long. Choose a folder with a shorter path.')
  .refine((p) => !p.includes('\0'), 'A folder path cannot contain a NUL character.')
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(p), 'Type the full path of the folder, starting with / (or with a drive letter such as D:\\ on Windows).');

/** True when YYYY-MM-DD names a day that exists (no month 13, no 31 April, 29 February only in leap years). */
export function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const IsoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine(isRealDate, 'That date does not exist. Use a real date in the form YYYY-MM-DD, for example 2024-03-20.');

