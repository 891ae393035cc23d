/**
 * The share wizard's data, kept apart from its screens: the steps, what the patient chose, and
 * turning the choices into the contract's requests. Pure (unit-tested in Node).
 */
import type { PersonSummary, StudySummary } from '../../../../shared/domain';
import type { DeidOptionName } from '../../../../shared/share/options';
import { SECOND_OPINION_DEFAULTS } from '../../../../shared/share/options';
import type { PrepareShareRequest, Recipient, ShareRecord } from '../../../../shared/share/share-domain';

export const STEPS = [
  { key: 'choose', title: 'Choose what to share' },
  { key: 'recipient', title: 'Who receives it, and why' },
  { key: 'method', title: 'How to share' },
  { key: 'preview', title: 'Check one file' },
  { key: 'review', title: 'Pictures that may show text' },
  { key: 'destination', title: 'Where to save it' },
  { key: 'summary', title: 'What will leave this computer' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

export function stepNumber(key: StepKey): number {
  return STEPS.findIndex((s) => s.key === key) + 1;
}

/** Per study (by row id): every series, or only the listed series (by row id). */
export type Chosen = Map<number, 'all' | Set<number>>;

export interface RecipientDraft { name: string; role: string; org: string; contact: string }
export const EMPTY_RECIPIENT: RecipientDraft = { name: '', role: '', org: '', contact: '' };

export interface MethodDraft {
  identified: boolean;
  options: DeidOptionName[];
  includeReports: boolean;
  followUpOfShareId: number | null;
}
export const DEFAULT_METHOD: MethodDraft = { identified: false, options: [...SECOND_OPINION_DEFAULTS], includeReports: false, followUpOfShareId: null };

export function allStudies(people: readonly PersonSummary[]): StudySummary[] {
  return people.flatMap((p) => p.records.flatMap((r) => r.studies));
}

/** The people the chosen studies belong to (a share holds one person's scans). */
export function chosenPeople(people: readonly PersonSummary[], chosen: Chosen): number[] {
  return people.filter((p) => p.records.some((r) => r.studies.some((s) => chosen.has(s.id)))).map((p) => p.id);
}

/** The series of a study that are chosen (all of them, a subset, or none). */
export function chosenSeries(chosen: Chosen, study: StudySummary): number[] {
  const entry = chosen.get(study.id);
  if (entry === undefined) return [];
  if (entry === 'all') return study.series.map((s) => s.id);
  return study.series.filter((s) => entry.has(s.id)).map((s) => s.id);
}

/** Ticks or unticks one series; a study with every series ticked is shared whole. */
export function toggleSeries(chosen: Chosen, study: StudySummary, seriesId: number, on: boolean): Chosen {
  const next = new Map(chosen);
  const current = new Set(chosenSeries(chosen, study));
  if (on) current.add(seriesId);
  else current.delete(seriesId);
  if (current.size === 0) next.delete(study.id);
  else if (current.size === study.series.length) next.set(study.id, 'all');
  else next.set(study.id, current);
  return next;
}

export function toggleStudy(chosen: Chosen, study: StudySummary, on: boolean): Chosen {
  const next = new Map(chosen);
  if (on) next.set(study.id, 'all');
  else next.delete(study.id);
  return next;
}

/**
 * The contract's selection: every chosen study's UID; for a study shared in part, the UIDs of its
 * chosen series (a study with no series listed is shared whole).
 */
export function toSelection(chosen: Chosen, studies: readonly StudySummary[]): PrepareShareRequest['selection'] {
  const studyUids: string[] = [];
  const seriesUids: string[] = [];
  for (const study of studies) {
    const entry = chosen.get(study.id);
    if (entry === undefined) continue;
    studyUids.push(study.studyInstanceUid);
    if (entry !== 'all') for (const s of study.series) if (entry.has(s.id)) seriesUids.push(s.seriesInstanceUid);
  }
  return { studyUids, seriesUids };
}

export function toPrepareRequest(chosen: Chosen, studies: readonly StudySummary[], method: MethodDraft): PrepareShareRequest {
  return {
    selection: toSelection(chosen, studies),
    identified: method.identified,
    options: method.identified ? [] : method.options,
    burnedIn: 'hold',
    includeReports: method.includeReports,
    followUpOfShareId: method.identified ? null : method.followUpOfShareId,
  };
}

const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function toRecipient(r: RecipientDraft): Recipient {
  return { name: r.name.trim(), role: blankToNull(r.role), org: blankToNull(r.org), contact: blankToNull(r.contact) };
}

export interface RecipientErrors { name?: string; purpose?: string; role?: string; org?: string; contact?: string }

/** Plain-words checks of the recipient step (the limits are the contract's). */
export function checkRecipient(r: RecipientDraft, purpose: string): RecipientErrors {
  const errors: RecipientErrors = {};
  if (r.name.trim() === '') errors.name = 'Write the name of the person or place that receives the copy.';
  else if (r.name.trim().length > 200) errors.name = 'The name can be at most 200 characters long.';
  if (purpose.trim() === '') errors.purpose = 'Write why you share it, for example “Second opinion on my knee MRI”. It goes into your record of shares.';
  else if (purpose.trim().length > 500) errors.purpose = 'The purpose can be at most 500 characters long.';
  if (r.role.trim().length > 200) errors.role = 'The role can be at most 200 characters long.';
  if (r.org.trim().length > 200) errors.org = 'The organisation can be at most 200 characters long.';
  if (r.contact.trim().length > 500) errors.contact = 'The contact details can be at most 500 characters long.';
  return errors;
}

/** Earlier de-identified shares with this recipient (same name, case and spacing aside): a follow-up can reuse their pseudonym. */
/** Earlier de-identified shares with this recipient of these people's scans: the ones a follow-up may continue. */
export function earlierSharesWith(shares: readonly ShareRecord[], name: string, personIds: readonly number[]): ShareRecord[] {
  const key = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (key === '') return [];
  return shares.filter((s) => !s.outside && s.pseudonym !== null && s.recipient.name.trim().replace(/\s+/g, ' ').toLowerCase() === key
    && s.personIds.some((p) => personIds.includes(p)));
}
