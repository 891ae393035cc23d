/**
 * The identifiers the vault knows for the people in a share, beyond the headers of the files
 * themselves: every record's name, ID and birth date, the accession numbers and hospitals of all
 * their studies, and what the patient typed into the profile. They feed the leak guard and Clean
 * Descriptors. Never logged.
 */
import type { VaultDatabase } from '../db/database';
import { readProfile } from '../db/people';
import { indexedIdentifiers } from '../db/shares';
import { isMakerName, type PersonIdentifiers } from './deid';

const push = (list: string[], value: string | null | undefined) => {
  const v = value?.trim() ?? '';
  if (v !== '' && !list.includes(v)) list.push(v);
};

/**
 * `makers`: the Manufacturer values of the files being shared. A hospital the index took from a
 * file's hospital field that is only a maker's name (isMakerName) is no hospital, as in the files
 * themselves; left in, it stopped every share of a scanner left at its factory settings. What
 * the patient typed into the profile always counts.
 */
export function addKnownIdentifiers(db: VaultDatabase, personIds: readonly number[], into: PersonIdentifiers, makers: readonly string[] = []): void {
  const indexed = indexedIdentifiers(db, personIds);
  indexed.names.forEach((v) => push(into.names, v));
  indexed.ids.forEach((v) => push(into.ids, v));
  indexed.birthDates.forEach((v) => push(into.birthDates, v.replaceAll('-', '')));
  indexed.accessions.forEach((v) => push(into.accessions, v));
  indexed.institutions.filter((v) => !isMakerName(v, makers)).forEach((v) => push(into.institutions, v));
  for (const personId of personIds) {
    const profile = readProfile(db, personId);
    if (profile === null) continue;
    push(into.names, profile.legalName);
    profile.formerNames.forEach((v) => push(into.names, v));
    if (profile.birthDate !== null) push(into.birthDates, profile.birthDate.replaceAll('-', ''));
    push(into.addresses, profile.address);
    push(into.phones, profile.phone);
    push(into.ids, profile.email);
    for (const record of profile.recordNumbers) {
      push(into.ids, record.number);
      push(into.institutions, record.facility);
    }
  }
}
