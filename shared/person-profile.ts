/**
 * A person's profile, typed in by the user (never read from the scans). Stored in the encrypted
 * database like everything else. Other features read it: the share leak guard (names and numbers
 * that must not leave in a shared copy) and the letters (who the patient is, who acts for them).
 */
import { z } from 'zod';

/** A calendar date written YYYY-MM-DD that exists (no 2023-02-30), from 1800 on. */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Free text that may be left empty; empty (after trimming) is stored as "not given". */
function optionalText(max: number, what: string) {
  return z.string().trim().max(max, `${what} can be at most ${max} characters long.`)
    .transform((s) => (s === '' ? null : s)).nullable();
}

const PHONE = /^\+?[0-9 ()./-]{3,40}( ?(x|ext\.?) ?[0-9]{1,6})?$/i;
const optionalPhone = (what: string) => optionalText(50, what)
  .refine((s) => s === null || (PHONE.test(s) && (s.match(/[0-9]/g) ?? []).length >= 3), `${what}: use digits, spaces and + ( ) - only, for example +44 20 7946 0958.`);
const optionalEmail = (what: string) => optionalText(254, what)
  .refine((s) => s === null || z.email().safeParse(s).success, `${what}: that does not look like an email address (name@example.org).`);
const optionalDate = z.string().trim()
  .refine((s) => s === '' || isRealDate(s), 'Birth date: write it as YYYY-MM-DD and check that the day exists.')
  .transform((s) => (s === '' ? null : s)).nullable();

export const RecordNumber = z.object({
  facility: z.string().trim().min(1, 'Say which hospital or practice the number is from.').max(200, 'The hospital name can be at most 200 characters long.'),
  number: z.string().trim().min(1, 'Type the record number.').max(64, 'A record number can be at most 64 characters long.'),
}).strict();
export type RecordNumber = z.infer<typeof RecordNumber>;

/** Someone who acts for this person: a parent for a child, a carer, a legal representative. */
export const RepresentativeInput = z.object({
  name: z.string().trim().min(1, 'Type the name of the person who acts for them.').max(200, 'That name can be at most 200 characters long.'),
  relationship: optionalText(100, 'Relationship'),
  phone: optionalPhone('Their phone number'),
  email: optionalEmail('Their email'),
}).strict();

/** The whole profile, replaced at once (the form sends every field; empty means "not given"). */
export const PersonProfileInput = z.object({
  legalName: optionalText(200, 'The legal name'),
  formerNames: z.array(z.string().trim().min(1, 'Leave out empty former names.').max(200, 'A former name can be at most 200 characters long.'))
    .max(20, 'Up to 20 former names can be kept.'),
  birthDate: optionalDate,
  address: optionalText(500, 'The address'),
  phone: optionalPhone('Phone number'),
  email: optionalEmail('Email'),
  recordNumbers: z.array(RecordNumber).max(50, 'Up to 50 record numbers can be kept.'),
  representative: RepresentativeInput.nullable(),
  notes: optionalText(2000, 'Notes'),
}).strict();
export type PersonProfileInput = z.input<typeof PersonProfileInput>;
/** A profile after validation (trimmed, empty text turned into null). */
export type PersonProfileFields = z.output<typeof PersonProfileInput>;

export const Representative = z.object({
  name: z.string(),
  relationship: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

/** What is stored: `updatedAt` null means nothing was entered yet. */
export const PersonProfile = z.object({
  personId: z.number().int(),
  legalName: z.string().nullable(),
  formerNames: z.array(z.string()),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  recordNumbers: z.array(z.object({ facility: z.string(), number: z.string() })),
  representative: Representative.nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PersonProfile = z.infer<typeof PersonProfile>;

export function emptyProfile(personId: number): PersonProfile {
  return {
    personId, legalName: null, formerNames: [], birthDate: null, address: null, phone: null, email: null,
    recordNumbers: [], representative: null, notes: null, updatedAt: null,
  };
}
