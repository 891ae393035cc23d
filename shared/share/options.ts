/**
 * The de-identification options a patient can choose for a share, named as PS3.15 names them
 * (kebab-case, as the CLI writes them), each with the Table E.1-1 column it applies and plain words.
 */
import { z } from 'zod';

export const DEID_OPTION_NAMES = [
  'retain-longitudinal-modified-dates',
  'retain-patient-characteristics',
  'retain-device-identity',
  'retain-institution-identity',
  'clean-descriptors',
  'retain-safe-private',
] as const;
export type DeidOptionName = (typeof DEID_OPTION_NAMES)[number];
/** For the API contract and the CLI's `--option NAME`. */
export const deidOptionSchema = z.enum(DEID_OPTION_NAMES);

/** The E.1-1 column keys (shared/standards/confidentiality.ts PROFILE_COLUMNS) each option uses. */
export const OPTION_COLUMNS = {
  'retain-longitudinal-modified-dates': 'retainLongModifiedDates',
  'retain-patient-characteristics': 'retainPatientCharacteristics',
  'retain-device-identity': 'retainDeviceIdentity',
  'retain-institution-identity': 'retainInstitutionIdentity',
  'clean-descriptors': 'cleanDescriptors',
  'retain-safe-private': 'retainSafePrivate',
} as const satisfies Record<DeidOptionName, string>;

export interface DeidOptionText {
  title: string;
  keeps: string;
  removes: string;
}

export const OPTION_TEXT: Record<DeidOptionName, DeidOptionText> = {
  'retain-longitudinal-modified-dates': {
    title: 'Keep the time between scans',
    keeps: 'Every date is moved by the same secret number of days, so the doctor still sees how far apart your scans and visits were.',
    removes: 'The real dates. Without this option, dates are removed or replaced with a made-up date.',
  },
  'retain-patient-characteristics': {
    title: 'Keep age, sex, height and weight',
    keeps: 'Your age, sex, height, weight and similar details that help the doctor read the images.',
    removes: 'Nothing else: your name, ID and birth date still go.',
  },
  'retain-device-identity': {
    title: 'Keep which machine made the scan',
    keeps: 'The scanner’s own name at the hospital (its station name) and its serial numbers. The maker and model are always kept: they help the doctor read the pictures.',
    removes: 'Without this option the station name and serial numbers are removed; either can point to the hospital.',
  },
  'retain-institution-identity': {
    title: 'Keep the hospital’s name',
    keeps: 'The name and address of the hospital or clinic and its department.',
    removes: 'Without this option the place where you were seen is removed.',
  },
  'clean-descriptors': {
    title: 'Keep descriptions, cleaned',
    keeps: 'Descriptions such as “CT head without contrast”, after your name, IDs and other identifiers are taken out of them.',
    removes: 'Any of your identifiers found inside the descriptions. Without this option descriptions are removed.',
  },
  'retain-safe-private': {
    title: 'Keep safe maker-specific data',
    keeps: 'Only the maker-specific values the DICOM standard lists as safe (for example scan speed or dose factors).',
    removes: 'Every other maker-specific value. Without this option all maker-specific data is removed.',
  },
};

/**
 * Chosen for a second opinion: the doctor needs the intervals between scans, the body measurements
 * that change how images are read, and the descriptions that say what each series is. Machine,
 * hospital and maker-specific data are not needed to give an opinion, so they stay out by default.
 */
export const SECOND_OPINION_DEFAULTS: readonly DeidOptionName[] = [
  'retain-longitudinal-modified-dates',
  'retain-patient-characteristics',
  'clean-descriptors',
];

export const SECOND_OPINION_DEFAULTS_TEXT =
  'For a second opinion ScanVault keeps the time between your scans (with shifted dates), your age, sex and body size, and cleaned descriptions of each scan. It removes your name, IDs, birth date, the hospital, the machine and maker-specific data.';

export function isDeidOptionName(name: string): name is DeidOptionName {
  return (DEID_OPTION_NAMES as readonly string[]).includes(name);
}

/** The chosen options: the defaults, plus `add`, minus `drop` (`--option NAME`, `--no-option NAME`). */
export function resolveOptions(add: readonly DeidOptionName[], drop: readonly DeidOptionName[], defaults: readonly DeidOptionName[] = SECOND_OPINION_DEFAULTS): DeidOptionName[] {
  const chosen = new Set([...defaults, ...add]);
  for (const name of drop) chosen.delete(name);
  return DEID_OPTION_NAMES.filter((name) => chosen.has(name));
}
