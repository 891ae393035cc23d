/** Test-only: imports one generated one-image study (Jane Doe unless told otherwise) and waits for the job. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ScanVaultCore } from '../../core/scanvault-core';
import { makeSeries, type FixtureOptions } from '../dicom-fixtures';

let count = 0;

export async function importStudy(core: ScanVaultCore, root: string, o: FixtureOptions = {}): Promise<void> {
  const dir = path.join(root, `src${count++}`);
  mkdirSync(dir);
  makeSeries(1, { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MRN-1', ...o }).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  const { jobId } = await core.startImport({ paths: [dir], provenance: { sourceLabel: 'CD' } });
  expect((await core.waitForJob(jobId)).state).toBe('done');
}
