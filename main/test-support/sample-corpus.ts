/** Test helper: the shared real-file corpus (../shared/dicom-samples beside the repo), if present. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const SAMPLES_DIR = path.resolve(repoRoot, '../shared/dicom-samples');
export const samplesPresent = existsSync(path.join(SAMPLES_DIR, 'MANIFEST.tsv'));

export interface ManifestRow {
  path: string;
  modality: string;
  transferSyntaxUid: string;
  frames: string;
  specificCharset: string;
  parseDcmtk: string;
  parseDcmjs: string;
  notes: string;
}

export function readManifest(): ManifestRow[] {
  const [head, ...lines] = readFileSync(path.join(SAMPLES_DIR, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n');
  const columns = (head ?? '').split('\t');
  const col = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      path: col(cells, 'path'),
      modality: col(cells, 'modality'),
      transferSyntaxUid: col(cells, 'transfer_syntax_uid'),
      frames: col(cells, 'frames'),
      specificCharset: col(cells, 'specific_charset'),
      parseDcmtk: col(cells, 'parse_dcmtk'),
      parseDcmjs: col(cells, 'parse_dcmjs'),
      notes: col(cells, 'notes'),
    };
  });
}

export function sampleBytes(relativePath: string): Buffer {
  return readFileSync(path.join(SAMPLES_DIR, relativePath));
}
