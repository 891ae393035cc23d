/**
 * `scanvault people profile PERSON --set field=value`: the profile fields by their command-line
 * names, applied to the stored profile (an empty value clears the field).
 */
import type { PersonProfile, PersonProfileInput } from '../../../shared/person-profile';
import { CliExit, EXIT } from './exit-codes';

type Draft = PersonProfileInput & { representative: NonNullable<PersonProfileInput['representative']> | null };

const REP_FIELDS = { 'representative-name': 'name', 'representative-relationship': 'relationship', 'representative-phone': 'phone', 'representative-email': 'email' } as const;
const TEXT_FIELDS = { 'legal-name': 'legalName', 'birth-date': 'birthDate', address: 'address', phone: 'phone', email: 'email', notes: 'notes' } as const;

export const PROFILE_FIELD_NAMES: readonly string[] = [...Object.keys(TEXT_FIELDS), 'former-names', 'record-numbers', ...Object.keys(REP_FIELDS)];

export const PROFILE_FIELDS_HELP = `
Profile fields for --set (an empty value clears the field):
  legal-name, birth-date (YYYY-MM-DD), address, phone, email, notes
  former-names        names separated by ";"             e.g. "Jane Smith; Jane A. Smith"
  record-numbers      "hospital: number" separated by ";" e.g. "Mercy Hospital: MRN-0001; Northside: 44-19"
  representative-name, representative-relationship, representative-phone, representative-email
                      someone who acts for this person (a parent for a child)`;

export function profileToInput(p: PersonProfile): Draft {
  return {
    legalName: p.legalName, formerNames: [...p.formerNames], birthDate: p.birthDate, address: p.address, phone: p.phone,
    email: p.email, recordNumbers: p.recordNumbers.map((r) => ({ ...r })),
    representative: p.representative ? { ...p.representative } : null, notes: p.notes,
  };
}

/** Applies `field=value` settings in order; unknown fields are a usage error (exit 2). */
export function applyProfileSettings(profile: PersonProfile, settings: readonly string[]): Draft {
  const draft = profileToInput(profile);
  for (const setting of settings) {
    const eq = setting.indexOf('=');
    if (eq < 1) throw new CliExit(EXIT.usage, `Write each --set as field=value (for example --set phone="+44 20 7946 0958"). Fields: ${PROFILE_FIELD_NAMES.join(', ')}.`);
    const field = setting.slice(0, eq).trim();
    const value = setting.slice(eq + 1).trim();
    applyOne(draft, field, value);
  }
  // Someone who acts for the person needs a name; clearing the name clears them.
  if (draft.representative && draft.representative.name.trim() === '') draft.representative = null;
  return draft;
}

function applyOne(draft: Draft, field: string, value: string): void {
  if (field in TEXT_FIELDS) {
    draft[TEXT_FIELDS[field as keyof typeof TEXT_FIELDS]] = value === '' ? null : value;
  } else if (field === 'former-names') {
    draft.formerNames = splitList(value);
  } else if (field === 'record-numbers') {
    draft.recordNumbers = splitList(value).map(parseRecordNumber);
  } else if (field in REP_FIELDS) {
    const key = REP_FIELDS[field as keyof typeof REP_FIELDS];
    const rep = draft.representative ?? { name: '', relationship: null, phone: null, email: null };
    if (key === 'name') rep.name = value;
    else rep[key] = value === '' ? null : value;
    draft.representative = rep;
  } else {
    throw new CliExit(EXIT.usage, `There is no profile field “${field}”. Fields: ${PROFILE_FIELD_NAMES.join(', ')}.`);
  }
}

function splitList(value: string): string[] {
  return value.split(';').map((s) => s.trim()).filter((s) => s !== '');
}

function parseRecordNumber(item: string): { facility: string; number: string } {
  const colon = item.indexOf(':');
  if (colon < 1 || colon === item.length - 1) {
    throw new CliExit(EXIT.usage, 'Write each record number as "hospital: number", for example "Mercy Hospital: MRN-0001".');
  }
  return { facility: item.slice(0, colon).trim(), number: item.slice(colon + 1).trim() };
}
