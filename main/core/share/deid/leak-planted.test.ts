/**
 * The leak test: copies of generated fixtures and of every real sample (skipped when absent), with
 * distinctive identifiers planted everywhere (main/test-support/deid/plant-sample.ts), exported
 * with the second-opinion defaults and with every option on. The output bytes (inflated, were they
 * deflated) must hold none of the person's identifiers, and no attribute marker except where an
 * option keeps that attribute; exactly the hospital's tokens with Retain Institution Identity.
 */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readManifest, sampleBytes, samplesPresent } from '../../../test-support/sample-corpus';
import { makeDicom } from '../../../test-support/dicom-fixtures';
import { deidContext } from '../../../test-support/deid/context';
import { plantedDcmjs, plantedDeflated, plantedElements, plantedFile } from '../../../test-support/deid/planted';
import {
  BIRTH_DATE_FORMS, INSTITUTION_TOKENS, PERSON, PERSON_TOKENS, PHONE_FORMS, plantSample, plantedPerson,
} from '../../../test-support/deid/plant-sample';
import { tagText } from '../../dicom/dictionary';
import { EXPLICIT_BE, IMPLICIT_LE } from '../../dicom/element-walker';
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN } from '../../dicom/transfer-syntax';
import { confidentialityRule } from '../../../../shared/standards/confidentiality';
import { DEID_OPTION_NAMES, SECOND_OPINION_DEFAULTS, type DeidOptionName } from '../../../../shared/share/options';
import { flatten, readDicomTree } from './dataset-tree';
import { DeidError } from './deid-error';
import { deidentifyFile } from './deidentify';
import { makeProfile } from './profile';

/** The output as text to search: latin1, upper case, the dataset inflated if it were deflated. */
function searchable(bytes: Uint8Array): string {
  const tree = readDicomTree(bytes);
  let raw = Buffer.from(bytes);
  if (tree.transferSyntaxUid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) {
    const metaEnd = 132 + 12 + raw.readUInt32LE(140);
    raw = Buffer.concat([raw.subarray(0, metaEnd), inflateRawSync(raw.subarray(metaEnd))]);
  }
  return raw.toString('latin1').toUpperCase();
}

/** Whether an option chosen keeps (K) or cleans (C) the attribute, by the standard's table itself. */
function kept(tag: number, options: readonly DeidOptionName[], codes = ['K', 'C']): boolean {
  const rule = confidentialityRule(tag);
  if (rule === null) return true;
  return makeProfile(options).columns.some((column) => codes.includes(rule.actions[column] ?? ''));
}

/** A sequence whose items stay (their attributes then get their own actions): kept, cleaned, or D/U in the Basic Profile. */
function survives(tag: number, options: readonly DeidOptionName[]): boolean {
  return kept(tag, options) || /[DU]\*?$/.test(confidentialityRule(tag)?.actions.basic ?? '');
}

const OTHER_TOKENS = [...PERSON_TOKENS, 'ZQXAESOURCE', 'ZQXAESENDING', 'ZQXAERECEIVE', 'ZQXCREATOR'];
const IMAGE_COMMENTS = 0x00204000;
const DESCRIPTIONS_WITH_IDENTIFIERS = new Set([0x00081030, 0x0008103e, 0x00204000, 0x00324000, 0x00400254, 0x00181030]);

