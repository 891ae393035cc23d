// The PS3.15 tables shipped in shared/standards must be exactly what the generator makes from
// ../shared/standards, so the data cannot drift from its source or be hand-edited unnoticed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, renderAll, renderE11, STANDARDS_DIR } from './generate-standards.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const present = existsSync(path.join(STANDARDS_DIR, 'ps3.15-e1-1.csv'));

describe('generate-standards', () => {
  it.skipIf(!present)('committed copies equal what the script generates from ../shared/standards (skipped when ../shared is absent)', () => {
    for (const [file, content] of Object.entries(renderAll())) {
      expect(readFileSync(path.join(repoRoot, file), 'utf8'), `${file} is stale: run node scripts/generate-standards.mjs`).toBe(content);
    }
  });

  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\n\nlines"\n1,2,3,4\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\n\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('refuses a table it does not understand rather than shipping it', () => {
    const header = 'tag,name,basic,retain_safe_private,retain_uids,retain_device_identity,retain_institution_identity,retain_patient_characteristics,retain_long_full_dates,retain_long_modified_dates,clean_descriptors,clean_structured_content,clean_graphics';
    expect(() => renderE11(`${header}\n"(0010,0010)",Patient's Name,Q,,,,,,,,,,\n`)).toThrow(/action/);
    expect(() => renderE11(`${header}\n"(0010-0010)",Patient's Name,Z,,,,,,,,,,\n`)).toThrow(/tag/);
    expect(() => renderE11(`${header}\n"(0010,0010)",Patient's Name,Z\n`)).toThrow(/fields/);
  });
});
