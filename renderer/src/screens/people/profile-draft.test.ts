import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../../../shared/person-profile';
import { draftFromProfile, draftToInput, personLabel } from './profile-draft';

describe('profile draft', () => {
  const blank = draftFromProfile(emptyProfile(1));

  it('round-trips a stored profile and drops empty lines and rows', () => {
    const stored = { ...emptyProfile(2), legalName: 'Jane Doe', formerNames: ['Jane Smith', 'J. Smith'], recordNumbers: [{ facility: 'Mercy', number: '1' }], representative: { name: 'Pat', relationship: null, phone: null, email: null } };
    const draft = { ...draftFromProfile(stored), recordNumbers: [...stored.recordNumbers, { facility: ' ', number: '' }], formerNames: 'Jane Smith\n\nJ. Smith\n' };
    expect(draftToInput(draft)).toEqual({ ok: true, value: expect.objectContaining({
      legalName: 'Jane Doe', formerNames: ['Jane Smith', 'J. Smith'], recordNumbers: [{ facility: 'Mercy', number: '1' }],
      representative: { name: 'Pat', relationship: '', phone: '', email: '' },
    }) as unknown });
  });

  it('puts each problem beside its field', () => {
    const r = draftToInput({ ...blank, birthDate: '2023-02-30', email: 'nope', repPhone: '+1 555 0100', recordNumbers: [{ facility: '', number: '7' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(['birthDate', 'email', 'recordNumbers', 'repName']);
    expect(r.errors.birthDate).toContain('YYYY-MM-DD');
  });

  it('labels a person by their chosen name, else the name on their first record', () => {
    expect(personLabel({ displayName: 'Mum', records: [{ name: 'DOE^JANE' }] })).toBe('Mum');
    expect(personLabel({ displayName: null, records: [{ name: 'DOE^JANE' }] })).toBe('JANE DOE');
    expect(personLabel({ displayName: null, records: [] })).toBe('Unnamed patient');
  });
});
