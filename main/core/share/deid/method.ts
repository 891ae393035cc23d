/**
 * What a de-identified file says about itself (PS3.15 E.1.1, PS3.16 CID 7050): Patient Identity
 * Removed, De-identification Method and its code sequence, naming only what was done. ScanVault
 * does no pixel work here, so Clean Pixel Data and Clean Recognizable Visual Features are never
 * claimed.
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

const leaf = (tag: number, vr: string, text: string): DataElement => ({ tag, vr, value: encodeAscii(text, vr), encapsulated: false, items: null });

function codeItem([value, meaning]: [string, string]): DataElement[] {
  return [leaf(0x00080100, 'SH', value), leaf(0x00080102, 'SH', 'DCM'), leaf(0x00080104, 'LO', meaning)];
}

/** The elements ScanVault adds or overwrites at the top level, in tag order. */
export function methodElements(options: ReadonlySet<DeidOptionName>, pseudonym: string, hadPatientName: boolean, hadPatientId: boolean): DataElement[] {
  const chosen = [...options].sort();
  const codes = [BASIC, ...chosen.map((name) => OPTION_CODES[name])];
  const elements: DataElement[] = [];
  if (!hadPatientName) elements.push(leaf(0x00100010, 'PN', pseudonym));
  if (!hadPatientId) elements.push(leaf(0x00100020, 'LO', pseudonym));
  elements.push(
    leaf(0x00120062, 'CS', 'YES'),
    // LO holds 64 characters a value, so each part is its own value.
    leaf(0x00120063, 'LO', ['ScanVault PS3.15 Basic Profile', ...chosen].join('\\')),
    { tag: 0x00120064, vr: 'SQ', value: new Uint8Array(0), encapsulated: false, items: codes.map(codeItem) },
    leaf(0x00280303, 'CS', options.has('retain-longitudinal-modified-dates') ? 'MODIFIED' : 'REMOVED'),
  );
  return elements;
}
