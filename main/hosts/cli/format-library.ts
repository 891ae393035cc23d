/** Text output of `scanvault list` and `scanvault list --imports`: one line per study/series/import, each with the id `remove` takes. */
import type { ImportListItem, StudyPage } from '../../../shared/api/library-query';
import { formatDicomDate, formatPersonName, personName, plural } from './format';

export function formatStudyPage(page: StudyPage, filtered: boolean): string {
  if (page.total === 0) {
    return filtered ? 'No studies match. Try fewer words or filters.\n' : 'The vault is empty. Import a CD, folder or zip with "scanvault import PATH".\n';
  }
  const first = page.offset + 1;
  const last = page.offset + page.studies.length;
  const lines = [page.studies.length === page.total
    ? `${plural(page.total, 'study', 'studies')}${filtered ? ' match' : ''}:`
    : `Studies ${first}-${last} of ${page.total}${filtered ? ' matching' : ''} (use --offset ${last} for more):`];
  for (const s of page.studies) {
    const kind = s.modalities.join('/') || 'kind unknown';
    const who = s.person ? `${personName(s.person.displayName, s.patient.name)} (person ${s.person.id})` : formatPersonName(s.patient.name);
    lines.push(`study ${s.id}  ${formatDicomDate(s.date)}  ${kind}  ${s.description ?? '(no description)'} — ${who}; ${s.institution ?? 'institution unknown'}; `
      + `${plural(s.seriesCount, 'series', 'series')}, ${plural(s.instanceCount, 'image')}; from ${s.sources.join(', ') || 'unknown source'}`);
    for (const se of s.series) {
      const label = [se.seriesNumber !== null ? `series ${se.seriesNumber}` : 'series', se.modality, se.description].filter(Boolean).join('  ');
      const conflicts = se.alteredCount > 0
        ? `, ${plural(se.alteredCount, 'possibly altered copy', 'possibly altered copies')}`
        : se.conflictCount > 0 ? `, ${plural(se.conflictCount, 'copy', 'copies')} in another file format (same pixels)` : '';
      lines.push(`    series ${se.id}: ${label} (${plural(se.instanceCount, 'image')}${conflicts})`);
    }
    for (const a of s.attachments) lines.push(`    report: ${a.title ?? 'PDF document'}`);
  }
  return lines.join('\n') + '\n';
}

export function formatImports(imports: ImportListItem[]): string {
  if (imports.length === 0) return 'No imports yet.\n';
  return imports.map((i) => `import ${i.id}  ${i.sourceLabel}${i.receivedDate ? `, received ${i.receivedDate}` : ''}; `
    + `${plural(i.studyCount, 'study', 'studies')}, ${plural(i.pictureCount, 'image')}, ${plural(i.reportCount, 'report')} (${i.status})`).join('\n') + '\n';
}
