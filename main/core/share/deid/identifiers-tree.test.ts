import { describe, expect, it } from 'vitest';
import { makeSeries } from '../../../test-support/dicom-fixtures';
import { plantedDcmjs, plantedDeflated, plantedElements, plantedFile } from '../../../test-support/deid/planted';
import { readManifest, sampleBytes, samplesPresent } from '../../../test-support/sample-corpus';
import { EXPLICIT_BE, IMPLICIT_LE } from '../../dicom/element-walker';
import { readDicomTree } from './dataset-tree';
import { addIdentifiersFromFile, addIdentifiersFromTree, emptyIdentifiers } from './identifiers';

function both(bytes: Uint8Array): [ReturnType<typeof emptyIdentifiers>, ReturnType<typeof emptyIdentifiers>] | null {
  let tree;
  try {
    tree = readDicomTree(bytes);
  } catch {
    return null; // prepare leaves such a file out before collecting
  }
  const fromBytes = emptyIdentifiers();
  addIdentifiersFromFile(fromBytes, bytes);
  const fromTree = emptyIdentifiers();
  addIdentifiersFromTree(fromTree, tree);
  return [fromBytes, fromTree];
}

describe('addIdentifiersFromTree', () => {
  it('collects what addIdentifiersFromFile collects from planted files in every encoding', () => {
    const planted = plantedElements();
    const files = [plantedFile(planted, '1.2.840.10008.1.2', IMPLICIT_LE), plantedFile(planted, '1.2.840.10008.1.2.2', EXPLICIT_BE), plantedDeflated(planted), plantedDcmjs(planted), ...makeSeries(2)];
    for (const file of files) {
      const got = both(file);
      expect(got).not.toBeNull();
      expect(got?.[1]).toEqual(got?.[0]);
    }
  });

  it.skipIf(!samplesPresent)('collects what addIdentifiersFromFile collects from every readable sample', () => {
    let compared = 0;
    for (const row of readManifest()) {
      const got = both(sampleBytes(row.path));
      if (got === null) continue;
      expect(got[1], row.path).toEqual(got[0]);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
