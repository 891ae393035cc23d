import { describe, expect, it } from 'vitest';
import { checkProviderDraft, emptyProviderDraft, providerCounts } from './provider-text';

describe('provider form checks', () => {
  it('asks for a name and says which field is too long', () => {
    expect(checkProviderDraft(emptyProviderDraft())).toEqual({ name: expect.stringContaining('type the name') });
    expect(checkProviderDraft({ ...emptyProviderDraft('ai-vendor'), name: '  Acme AI ' })).toEqual({});
    expect(checkProviderDraft({ ...emptyProviderDraft(), name: 'Mercy', privacyOfficer: 'x'.repeat(501) }))
      .toEqual({ privacyOfficer: 'Privacy office or officer: this can be at most 500 characters long.' });
  });

  it('counts exams only for facilities', () => {
    expect(providerCounts({ kind: 'facility', examCount: 1, documentCount: 2 })).toBe('1 exam · 2 documents');
    expect(providerCounts({ kind: 'ai-vendor', examCount: 0, documentCount: 1 })).toBe('1 document');
  });
});
