import type { ImportReport } from '../../../shared/domain';

/** DICOM person names use ^ between parts (Family^Given^Middle^Prefix^Suffix). */
export function formatPersonName(name: string | null): string {
  if (!name) return '(no name)';
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = name.split('=')[0]?.split('^') ?? [];
  return [prefix, given, middle, family, suffix].filter((p) => p.trim() !== '').join(' ') || '(no name)';
}

export function formatDicomDate(date: string | null): string {
  if (!date || !/^\d{8}$/.test(date)) return date ?? 'date unknown';
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatImportReport(r: ImportReport, cancelled: boolean): string {
  const lines: string[] = [];
  lines.push(cancelled ? 'Import cancelled. Files imported before cancelling were kept.' : 'Import finished.');
  lines.push(`  ${r.imported} new image file(s) stored, ${r.seenAgain} already in the vault (seen again), ${r.attachments} report(s) kept.`);
  if (r.conflicts.length > 0) {
    lines.push(`  ${r.conflicts.length} file(s) have the same image ID as a stored file but different contents. Both were kept and marked:`);
    for (const c of r.conflicts) lines.push(`    ${c.path}: ${c.reason}`);
  }
  if (r.skipped.length > 0) {
    lines.push(`  ${r.skipped.length} file(s) skipped:`);
    for (const s of r.skipped) lines.push(`    ${s.path}: ${s.reason}`);
  }
  if (r.failed.length > 0) {
    lines.push(`  ${r.failed.length} file(s) could not be imported:`);
    for (const f of r.failed) lines.push(`    ${f.path}: ${f.error}`);
  }
  if (r.studies.length > 0) {
    lines.push('  Studies in this import:');
    for (const s of r.studies) lines.push(`    ${formatDicomDate(s.date)}  ${s.description ?? '(no description)'}  — ${formatPersonName(s.patientName)}`);
  }
  return lines.join('\n') + '\n';
}

/** The name the user chose for a person, else the name on their first record. */
export function personName(displayName: string | null, firstRecordName: string | null): string {
  return displayName ?? formatPersonName(firstRecordName);
}
