/**
 * A DICOM Structured Report (SR) as readable lines: the content tree walked in order, each item
 * as "concept name: value" (text, codes by their meaning, numbers with units, dates, names), with
 * containers as headings. References to images and drawn regions are said in words.
 */
import type { ReportLine, StructuredReport } from '../../../shared/api/details';
import type { DicomAttribute } from '../dicom/attribute-tree';

const T = {
  codeValue: 0x00080100, codingScheme: 0x00080102, codeMeaning: 0x00080104, referencedSop: 0x00081199,
  relationship: 0x0040a010, valueType: 0x0040a040, conceptName: 0x0040a043, dateTime: 0x0040a120, date: 0x0040a121,
  time: 0x0040a122, personName: 0x0040a123, uid: 0x0040a124, textValue: 0x0040a160, conceptCode: 0x0040a168,
  measuredValue: 0x0040a300, numericQualifier: 0x0040a301, numericValue: 0x0040a30a, units: 0x004008ea,
  completion: 0x0040a491, verification: 0x0040a493, preliminary: 0x0040a496, content: 0x0040a730,
  referencedContent: 0x0040db73, graphicType: 0x00700023,
} as const;

export const MAX_REPORT_LINES = 5000;

const RELATIONS: Record<string, string> = {
  CONTAINS: 'contains', 'HAS PROPERTIES': 'has properties', 'HAS OBS CONTEXT': 'observation context',
  'HAS ACQ CONTEXT': 'acquisition context', 'INFERRED FROM': 'based on', 'SELECTED FROM': 'selected from', 'HAS CONCEPT MOD': 'qualifies',
};

const find = (attrs: DicomAttribute[], tag: number) => attrs.find((a) => a.tag === tag);
const text = (attrs: DicomAttribute[], tag: number): string | null => {
  const values = find(attrs, tag)?.values?.filter((v) => v !== '');
  return values === undefined || values.length === 0 ? null : values.join(', ');
};
const firstItem = (attrs: DicomAttribute[], tag: number): DicomAttribute[] | null => find(attrs, tag)?.items?.[0]?.attributes ?? null;
const meaning = (attrs: DicomAttribute[], tag: number): string | null => {
  const code = firstItem(attrs, tag);
  return code === null ? null : text(code, T.codeMeaning) ?? text(code, T.codeValue);
};

function formatDate(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  return m ? `${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}` : value;
}

function formatTime(value: string): string {
  const m = /^(\d{2})(\d{2})?(\d{2})?/.exec(value);
  return m ? [m[1], m[2], m[3]].filter((p) => p !== undefined).join(':') : value;
}

function formatDateTime(value: string): string {
  return value.length > 8 ? `${formatDate(value.slice(0, 8))} ${formatTime(value.slice(8))}` : formatDate(value);
}

/** 'Family^Given^Middle^Prefix^Suffix' (first of its alphabetic/ideographic forms) as words. */
export function personName(value: string): string {
  const [family = '', given = '', middle = '', prefix = '', suffix = ''] = (value.split('=')[0] ?? '').split('^');
  return [prefix, given, middle, family, suffix].map((p) => p.trim()).filter((p) => p !== '').join(' ');
}

function units(measured: DicomAttribute[]): string | null {
  const code = firstItem(measured, T.units);
  if (code === null) return null;
  const value = text(code, T.codeValue);
  // UCUM codes ('mm', 'cm2', 'ml') read well; '1' means "no unit".
  if (text(code, T.codingScheme) === 'UCUM' && value !== null) return value === '1' ? null : value;
  return text(code, T.codeMeaning) ?? value;
}

function numeric(attrs: DicomAttribute[]): string | null {
  const measured = firstItem(attrs, T.measuredValue);
  if (measured === null) return meaning(attrs, T.numericQualifier) ?? 'No value';
  const number = text(measured, T.numericValue);
  const unit = units(measured);
  return number === null ? null : unit === null ? number : `${number} ${unit}`;
}

function describeItem(attrs: DicomAttribute[]): Pick<ReportLine, 'kind' | 'text'> {
  const type = text(attrs, T.valueType);
  switch (type) {
    case 'CONTAINER': return { kind: 'heading', text: null };
    case 'TEXT': return { kind: 'text', text: text(attrs, T.textValue) };
    case 'CODE': return { kind: 'code', text: meaning(attrs, T.conceptCode) };
    case 'NUM': return { kind: 'measurement', text: numeric(attrs) };
    case 'DATE': return { kind: 'text', text: formatDate(text(attrs, T.date) ?? '') || null };
    case 'TIME': return { kind: 'text', text: formatTime(text(attrs, T.time) ?? '') || null };
    case 'DATETIME': return { kind: 'text', text: formatDateTime(text(attrs, T.dateTime) ?? '') || null };
    case 'PNAME': return { kind: 'text', text: personName(text(attrs, T.personName) ?? '') || null };
    case 'UIDREF': return { kind: 'text', text: text(attrs, T.uid) };
    case 'IMAGE': return { kind: 'reference', text: 'Refers to an image' };
    case 'COMPOSITE': return { kind: 'reference', text: 'Refers to another stored object' };
    case 'WAVEFORM': return { kind: 'reference', text: 'Refers to a recorded waveform' };
    case 'SCOORD': case 'SCOORD3D': {
      const shape = text(attrs, T.graphicType);
      return { kind: 'other', text: `A region drawn on an image${shape === null ? '' : ` (${shape.toLowerCase()})`}` };
    }
    case 'TCOORD': return { kind: 'other', text: 'A point in time in a recording' };
    case null: {
      if (find(attrs, T.referencedContent) !== undefined) return { kind: 'reference', text: 'Refers to another part of this report' };
      return { kind: 'other', text: null };
    }
    default: return { kind: 'other', text: `A ${type.toLowerCase()} item ScanVault cannot show` };
  }
}

function walk(items: DicomAttribute[][], depth: number, lines: ReportLine[]): boolean {
  for (const attrs of items) {
    if (lines.length >= MAX_REPORT_LINES) return false;
    const relation = text(attrs, T.relationship);
    lines.push({ depth, label: meaning(attrs, T.conceptName), relation: relation === null ? null : RELATIONS[relation] ?? relation.toLowerCase(), ...describeItem(attrs) });
    const children = find(attrs, T.content)?.items;
    if (children !== undefined && children !== null && !walk(children.map((c) => c.attributes), depth + 1, lines)) return false;
  }
  return true;
}

export function readStructuredReport(dataset: DicomAttribute[]): StructuredReport {
  const status: string[] = [];
  const completion = text(dataset, T.completion);
  if (completion !== null) status.push(completion === 'COMPLETE' ? 'Complete' : 'Not complete (partial)');
  const verification = text(dataset, T.verification);
  if (verification !== null) status.push(verification === 'VERIFIED' ? 'Verified (signed off)' : 'Not verified');
  if (text(dataset, T.preliminary) === 'PRELIMINARY') status.push('Preliminary');
  const lines: ReportLine[] = [];
  const content = find(dataset, T.content)?.items ?? [];
  const whole = walk(content.map((c) => c.attributes), 0, lines);
  return { title: meaning(dataset, T.conceptName), status, lines, truncated: !whole };
}
