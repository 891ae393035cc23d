/**
 * Decodes DICOM text values by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 6.1,
 * including the ISO 2022 forms whose escape sequences switch code sets inside a value.
 */
import { decodeIso2022, initialIso2022State, isIso2022Term } from './charset-iso2022';
import { decoderFor } from './text-decoders';

export interface CharacterSet {
  /** Normalised defined terms, e.g. ['', 'ISO 2022 IR 87']. */
  terms: string[];
  iso2022: boolean;
  /** Terms this reader does not know (reported as a warning). */
  unknown: string[];
}

const SINGLE_TERM_LABELS: Record<string, string> = {
  'ISO_IR 6': 'ascii',
  'ISO_IR 100': 'iso-8859-1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 203': 'iso-8859-15',
  'ISO_IR 166': 'windows-874',
  'ISO_IR 13': 'shift_jis',
  'ISO_IR 192': 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** 'ISO-IR 100', 'iso_ir 100 ' and 'ISO_IR100' all mean 'ISO_IR 100'. */
function normaliseTerm(raw: string): string {
  const term = raw.trim().toUpperCase().replace(/-/g, '_').replace(/\s+/g, ' ');
  const iso2022 = /^ISO 2022[_ ]?IR[_ ]?(\d+)$/.exec(term.replace(/_/g, ' '));
  if (iso2022) return `ISO 2022 IR ${iso2022[1] ?? ''}`;
  const single = /^ISO[_ ]?IR[_ ]?(\d+)$/.exec(term);
  if (single) return `ISO_IR ${single[1] ?? ''}`;
  return term;
}

export function parseCharacterSet(value: string | null): CharacterSet {
  const terms = (value ?? '').split('\\').map(normaliseTerm);
  const known = (term: string) => term === '' || isIso2022Term(term) || SINGLE_TERM_LABELS[term] !== undefined;
  // More than one value means code extensions, even when a term is spelled without "2022".
  const iso2022 = !terms.includes('ISO_IR 192') && (terms.length > 1 || terms.some(isIso2022Term));
  return { terms, iso2022, unknown: terms.filter((term) => !known(term)) };
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

/** Default repertoire: ASCII. Undeclared UTF-8 is common in practice, so accept it when valid. */
function decodeDefault(bytes: Uint8Array): string {
  if (!hasHighBytes(bytes)) return decoderFor('ascii').decode(bytes);
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return decoderFor('windows-1252').decode(bytes);
  }
}

/** Decodes a text value (PN, LO, SH, ST, LT, UT, UC) in the dataset's character set. */
export function decodeText(bytes: Uint8Array, charset: CharacterSet): string {
  if (charset.iso2022) return decodeIso2022(bytes, initialIso2022State(charset.terms));
  const label = charset.terms.includes('ISO_IR 192') ? 'utf-8' : SINGLE_TERM_LABELS[charset.terms[0] ?? ''];
  if (label === undefined || label === 'ascii') return decodeDefault(bytes);
  return decoderFor(label).decode(bytes);
}
