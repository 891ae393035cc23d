import type { PersonListItem } from '../../../shared/api/people';
import type { PersonProfile } from '../../../shared/person-profile';
import { formatDicomDate, formatPersonName, personName, plural } from './format';

export function formatPeople(people: readonly PersonListItem[]): string {
  if (people.length === 0) return 'There is nobody in the vault yet. Import scans with "scanvault import PATH".\n';
  const lines: string[] = [];
  for (const p of people) {
    lines.push(`person ${p.id}: ${personName(p.displayName, p.records[0]?.name ?? null)} — ${plural(p.records.length, 'record')}, ${plural(p.studyCount, 'study', 'studies')}${p.hasProfile ? ', profile filled in' : ''}`);
    for (const r of p.records) {
      const facts = [r.birthDate ? `born ${formatDicomDate(r.birthDate)}` : 'birth date not recorded', r.patientId ? `ID ${r.patientId}` : 'no patient ID'];
      lines.push(`  record ${r.id}: ${formatPersonName(r.name)} (${facts.join(', ')}) — ${plural(r.studyCount, 'study', 'studies')}, ${r.linkedBy === 'hand' ? 'placed here by you' : 'placed here by ScanVault'}`);
    }
  }
  lines.push('', 'Same person under two entries? "scanvault people link PERSON RECORD". Someone else? "scanvault people unlink RECORD".');
  return lines.join('\n') + '\n';
}

export function formatProfile(p: PersonProfile): string {
  const show = (v: string | null): string => v ?? '—';
  const rep = p.representative;
  return [
    `Profile of person ${p.personId}${p.updatedAt ? ` (last changed ${p.updatedAt.slice(0, 10)})` : ' (nothing entered yet)'}`,
    `  legal name:       ${show(p.legalName)}`,
    `  former names:     ${p.formerNames.length > 0 ? p.formerNames.join('; ') : '—'}`,
    `  birth date:       ${show(p.birthDate)}`,
    `  address:          ${show(p.address)}`,
    `  phone:            ${show(p.phone)}`,
    `  email:            ${show(p.email)}`,
    `  record numbers:   ${p.recordNumbers.length > 0 ? p.recordNumbers.map((r) => `${r.facility}: ${r.number}`).join('; ') : '—'}`,
    `  acts for them:    ${rep ? [rep.name, rep.relationship, rep.phone, rep.email].filter((x) => x !== null).join(', ') : '—'}`,
    `  notes:            ${show(p.notes)}`,
  ].join('\n') + '\n';
}
