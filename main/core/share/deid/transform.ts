/**
 * Applies the profile to a DicomTree: each element's Table E.1-1 action, at every depth, private
 * sequences and items included. Records, by tag path, what the output must differ in, which is
 * what the post-flight check holds the re-read file to.
 */
import { parseCharacterSet, type CharacterSet } from '../../dicom/charset';
import { isTextVr } from '../../dicom/attribute-values';
import { tagText } from '../../dicom/dictionary';
import { isPrivateCreator, isPrivateGroup } from '../../../../shared/standards/confidentiality';
import { flatten, type DataElement } from './dataset-tree';
import { actionFor, type Action, type Profile } from './profile';
import type { Term } from './identifiers';
import type { ShareKeys } from './keyed';
import { cleanText, dummyValue, encodeAscii, replaceUids, shiftDates } from './values';

export interface DeidContext {
  profile: Profile;
  keys: ShareKeys;
  /** The person's identifiers, for Clean Descriptors and the leak guard. */
  terms: readonly Term[];
  /** The pixels were masked where text was found (burned-in/): the file may then claim Clean Pixel Data. */
  pixelsCleaned?: boolean;
}

/** 'absent': removed; 'added': written by ScanVault (not in the original); otherwise the new value. */
export type Expected = 'absent' | 'added' | { vr: string; value: Uint8Array; itemCount: number | null };

const PATIENT_NAME = 0x00100010;
const PATIENT_ID = 0x00100020;
const CHARSET = 0x00080005;
const PSEUDONYM_TAGS = new Set([PATIENT_NAME, PATIENT_ID]);

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));
const asciiTrim = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').replace(/[\0 ]+$/, '').trim();

function newValue(element: DataElement, action: Action, ctx: DeidContext, charset: CharacterSet, cleanAll: boolean): Uint8Array | null {
  const { vr, value } = element;
  if (PSEUDONYM_TAGS.has(element.tag) && action !== 'keep') return encodeAscii(ctx.keys.pseudonym, vr);
  switch (action) {
    case 'keep':
      return cleanAll && isTextVr(vr) ? cleanText(value, vr, charset, ctx.terms) : null;
    case 'empty':
      return new Uint8Array(0);
    case 'dummy':
      return dummyValue(vr, value, ctx.keys);
    case 'uid':
      return replaceUids(value, ctx.keys);
    case 'clean':
      if (vr === 'DA' || vr === 'DT') {
        return ctx.profile.options.has('retain-longitudinal-modified-dates') ? shiftDates(value, vr, ctx.keys.dateShiftDays) : dummyValue(vr, value, ctx.keys);
      }
      if (vr === 'TM') return null; // whole-day shifts keep the time of day
      return cleanText(value, vr, charset, ctx.terms);
    case 'remove':
      return null;
  }
}

export function transformLevel(
  elements: readonly DataElement[], ctx: DeidContext, prefix: string, inherited: CharacterSet, cleanAll: boolean, expected: Map<string, Expected>,
): DataElement[] {
  const out: DataElement[] = [];
  const creators = new Map<number, string>();
  let charset = inherited;
  for (const element of elements) {
    const path = prefix + tagText(element.tag);
    const group = element.tag >>> 16;
    if (element.tag === CHARSET) charset = parseCharacterSet(asciiTrim(element.value));
    // Group lengths are retired and would be wrong once anything inside changes.
    if ((element.tag & 0xffff) === 0) {
      expected.set(path, 'absent');
      continue;
    }
    let creator: string | null = null;
    if (isPrivateCreator(element.tag)) {
      creator = asciiTrim(element.value);
      creators.set((group << 8) | (element.tag & 0xff), creator);
    } else if (isPrivateGroup(group)) {
      creator = creators.get((group << 8) | ((element.tag & 0xffff) >>> 8)) ?? null;
    }
    const action = actionFor(ctx.profile, element.tag, element.vr, creator);
    if (action === 'remove') {
      expected.set(path, 'absent');
      continue;
    }
    if (element.items !== null) {
      if (action === 'empty') {
        out.push({ ...element, items: [] });
        expected.set(path, { vr: 'SQ', value: element.value, itemCount: 0 });
        element.items.forEach((item, i) => flatten(item, `${path}[${i}]`).forEach((_v, p) => expected.set(p, 'absent')));
        continue;
      }
      const items = element.items.map((item, i) => transformLevel(item, ctx, `${path}[${i}]`, charset, cleanAll || action === 'clean', expected));
      out.push({ ...element, items });
      continue;
    }
    if (element.encapsulated) {
      out.push(element);
      continue;
    }
    const value = newValue(element, action, ctx, charset, cleanAll);
    if (value === null || sameBytes(value, element.value)) {
      out.push(element);
      continue;
    }
    out.push({ ...element, value });
    expected.set(path, { vr: element.vr, value, itemCount: null });
  }
  return out;
}
