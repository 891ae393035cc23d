/**
 * What a removal preview says, in plain words, for the confirmation dialog and the CLI alike, so
 * both state exactly the same things (counts, size, sources, what stays, and that backups keep it).
 */
import { formatBytes } from './format-bytes';
import type { RemovalPreview, RemovalResult, RemovalTarget } from './api/library-query';

const NUMBER = new Intl.NumberFormat('en-US');
const count = (n: number, one: string, many: string): string => `${NUMBER.format(n)} ${n === 1 ? one : many}`;


const WHAT: Record<RemovalTarget['kind'], string> = { study: 'this study', series: 'this series', import: 'this import' };

/** "1 study, 2 series, 5 pictures and 1 report": the parts that are not zero. */
export function removalCounts(p: Pick<RemovalPreview, 'studies' | 'series' | 'pictures' | 'reports'>): string {
  const parts = [
    p.studies > 0 ? count(p.studies, 'study', 'studies') : null,
    p.series > 0 ? count(p.series, 'series', 'series') : null,
    p.pictures > 0 ? count(p.pictures, 'picture', 'pictures') : null,
    p.reports > 0 ? count(p.reports, 'report', 'reports') : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

export function removalTitle(kind: RemovalTarget['kind']): string {
  return `Remove ${WHAT[kind]} from the vault?`;
}

/** The sentences of the confirmation, in order. */
export function describeRemovalPreview(p: RemovalPreview): string[] {
  const lines: string[] = [];
  if (p.pictures + p.reports === 0 && p.studies + p.series === 0) {
    lines.push('Nothing would be removed: everything in it is also held by another import.');
  } else {
    lines.push(`This removes ${removalCounts(p)} (${formatBytes(p.bytes)}) from the vault and deletes their encrypted files.`);
  }
  if (p.sources.length > 0) lines.push(`They came from: ${p.sources.join('; ')}.`);
  if (p.keptBecauseElsewhere > 0) lines.push(`${count(p.keptBecauseElsewhere, 'picture or report stays', 'pictures or reports stay')}, because another import also brought ${p.keptBecauseElsewhere === 1 ? 'it' : 'them'}.`);
  if (p.records > 0) lines.push(`${count(p.records, 'hospital record is', 'hospital records are')} left without scans and removed too.`);
  lines.push('Backups of the vault made earlier still hold them. To remove them everywhere, also delete or replace those backups.');
  lines.push('The removal is noted in the vault’s history (what and how many, not names). It cannot be undone.');
  return lines;
}

export function describeRemovalResult(r: RemovalResult): string {
  const left = r.filesLeft > 0 ? ` ${count(r.filesLeft, 'file', 'files')} could not be deleted yet; ScanVault deletes ${r.filesLeft === 1 ? 'it' : 'them'} the next time the vault is unlocked.` : '';
  return `Removed ${removalCounts(r)} from the vault.${left}`;
}
