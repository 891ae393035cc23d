/**
 * The profile form's state: every field as the text in its input (so typing is never fought),
 * turned into the contract's shape and checked with the same schema the core uses.
 */
import type { PersonListItem } from '../../../../shared/api/people';
import { PersonProfileInput, type PersonProfile } from '../../../../shared/person-profile';
import { formatPersonName } from '../../format';

export interface ProfileDraft {
  legalName: string;
  formerNames: string;
  birthDate: string;
  address: string;
  phone: string;
  email: string;
  recordNumbers: { facility: string; number: string }[];
  repName: string;
  repRelationship: string;
  repPhone: string;
  repEmail: string;
  notes: string;
}

export type DraftErrors = Partial<Record<keyof ProfileDraft, string>>;

export function draftFromProfile(p: PersonProfile): ProfileDraft {
  const rep = p.representative;
  return {
    legalName: p.legalName ?? '', formerNames: p.formerNames.join('\n'), birthDate: p.birthDate ?? '', address: p.address ?? '',
    phone: p.phone ?? '', email: p.email ?? '', recordNumbers: p.recordNumbers.map((r) => ({ ...r })),
    repName: rep?.name ?? '', repRelationship: rep?.relationship ?? '', repPhone: rep?.phone ?? '', repEmail: rep?.email ?? '',
    notes: p.notes ?? '',
  };
}

/** The contract's input, or the messages to show beside each field. */
export function draftToInput(d: ProfileDraft): { ok: true; value: PersonProfileInput } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const repGiven = [d.repName, d.repRelationship, d.repPhone, d.repEmail].some((s) => s.trim() !== '');
  if (repGiven && d.repName.trim() === '') errors.repName = 'Type the name of the person who acts for them, or clear their other details.';
  const value: PersonProfileInput = {
    legalName: d.legalName, formerNames: d.formerNames.split('\n').map((s) => s.trim()).filter((s) => s !== ''),
    birthDate: d.birthDate, address: d.address, phone: d.phone, email: d.email,
    recordNumbers: d.recordNumbers.filter((r) => r.facility.trim() !== '' || r.number.trim() !== ''),
    representative: repGiven && d.repName.trim() !== '' ? { name: d.repName, relationship: d.repRelationship, phone: d.repPhone, email: d.repEmail } : null,
    notes: d.notes,
  };
  const parsed = PersonProfileInput.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

function fieldOf(path: readonly PropertyKey[]): keyof ProfileDraft {
  const [top, key] = path;
  if (top === 'representative') return key === 'phone' ? 'repPhone' : key === 'email' ? 'repEmail' : key === 'relationship' ? 'repRelationship' : 'repName';
  return typeof top === 'string' && PLAIN_FIELDS.has(top) ? (top as keyof ProfileDraft) : 'notes';
}

const PLAIN_FIELDS = new Set(['legalName', 'formerNames', 'birthDate', 'address', 'phone', 'email', 'recordNumbers', 'notes']);

/** The name shown for a person: the one the user chose, else the one on their first record. */
export function personLabel(p: Pick<PersonListItem, 'displayName'> & { records: readonly { name: string | null }[] }): string {
  return p.displayName ?? formatPersonName(p.records[0]?.name ?? null);
}
