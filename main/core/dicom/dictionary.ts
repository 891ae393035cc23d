/**
 * Attribute names and VRs from dcmjs's copy of the PS3.6 data dictionary (data only; the core
 * reads files with its own walker). Implicit VR files carry no VR, so the dictionary's is used.
 */
import dcmjs from 'dcmjs';

export interface DictionaryEntry {
  keyword: string;
  /** One VR: 'US or SS' style entries and dcmjs's 'xs'/'ox' give their first choice. */
  vr: string;
}

const ALIASES: Record<string, string> = { xs: 'US', ox: 'OW' };

export function tagText(tag: number): string {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

export function lookupTag(tag: number): DictionaryEntry | null {
  if ((tag & 0xffff) === 0 && tag >>> 16 !== 0x0002) return { keyword: 'GroupLength', vr: 'UL' };
  const entry = dcmjs.data.DicomMetaDictionary.dictionary[tagText(tag)];
  if (entry === undefined || entry.name === '') return null;
  const first = entry.vr.split(/\s+or\s+|\|/)[0]?.trim() ?? 'UN';
  return { keyword: entry.name, vr: ALIASES[first] ?? first };
}

/** 'SOPInstanceUID' -> 'SOP Instance UID', 'PatientName' -> 'Patient Name'. */
export function keywordToWords(keyword: string): string {
  return keyword.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}
