/** Words for the share log: a recipient on one line, what was shared, the file name of a CSV. Pure. */
import { isDeidOptionName, OPTION_TEXT, type DeidOptionName } from '../../../../shared/share/options';
import type { Recipient, ShareRecord } from '../../../../shared/share/share-domain';
import { plural } from '../../format';

export function recipientLine(r: Recipient): string {
  return [r.name, r.role, r.org].filter((x): x is string => x !== null && x !== '').join(', ');
}

export function itemsLine(s: Pick<ShareRecord, 'items' | 'fileCount'>): string {
  const labels = s.items.map((i) => i.label ?? `${i.level} ${i.uid}`);
  const files = s.fileCount !== null ? ` (${plural(s.fileCount, 'file', 'files')})` : '';
  return labels.length > 0 ? `${labels.join('; ')}${files}` : `Not specified${files}`;
}

export function csvFileName(personLabel: string | null, today: string): string {
  const who = (personLabel ?? 'everyone').normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'person';
  return `shares-${who}-${today}.csv`;
}

/** What leaving an option out removes, as a short item for the summary's "Removed" list. */
export const REMOVED_WITHOUT: Record<DeidOptionName, string> = {
  'retain-longitudinal-modified-dates': 'The dates of your scans (removed or replaced with a made-up date)',
  'retain-patient-characteristics': 'Your age, sex, height and weight',
  'retain-device-identity': 'Which machine made the scan: its station name and serial numbers (the maker and model stay)',
  'retain-institution-identity': 'The hospital’s or clinic’s name and address',
  'clean-descriptors': 'The descriptions of the scans',
  'retain-safe-private': 'All maker-specific data',
};

/** An option as the log stores it (its PS3.15 name) in the app's plain words; anything else as written. */
export function optionWords(name: string): string {
  return isDeidOptionName(name) ? OPTION_TEXT[name].title : name;
}
