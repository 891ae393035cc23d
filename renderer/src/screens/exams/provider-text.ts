/** Plain words for providers (facilities and AI companies), and the form's own checks. */
import type { Provider } from '../../../../shared/api/ai-record';

export type ProviderKind = Provider['kind'];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  facility: 'Facility (hospital, clinic or imaging centre)',
  'ai-vendor': 'AI company (makes or runs an AI tool)',
};

export interface ProviderDraft {
  kind: ProviderKind;
  name: string;
  contact: string;
  privacyOfficer: string;
  aiStatement: string;
  notes: string;
}

export const emptyProviderDraft = (kind: ProviderKind = 'facility'): ProviderDraft =>
  ({ kind, name: '', contact: '', privacyOfficer: '', aiStatement: '', notes: '' });

export function draftOf(p: Provider): ProviderDraft {
  return {
    kind: p.kind, name: p.name, contact: p.contact ?? '', privacyOfficer: p.privacyOfficer ?? '', aiStatement: p.aiStatement ?? '', notes: p.notes ?? '',
  };
}

/** The same limits the core checks, said before sending so the message sits beside the field. */
const LIMITS: Record<Exclude<keyof ProviderDraft, 'kind'>, { label: string; max: number }> = {
  name: { label: 'Name', max: 200 },
  contact: { label: 'Address, phone or email', max: 1000 },
  privacyOfficer: { label: 'Privacy office or officer', max: 500 },
  aiStatement: { label: 'What they say about AI in general', max: 4000 },
  notes: { label: 'Notes', max: 4000 },
};

export type ProviderErrors = Partial<Record<keyof ProviderDraft, string>>;

export function checkProviderDraft(d: ProviderDraft): ProviderErrors {
  const errors: ProviderErrors = {};
  if (d.name.trim() === '') errors.name = 'Name: type the name of the facility or company.';
  for (const [key, { label, max }] of Object.entries(LIMITS) as [keyof typeof LIMITS, { label: string; max: number }][]) {
    if (!errors[key] && d[key].trim().length > max) errors[key] = `${label}: this can be at most ${max} characters long.`;
  }
  return errors;
}

/** "2 exams · 1 document" for a provider's card. */
export function providerCounts(p: Pick<Provider, 'kind' | 'examCount' | 'documentCount'>): string {
  const docs = `${p.documentCount} ${p.documentCount === 1 ? 'document' : 'documents'}`;
  if (p.kind !== 'facility') return docs;
  return `${p.examCount} ${p.examCount === 1 ? 'exam' : 'exams'} · ${docs}`;
}
