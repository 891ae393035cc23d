/**
 * What a de-identified file says about itself (PS3.15 E.1.1, PS3.16 CID 7050): Patient Identity
 * Removed, De-identification Method and its code sequence, naming only what was done. Clean Pixel
 * Data is claimed, and Burned In Annotation written NO, only when the pixels were masked where text
 * was found (burned-in/ did that before this step: ctx.pixelsCleaned). Clean Recognizable Visual
 * Features is never claimed (faces are not removed).
 */
import type { DeidOptionName } from '../../../../shared/share/options';
import type { DataElement } from './dataset-tree';
import { encodeAscii } from './values';

const OPTION_CODES: Record<DeidOptionName, [string, string]> = {
  'retain-longitudinal-modified-dates': ['113107', 'Retain Longitudinal Temporal Information Modified Dates Option'],
  'retain-patient-characteristics': ['113108', 'Retain Patient Characteristics Option'],
  'retain-device-identity': ['113109', 'Retain Device Identity Option'],
  'retain-institution-identity': ['113112', 'Retain Institution Identity Option'],
  'clean-descriptors': ['113105', 'Clean Descriptors Option'],
  'retain-safe-private': ['113111', 'Retain Safe Private Option'],
};
const BASIC: [string, string] = ['113100', 'Basic Application Confidentiality Profile'];
const CLEAN_PIXEL_DATA: [string, string] = ['113101', 'Clean Pixel Data Option'];

const leaf = (tag: number, vr: string, text: string): DataElement => ({ tag, vr, value: encodeAscii(text, vr), encapsulated: false, items: null });

function codeItem([value, meaning]: [string, string]): DataElement[] {
  return [leaf(0x00080100, 'SH', value), leaf(0x00080102, 'SH', 'DCM'), leaf(0x00080104, 'LO', meaning)];
}

/** The elements ScanVault adds or overwrites at the top level, in tag order. */
export function methodElements(
  options: ReadonlySet<DeidOptionName>, pseudonym: string, hadPatientName: boolean, hadPatientId: boolean, pixelsCleaned = false,
): DataElement[] {
  const chosen = [...options].sort();
  const codes = [BASIC, ...(pixelsCleaned ? [CLEAN_PIXEL_DATA] : []), ...chosen.map((name) => OPTION_CODES[name])];
  const methods = ['ScanVault PS3.15 Basic Profile', ...(pixelsCleaned ? ['clean-pixel-data'] : []), ...chosen];
  const elements: DataElement[] = [];
  if (!hadPatientName) elements.push(leaf(0x00100010, 'PN', pseudonym));
  if (!hadPatientId) elements.push(leaf(0x00100020, 'LO', pseudonym));
  elements.push(
    leaf(0x00120062, 'CS', 'YES'),
    // LO holds 64 characters a value, so each part is its own value.
    leaf(0x00120063, 'LO', methods.join('\\')),
    { tag: 0x00120064, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items: codes.map(codeItem) },
  );
  if (pixelsCleaned) elements.push(leaf(0x00280301, 'CS', 'NO'));
  elements.push(leaf(0x00280303, 'CS', options.has('retain-longitudinal-modified-dates') ? 'MODIFIED' : 'REMOVED'));
  return elements;
}
