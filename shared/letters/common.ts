/** The parts every letter shares: who writes, to whom, which exam, and how to answer. */
import { given, type Blanks } from './blanks';
import { longDate } from './dates';
import type { LetterExam, LetterFacts } from './facts';

export interface Parts {
  facts: LetterFacts;
  blanks: Blanks;
}

export function patientName({ facts, blanks }: Parts): string {
  return blanks.fill(facts.patient.legalName, 'your full legal name');
}

export function senderBlock(p: Parts): string {
  const { patient } = p.facts;
  const rep = patient.representative;
  const lines = rep ? [`${rep.name}, for ${patientName(p)}`] : [patientName(p)];
  lines.push(...p.blanks.fill(patient.address, 'your address').split(/\r?\n/));
  const phone = given(rep?.phone) ?? given(patient.phone);
  const email = given(rep?.email) ?? given(patient.email);
  if (phone) lines.push(`Phone: ${phone}`);
  if (email) lines.push(`Email: ${email}`);
  if (!phone && !email) lines.push(p.blanks.fill(null, 'your phone number or email'));
  return lines.join('\n');
}

export function recipientBlock({ facts, blanks }: Parts, defaultOffice: string): string {
  const r = facts.recipient ?? {};
  const office = given(r.office) ?? defaultOffice;
  return [
    office,
    blanks.fill(r.organisation, 'name of the hospital or practice'),
    ...blanks.fill(r.address, 'their postal address').split(/\r?\n/),
  ].join('\n');
}

/** "Dear Privacy Officer," for a person's title; "Dear Release of Information team," for an office. */
export function salutation({ facts }: Parts, defaultOffice: string): string {
  const office = given(facts.recipient?.office) ?? defaultOffice;
  return /(officer|manager|director|coordinator)$/i.test(office) ? `Dear ${office},` : `Dear ${office} team,`;
}

/** "I am Jane Doe, born March 4, 1970 (also known as ...; record number ...)." */
export function identity(p: Parts): string {
  const { patient } = p.facts;
  const born = patient.birthDate ? longDate(patient.birthDate) : p.blanks.fill(null, 'your birth date');
  const former = patient.formerNames?.filter((n) => n.trim() !== '') ?? [];
  const extras = [
    former.length > 0 ? `formerly known as ${former.join(', ')}` : null,
    given(patient.recordNumber) ? `medical record number ${given(patient.recordNumber)}` : null,
  ].filter((x): x is string => x !== null);
  const who = `${patientName(p)}, born ${born}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`;
  const rep = patient.representative;
  if (!rep) return `I am writing as your patient ${who}.`;
  const as = given(rep.relationship) ? `as their ${given(rep.relationship)}` : 'as their representative';
  return `I am writing on behalf of your patient ${who}, ${as}. A copy of the document that gives me this authority is enclosed.`;
}

/** "the CT of the chest at Mercy Imaging on June 3, 2026 (accession A123; ordered by ...; read by ...)" */
export function examPhrase(exam: LetterExam | null | undefined, blanks: Blanks): string {
  const e = exam ?? {};
  const modality = blanks.fill(e.modality, 'kind of exam, e.g. CT or MRI');
  const part = blanks.fill(e.bodyPart, 'body part');
  const facility = blanks.fill(e.facility, 'where the exam was done');
  const when = e.date ? longDate(e.date) : blanks.fill(null, 'exam date');
  const extras = [
    given(e.accession) ? `accession number ${given(e.accession)}` : null,
    given(e.orderingPhysician) ? `ordered by ${given(e.orderingPhysician)}` : null,
    given(e.readingPhysician) ? `read by ${given(e.readingPhysician)}` : null,
  ].filter((x): x is string => x !== null);
  return `the ${modality} of the ${part} at ${facility} on ${when}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}`;
}

export function howToReply(p: Parts, replyBy: string): string {
  const { patient } = p.facts;
  const email = given(patient.representative?.email) ?? given(patient.email);
  const channel = email ? `by email to ${email} or by post to the address above` : 'by post to the address above';
  return `Please reply in writing ${channel} by ${longDate(replyBy)}. If you need proof of identity, tell me what you accept and I will provide it.`;
}

export function closing(p: Parts): string[] {
  const rep = p.facts.patient.representative;
  const signer = rep ? `${rep.name}, for ${patientName(p)}` : patientName(p);
  return ['Thank you for your help.', `Sincerely,\n\n\n${signer}`];
}
