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

/**
 * Both are asked for every element of every file a share reads and checks (a few hundred per
 * file, three or four times each), always for the same few hundred tags: remembered, they no
 * longer format a string and parse a dictionary entry each time. Tags are not patient data; the
 * caches are cleared if a stream of odd (private) tags ever grows them past CACHE_LIMIT.
 */
const CACHE_LIMIT = 50_000;
const texts = new Map<number, string>();
const entries = new Map<number, Readonly<DictionaryEntry> | null>();

function remember<V>(cache: Map<number, V>, tag: number, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(tag, value);
  return value;
}

export function tagText(tag: number): string {
  const known = texts.get(tag);
  if (known !== undefined) return known;
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return remember(texts, tag, `(${hex.slice(0, 4)},${hex.slice(4)})`);
}

export function lookupTag(tag: number): Readonly<DictionaryEntry> | null {
  const known = entries.get(tag);
  if (known !== undefined) return known;
  return remember(entries, tag, readEntry(tag));
}

function readEntry(tag: number): Readonly<DictionaryEntry> | null {
  if ((tag & 0xffff) === 0 && tag >>> 16 !== 0x0002) return Object.freeze({ keyword: 'GroupLength', vr: 'UL' });
  const entry = dcmjs.data.DicomMetaDictionary.dictionary[tagText(tag)];
  if (entry === undefined || entry.name === '') return null;
  const first = entry.vr.split(/\s+or\s+|\|/)[0]?.trim() ?? 'UN';
  return Object.freeze({ keyword: entry.name, vr: ALIASES[first] ?? first });
}

/** 'SOPInstanceUID' -> 'SOP Instance UID', 'PatientName' -> 'Patient Name'. */
export function keywordToWords(keyword: string): string {
  return keyword.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}
