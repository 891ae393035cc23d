import { describe, expect, it } from 'vitest';
import { encodeDataset, encodeMeta, part10File, type FixtureElement } from '../../../test-support/dicom/test-fixtures';
import { EXPLICIT_LE } from '../../dicom/element-walker';
import { readDicomTree } from './dataset-tree';
import { holdReason } from './release-rules';

const tree = (sopClass: string, extra: FixtureElement[]) =>
  readDicomTree(part10File(encodeMeta('1.2.840.10008.1.2.1', sopClass, '1.2.3'), encodeDataset([{ tag: 0x00080016, vr: 'UI', value: sopClass }, ...extra], EXPLICIT_LE)));

describe('header rules for holding files back', () => {
  it('holds reports, flagged images and unflagged images of modalities that burn text in', () => {
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.88.22', []))).toBe('report');
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.104.1', []))).toBe('report');
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.2', [{ tag: 0x00280301, vr: 'CS', value: 'YES' }]))).toBe('burned-in-flagged');
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.6.1', [{ tag: 0x00080060, vr: 'CS', value: 'US' }]))).toBe('burned-in-likely');
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.6.1', [{ tag: 0x00080060, vr: 'CS', value: 'US' }, { tag: 0x00280301, vr: 'CS', value: 'NO' }]))).toBeNull();
    expect(holdReason(tree('1.2.840.10008.5.1.4.1.1.2', [{ tag: 0x00080060, vr: 'CS', value: 'CT' }]))).toBeNull();
  });
});
