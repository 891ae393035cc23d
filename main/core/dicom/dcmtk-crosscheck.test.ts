/**
 * Independent validator: dcmtk's dcmdump (Debian package dcmtk) reads the identifying attributes
 * of every sample file it can parse; our reader must agree. Skipped when dcmdump or the samples are absent.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, SAMPLES_DIR, sampleBytes, samplesPresent } from '../../test-support/sample-corpus';
import { optionalToolPresent } from '../../test-support/optional-tools';
import { readDicom } from './read-dicom';

const dcmdumpPresent = optionalToolPresent('dcmdump', 'the dcmtk cross-check');
const TAGS = { sop: '0008,0018', study: '0020,000d', series: '0020,000e', modality: '0008,0060' } as const;

/** Top-level values only (+p prefixes nested ones with their sequence path). */
function dcmdumpValues(file: string): Partial<Record<keyof typeof TAGS, string>> {
  const args = ['-q', '+p', ...Object.values(TAGS).flatMap((t) => ['+P', t]), file];
  const out = spawnSync('dcmdump', args, { encoding: 'utf8' }).stdout;
  const values: Partial<Record<keyof typeof TAGS, string>> = {};
  for (const [key, tag] of Object.entries(TAGS) as [keyof typeof TAGS, string][]) {
    const line = out.split('\n').find((l) => l.startsWith(`(${tag})`));
    const match = line?.match(/\[(.*?)\]/);
    if (match?.[1] !== undefined) values[key] = match[1].trim();
  }
  return values;
}

describe.skipIf(!samplesPresent || !dcmdumpPresent)('cross-check with dcmtk dcmdump', () => {
  it('agrees on SOP, study and series UIDs and modality for every file dcmtk reads', () => {
    const rows = readManifest().filter((r) => r.parseDcmtk === 'ok' && !r.modality.startsWith('n/a'));
    expect(rows.length).toBeGreaterThan(300);
    const disagreements: string[] = [];
    for (const row of rows) {
      const theirs = dcmdumpValues(path.join(SAMPLES_DIR, row.path));
      const read = readDicom(sampleBytes(row.path));
      if (read.kind !== 'instance') {
        disagreements.push(`${row.path}: ours ${read.kind}`);
        continue;
      }
      const ours = { sop: read.facts.sopInstanceUid, study: read.facts.studyInstanceUid, series: read.facts.seriesInstanceUid, modality: read.facts.series.modality };
      for (const key of Object.keys(TAGS) as (keyof typeof TAGS)[]) {
        const expected = theirs[key];
        if (expected === undefined || expected === '') continue; // absent in the dataset (we may take it from the meta header)
        if (ours[key] !== expected) disagreements.push(`${row.path}: ${key} ours=${String(ours[key])} dcmtk=${expected}`);
      }
    }
    expect(disagreements).toEqual([]);
  }, 60_000);
});
