/**
 * Lookups over PS3.15 Table E.1-1 (which attributes can identify a person, and what each
 * de-identification profile/option does with them) and Table E.3.10-1 (private attributes thought
 * safe). The data is generated from ../shared/standards; this file only indexes it. The tag
 * browser uses it to flag identifying attributes; the share/export step uses the same rules.
 */
import { E1_1_ROWS, type E11RawRow } from './ps3-15-e1-1';
import { E3_10_ROWS } from './ps3-15-e3-10';

/** The Basic Profile and each option column of Table E.1-1, as camelCase keys. */
export const PROFILE_COLUMNS = [
  'basic', 'retainSafePrivate', 'retainUids', 'retainDeviceIdentity', 'retainInstitutionIdentity', 'retainPatientCharacteristics',
  'retainLongFullDates', 'retainLongModifiedDates', 'cleanDescriptors', 'cleanStructuredContent', 'cleanGraphics',
] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];

/** The standard's codes: D, Z, X, K, C, U and the compound ones (X/Z, X/D, Z/D, X/Z/D, X/Z/U*). */
export type ActionCode = string;

export interface ConfidentialityRule {
  /** As the table writes it, e.g. '(0010,0010)', '(50XX,XXXX)', '(GGGG,EEEE) WHERE GGGG IS ODD'. */
  tag: string;
  /** Attribute name as the table writes it (a few carry a note, e.g. "(see Note 11)"). */
  name: string;
  /** Action per column; null where the table has no entry (the Basic Profile action then applies). */
  actions: Record<ProfileColumn, ActionCode | null>;
}

function toRule(row: E11RawRow): ConfidentialityRule {
  const [tag, name, ...codes] = row;
  const actions = {} as Record<ProfileColumn, ActionCode | null>;
  PROFILE_COLUMNS.forEach((column, i) => {
    const code = codes[i] ?? '';
    actions[column] = code === '' ? null : code;
  });
  return { tag, name, actions };
}

interface Pattern { mask: number; value: number; rule: ConfidentialityRule }

const exact = new Map<number, ConfidentialityRule>();
const patterns: Pattern[] = [];
let privateRule: ConfidentialityRule | null = null;

for (const row of E1_1_ROWS) {
  const rule = toRule(row);
  if (rule.tag.startsWith('(GGGG,EEEE)')) {
    privateRule = rule;
    continue;
  }
  const hex = rule.tag.slice(1, 5) + rule.tag.slice(6, 10);
  if (!hex.includes('X')) {
    exact.set(Number.parseInt(hex, 16) >>> 0, rule);
    continue;
  }
  // Each X is any hex digit: (50XX,XXXX) is every element of the curve groups 5000-50FF.
  const mask = Number.parseInt(hex.replace(/[0-9A-F]/g, 'F').replace(/X/g, '0'), 16) >>> 0;
  const value = Number.parseInt(hex.replace(/X/g, '0'), 16) >>> 0;
  patterns.push({ mask, value, rule });
}

/** Odd groups are private, except the groups PS3.5 7.1 forbids (0001, 0003, 0005, 0007, FFFF). */
export function isPrivateGroup(group: number): boolean {
  return group % 2 === 1 && group > 0x0008 && group !== 0xffff;
}

/** A Private Creator element (gggg,0010-00FF) reserves a block of a private group. */
export function isPrivateCreator(tag: number): boolean {
  const element = tag & 0xffff;
  return isPrivateGroup(tag >>> 16) && element >= 0x0010 && element <= 0x00ff;
}

/**
 * The E.1-1 row that covers a tag (group << 16 | element), or null when the table does not list
 * it. Exact rows first, then the repeating-group rows (curves, overlays: even groups only, odd
 * ones are private), then the private row for every private attribute including its creator.
 */
export function confidentialityRule(tag: number): ConfidentialityRule | null {
  const unsigned = tag >>> 0;
  const found = exact.get(unsigned);
  if (found !== undefined) return found;
  const group = unsigned >>> 16;
  if (isPrivateGroup(group)) return privateRule;
  for (const pattern of patterns) if (((unsigned & pattern.mask) >>> 0) === pattern.value) return pattern.rule;
  return null;
}

export interface SafePrivateAttribute {
  privateCreator: string;
  group: number;
  /** The low byte of the element (the `EE` of `xxEE`). */
  elementByte: number;
  vr: string | null;
  vm: string;
  meaning: string;
}

const safePrivate = new Map<string, SafePrivateAttribute>();
for (const [privateCreator, group, element, vr, vm, meaning] of E3_10_ROWS) {
  const entry = { privateCreator, group: Number.parseInt(group, 16), elementByte: Number.parseInt(element.slice(2), 16), vr: vr === '' ? null : vr, vm, meaning };
  safePrivate.set(safeKey(privateCreator, entry.group, entry.elementByte), entry);
}

function safeKey(creator: string, group: number, elementByte: number): string {
  return `${creator}\u0000${group}\u0000${elementByte}`;
}

/**
 * The E.3.10-1 entry for a private attribute, given the value of its Private Creator (compared
 * exactly, as the standard says: 'Philips Imaging DD 001' is not 'DD 002'), or null.
 */
export function safePrivateAttribute(creator: string, tag: number): SafePrivateAttribute | null {
  const group = tag >>> 16;
  const element = tag & 0xffff;
  if (!isPrivateGroup(group) || element < 0x1000) return null;
  return safePrivate.get(safeKey(creator, group, element & 0xff)) ?? null;
}

export const E1_1_ROW_COUNT = E1_1_ROWS.length;
export const E3_10_ROW_COUNT = E3_10_ROWS.length;