/** Leaked tokens and values, and markers that should have been kept but were not; empty lists when all is well. */
function check(planted: ReturnType<typeof plantSample>, options: readonly DeidOptionName[]): { leaked: string[]; lostKept: string[] } {
  const ctx = deidContext([planted.bytes], [...options], randomBytes(32), plantedPerson());
  const out = deidentifyFile(planted.bytes, ctx).bytes;
  const text = searchable(out);
  // Markers have a fixed length (a value may run straight into the next element's header bytes).
  const tokens = new Set([...(text.match(/ZQX[MNS][0-9A-F]{8}/g) ?? []), ...OTHER_TOKENS.filter((t) => text.includes(t))]);
  const retainInstitution = options.includes('retain-institution-identity');
  const leaked: string[] = [];
  for (const token of tokens) {
    const tag = Number.parseInt(token.slice(4, 12), 16);
    if (token.startsWith('ZQXM') && kept(tag, options)) continue;
    if (token.startsWith('ZQXN') && kept(tag, options)) continue;
    if (token.startsWith('ZQXS') && survives(tag, options) && kept(IMAGE_COMMENTS, options)) continue;
    if (retainInstitution && INSTITUTION_TOKENS.includes(token)) continue;
    leaked.push(token);
  }
  leaked.push(...[...BIRTH_DATE_FORMS, ...PHONE_FORMS].filter((form) => text.includes(form)));
  // Whole UIDs only (no further digit); Retain Device Identity keeps Device UID and the device class UID (K).
  const uidLeft = (uid: string) => new RegExp(`${uid.replace(/\./g, '\\.')}(?![0-9])`).test(text);
  leaked.push(...planted.uids.filter(([tag, uid]) => uidLeft(uid) && !kept(tag, options, ['K'])).map(([, uid]) => uid));
  const after = flatten(readDicomTree(out).dataset);
  const valueAt = (tag: number) => Buffer.from(after.get(tagText(tag))?.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
  // Dates an option keeps unchanged (Retain Device Identity: calibration dates) may stay.
  leaked.push(...planted.dates.filter(([tag, d]) => valueAt(tag) === d && !kept(tag, options, ['K'])).map(([tag, d]) => `${tagText(tag)} ${d}`));
  // Exactly: what an option keeps is there (the hospital with Retain Institution Identity too).
  const lostKept = planted.markers.filter(([tag]) => kept(tag, options, ['K']) || (kept(tag, options, ['C']) && !DESCRIPTIONS_WITH_IDENTIFIERS.has(tag)))
    .map(([, marker]) => marker).filter((marker) => !tokens.has(marker));
  if (retainInstitution) lostKept.push(...INSTITUTION_TOKENS.filter((t) => !tokens.has(t)));
  return { leaked, lostKept };
}

function fixtures(): { name: string; bytes: Uint8Array }[] {
  const planted = plantedElements();
  return [
    { name: 'dcmjs CT', bytes: makeDicom({ patientName: 'WHITFIELD^MARGARET' }) },
    { name: 'every E.1-1 attribute (dcmjs)', bytes: plantedDcmjs(planted) },
    { name: 'every E.1-1 attribute (implicit VR)', bytes: plantedFile(planted, '1.2.840.10008.1.2', IMPLICIT_LE) },
    { name: 'every E.1-1 attribute (big endian)', bytes: plantedFile(planted, '1.2.840.10008.1.2.2', EXPLICIT_BE) },
    { name: 'every E.1-1 attribute (deflated)', bytes: plantedDeflated(planted) },
  ];
}

function samples(): { name: string; bytes: Uint8Array }[] {
  if (!samplesPresent) return [];
  const rows = readManifest().filter((r) => r.transferSyntaxUid.startsWith('1.2') && !r.modality.includes('DICOMDIR') && !r.path.startsWith('malformed/'));
  return rows.map((r) => ({ name: r.path, bytes: sampleBytes(r.path) })).filter(({ bytes }) => {
    try {
      deidentifyFile(bytes, deidContext([]));
      return true;
    } catch (error) {
      if (error instanceof DeidError && error.code === 'DAMAGED') return false; // reported as damage, nothing to plant into
      throw error;
    }
  });
}

function run(files: { name: string; bytes: Uint8Array }[]): { attributes: number; failures: [string, string, ReturnType<typeof check>][] } {
  let attributes = 0;
  const failures: [string, string, ReturnType<typeof check>][] = [];
  for (const { name, bytes } of files) {
    const planted = plantSample(bytes);
    attributes = Math.max(attributes, planted.attributes);
    for (const [label, options] of [['defaults', SECOND_OPINION_DEFAULTS], ['every option', DEID_OPTION_NAMES]] as const) {
      const result = check(planted, options);
      if (result.leaked.length > 0 || result.lostKept.length > 0) failures.push([name, label, result]);
    }
  }
  return { attributes, failures };
}

describe('identifiers planted everywhere do not leave', () => {
  it('in generated fixtures in every encoding, deflated included', () => {
    const { attributes, failures } = run(fixtures());
    expect(failures).toEqual([]);
    expect(attributes).toBeGreaterThan(400);
  });

  it.skipIf(!samplesPresent)('in a planted copy of every sample', () => {
    const files = samples();
    const { attributes, failures } = run(files);
    process.stdout.write(`leak test: ${files.length} sample copies, up to ${attributes} E.1-1 attributes planted in each, defaults and every option\n`);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(files.length).toBeGreaterThan(400);
  }, 600_000);

  it('finds what it plants (the search itself can fail)', () => {
    const planted = plantSample(makeDicom({ patientName: 'WHITFIELD^MARGARET' }));
    const text = searchable(planted.bytes);
    for (const token of PERSON_TOKENS) expect(text).toContain(token);
    for (const form of [...BIRTH_DATE_FORMS, PERSON.phone]) expect(text).toContain(form); // PHONE_FORMS adds one written without spaces
    expect(text).toContain('ZQXAESOURCE');
    expect(planted.uids.length).toBeGreaterThan(50);
    for (const [, uid] of planted.uids) expect(text).toContain(uid);
    const deflated = plantSample(plantedDeflated(plantedElements()));
    expect(readDicomTree(deflated.bytes).transferSyntaxUid).toBe(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
    expect(Buffer.from(deflated.bytes).toString('latin1')).not.toContain('ZQXGIVEN');
    expect(searchable(deflated.bytes)).toContain('ZQXGIVEN');
  });
});
