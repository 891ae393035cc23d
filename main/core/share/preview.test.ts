import { describe, expect, it } from 'vitest';
import { makeDicom } from '../../test-support/dicom-fixtures';
import { deidContext } from '../../test-support/deid/context';
import { deidentifyFile } from './deid';
import { compareFiles } from './preview';

describe('compareFiles (the one-file preview)', () => {
  it('lists details, not group lengths (byte counts the copy drops or recounts), and shows the made-up name', () => {
    const original = makeDicom({ patientName: 'WHITFIELD^MARGARET' });
    const copy = deidentifyFile(original, deidContext([original])).bytes;
    const rows = compareFiles(1, '1.2.3', original, copy).rows;
    expect(rows.filter((r) => /,0000\)$/.test(r.tag))).toEqual([]);
    expect(rows.find((r) => r.keyword === 'PatientName')).toMatchObject({ change: 'changed', before: 'WHITFIELD^MARGARET', after: expect.stringMatching(/^SECOND-OPINION-/) as unknown });
    expect(rows.find((r) => r.keyword === 'MediaStorageSOPInstanceUID')?.change).toBe('changed');
  });
});
