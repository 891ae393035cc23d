import { describe, expect, it } from 'vitest';
import { emptyProfile } from '../../../shared/person-profile';
import { applyProfileSettings } from './profile-fields';
import { CliExit } from './exit-codes';

describe('applyProfileSettings', () => {
  const base = { ...emptyProfile(3), phone: '+1 555 0100', representative: { name: 'Pat', relationship: 'parent', phone: null, email: null } };

  it('changes only the fields named, and an empty value clears', () => {
    const draft = applyProfileSettings(base, ['email=jane@example.org', 'phone=', 'record-numbers=A: 1; B: 2:3']);
    expect(draft).toMatchObject({ email: 'jane@example.org', phone: null, recordNumbers: [{ facility: 'A', number: '1' }, { facility: 'B', number: '2:3' }] });
    expect(draft.representative).toEqual(base.representative);
  });

  it('clears the representative with their name, and starts one from any of their fields', () => {
    expect(applyProfileSettings(base, ['representative-name=']).representative).toBeNull();
    expect(applyProfileSettings(emptyProfile(1), ['representative-email=x@example.org', 'representative-name=Sam']).representative)
      .toEqual({ name: 'Sam', relationship: null, phone: null, email: 'x@example.org' });
  });

  it('refuses unknown fields and malformed settings as usage errors', () => {
    for (const bad of [['nope=1'], ['legal-name'], ['=x'], ['record-numbers=no colon here']]) {
      expect(() => applyProfileSettings(base, bad)).toThrow(CliExit);
    }
  });
});
