/** Words for the share log: a recipient on one line, what was shared, the file name of a CSV. Pure. */
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
