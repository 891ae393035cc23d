/**
 * Plain words for why an attribute listed in PS3.15 Table E.1-1 can identify a person, and what
 * the Basic Profile would do with it when the record is de-identified for sharing. Worded for a
 * patient: "you" is the person the record is about.
 */
import type { ConfidentialityRule } from './confidentiality';

/** "Patient's Birth Date" -> "birth date"; acronyms stay as they are ("Patient ID" -> "ID"). */
const lower = (name: string): string =>
  cleanName(name).replace(/^(Patient's|Patient) /, '').split(' ').map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');

/** The table's name without its note references ("Icon Image Sequence (see Note 11)"). */
export function cleanName(name: string): string {
  return name.replace(/\s*\(see Note \d+\)\s*/gi, '').replace(/\s+/g, ' ').trim();
}

/** One short sentence: why this attribute is listed as identifying. */
export function explainIdentifying(rule: ConfidentialityRule): string {
  const name = cleanName(rule.name);
  if (rule.tag.startsWith('(GGGG')) return "Maker-specific data: it can hold details about you that ScanVault cannot read";
  if (/^Patient|Patient's|Other Patient|Person|Mother/.test(name)) return `Identifies you: ${lower(name)}`;
  if (/\bUID\b|UID List|Instance UID/.test(name) || rule.actions.basic === 'U') return 'A unique number that links this file to you and to your visit';
  if (/DateTime|Date\b|Date of|Timestamp/.test(name)) return 'Date that can help identify you';
  if (/Time\b|Time of/.test(name)) return 'Time that can help identify you';
  if (/Institution|Department|Station|Location|Address|Residence|Organization|AE\b|AE Title/.test(name)) {
    return 'Names a place, department or computer where you were seen';
  }
  // Person names only: "Structure Set Name" or "Station Name" name things, not people.
  if (/'s Name|s' Name|Names? of|Observer Name|Reviewer Name|Physician|Operator|Performer|Author|Observer|Reviewer|Recorder|Transcriber|Approver|Enterer|Responsible/.test(name)) {
    return 'Names a person involved in your care';
  }
  if (/Device|Serial|Detector|Gantry|Generator|Plate|Cassette|Machine|Lens|Camera|Source Manufacturer/.test(name)) {
    return 'Identifies the machine used, which can point to where you were seen';
  }
  if (/ID\b|Number|Identifier|Accession/.test(name)) return 'A reference number that can link this record to you';
  if (/Comment|Description|Notes|Text|Label|Name|Reason|History|Diagnos|Impressions|Findings|Interpretation/.test(name)) {
    return 'Free text that may mention you by name or describe you';
  }
  if (/Sequence/.test(name)) return 'A group of details that may identify you';
  if (/Overlay|Curve|Graphic|Icon/.test(name)) return 'Drawings or pictures stored with the image may show your name';
  if (/GPS/.test(name)) return 'Location data that can show where you were';
  return 'The DICOM standard lists this as something that can identify you';
}

const ACTION_WORDS: Record<string, string> = {
  X: 'removed',
  Z: 'emptied',
  D: 'replaced with a made-up value',
  K: 'kept',
  C: 'cleaned of identifying words',
  U: 'replaced with a new unique number',
};

/** What a de-identified copy does with it under the Basic Profile, e.g. "removed, or emptied". */
export function describeAction(code: string | null): string | null {
  if (code === null) return null;
  const words = code.replace('*', '').split('/').map((part) => ACTION_WORDS[part]).filter((w): w is string => w !== undefined);
  if (words.length === 0) return null;
  return words.join(', or ');
}
