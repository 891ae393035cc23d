import { describe, expect, it } from 'vitest';
import type { RemovalPreview } from './api/library-query';
import { describeRemovalPreview, describeRemovalResult, removalCounts, removalTitle } from './removal-text';

const preview: RemovalPreview = {
  target: { kind: 'import', id: 3 }, studies: 1, series: 2, pictures: 5, reports: 1, bytes: 3_200_000,
  sources: ['CD from Mercy', 'USB'], keptBecauseElsewhere: 2, records: 1, fingerprint: 'a'.repeat(64),
};

describe('removal text', () => {
  it('states counts, size, sources, what stays, records and that earlier backups still hold it', () => {
    expect(removalTitle('import')).toBe('Remove this import from the vault?');
    expect(describeRemovalPreview(preview)).toEqual([
      'This removes 1 study, 2 series, 5 pictures and 1 report (3.2 MB) from the vault and deletes their encrypted files.',
      'They came from: CD from Mercy; USB.',
      '2 pictures or reports stay, because another import also brought them.',
      '1 hospital record is left without scans and removed too.',
      'Backups of the vault made earlier still hold them. To remove them everywhere, also delete or replace those backups.',
      'The removal is noted in the vault’s history (what and how many, not names). It cannot be undone.',
    ]);
  });

  it('leaves out zero counts and says when nothing would go', () => {
    expect(removalCounts({ studies: 0, series: 1, pictures: 1, reports: 0 })).toBe('1 series and 1 picture');
    const nothing = { ...preview, studies: 0, series: 0, pictures: 0, reports: 0, bytes: 0, sources: [], keptBecauseElsewhere: 3, records: 0 };
    expect(describeRemovalPreview(nothing)[0]).toBe('Nothing would be removed: everything in it is also held by another import.');
    expect(describeRemovalResult({ ...nothing, pictures: 2, filesLeft: 1 })).toBe('Removed 2 pictures from the vault. 1 file could not be deleted yet; ScanVault deletes it the next time the vault is unlocked.');
  });
});
