/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone or DST can shift a day. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parse(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(NaN);
  if (!m || Number.isNaN(d.getTime()) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) throw new RangeError(`not a calendar date: ${iso}`);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Calendar years back, with 29 February falling to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const d = parse(date);
  const target = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return iso(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000);
}

/** "December 2, 2026": the form US offices expect on a letter. */
export function longDate(date: string): string {
  const d = parse(date);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

export function isCalendarDate(date: string): boolean {
  try { parse(date); return true; } catch { return false; }
}

/**
 * The last day to file a complaint with HHS's Office for Civil Rights: 180 days after the day the
 * patient knew (or should have known) of the act. OCR may accept a late one for good cause.
 */
export function complaintDeadline(dateLearned: string): string {
  return addDays(dateLearned, 180);
}
