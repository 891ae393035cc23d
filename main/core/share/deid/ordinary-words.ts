/**
 * Words that stand in a name field without naming anyone: placeholders test and phantom data put
 * there ("Anonymous", "Test^Patient", "Last Name^First Name"), and the DICOM and body words that
 * every study description carries ("CT", "Head^Phantom"). As a lone name part such a word is only
 * looked for in the name attributes themselves: anywhere else it would stop nearly every share
 * while saying nothing about the person. The person's other name parts, and their whole name when
 * every part is one of these, are still looked for everywhere (identifiers.ts).
 */

const PLACEHOLDERS = [
  'ANONYMOUS', 'ANONYMIZED', 'ANONYMISED', 'ANON', 'PATIENT', 'PATIENTS', 'PAT', 'PT', 'TEST', 'TESTING', 'TESTER',
  'PHANTOM', 'UNKNOWN', 'UNK', 'NONE', 'NULL', 'NIL', 'NA', 'NAME', 'FIRST', 'LAST', 'MIDDLE', 'GIVEN', 'FAMILY',
  'SURNAME', 'FORENAME', 'PREFIX', 'SUFFIX', 'DEMO', 'SAMPLE', 'SAMPLES', 'EXAMPLE', 'DUMMY', 'REMOVED', 'DELETED',
  'BLANK', 'EMPTY', 'QA', 'QC', 'CALIBRATION', 'SERVICE', 'STUDY', 'SERIES', 'IMAGE', 'IMAGES', 'SCAN', 'EXAM',
  'SUBJECT', 'VOLUNTEER', 'RESEARCH', 'TRIAL', 'MR', 'MRS', 'MS', 'MISS', 'DR', 'PROF', 'MD', 'PHD', 'JR', 'SR',
];

/** DICOM modality codes and the words scanners put in protocol and series names. */
const DICOM_WORDS = [
  'CT', 'MR', 'MRI', 'US', 'CR', 'DX', 'DR', 'XA', 'RF', 'MG', 'NM', 'PET', 'PT', 'SPECT', 'OT', 'SC', 'ES', 'IO', 'PX',
  'OP', 'OPT', 'SM', 'XC', 'ECG', 'EEG', 'RTPLAN', 'RTDOSE', 'RTSTRUCT', 'RTIMAGE', 'SEG', 'KO', 'PR', 'DOC', 'ULTRASOUND',
  'ANGIO', 'MAMMO', 'XRAY', 'ORIGINAL', 'PRIMARY', 'DERIVED', 'SECONDARY', 'AXIAL', 'CORONAL', 'SAGITTAL', 'LOCALIZER',
  'SCOUT', 'TOPOGRAM', 'CONTRAST', 'HELICAL', 'SPIRAL', 'LUT', 'VOI', 'MODALITY', 'COMPRESSED', 'LOSSLESS', 'LOSSY',
  'COLOR', 'COLOUR', 'MONOCHROME', 'RGB', 'PALETTE', 'LEFT', 'RIGHT', 'BILATERAL', 'ROUTINE', 'PROTOCOL',
];

/** Body parts (DICOM Body Part Examined terms and their plain words). */
const BODY_WORDS = [
  'HEAD', 'BRAIN', 'SKULL', 'FACE', 'NECK', 'CSPINE', 'TSPINE', 'LSPINE', 'SPINE', 'CHEST', 'THORAX', 'LUNG', 'LUNGS',
  'HEART', 'CARDIAC', 'BREAST', 'ABDOMEN', 'ABD', 'PELVIS', 'LIVER', 'KIDNEY', 'RENAL', 'BLADDER', 'PROSTATE', 'HIP',
  'KNEE', 'LEG', 'ANKLE', 'FOOT', 'SHOULDER', 'ARM', 'ELBOW', 'WRIST', 'HAND', 'EXTREMITY', 'WHOLEBODY', 'BODY',
  'SINUS', 'ORBIT', 'TEMPORAL', 'JAW', 'TOOTH', 'TEETH', 'DENTAL', 'VASCULAR', 'AORTA',
];

const ORDINARY = new Set([...PLACEHOLDERS, ...DICOM_WORDS, ...BODY_WORDS]);

/** `word` normalised (upper case, letters and digits). */
export function isOrdinaryNameWord(word: string): boolean {
  return ORDINARY.has(word);
}
