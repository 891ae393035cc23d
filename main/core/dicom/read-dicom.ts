/**
 * Entry point of the DICOM reading layer: decides what a file is and extracts what the vault's
 * index needs. Our own tolerant walker reads every file; dcmjs is not used at run time because it
 * throws on ISO 2022 character sets, missing meta and other files dcmtk reads, and one reader
 * gives one behaviour to test. Nothing here copies pixel data.
 */
import { extractFacts } from './extract-facts';
import { frameCountWarning } from './frame-count';
import { parseHeader, type HeaderResult, type ParsedHeader } from './header';
import { MEDIA_STORAGE_DIRECTORY_SOP_CLASS, Tag } from './tags';
import type { DicomFacts, DicomReadResult } from './types';

export type { DicomFacts, DicomReadResult } from './types';

const TRUNCATED_HEADER = 'The file ends early, inside its descriptive information; some details may be missing';
const GARBLED_HEADER = "Part of the file's descriptive information is garbled; some details may be missing";
const TRUNCATED_PIXELS = 'The file ends before the image data is complete; the image may be cut off';

function isDicomdir(header: ParsedHeader): boolean {
  if (header.layout.meta?.mediaStorageSopClassUid === MEDIA_STORAGE_DIRECTORY_SOP_CLASS) return true;
  return header.elements.has(Tag.directoryRecordSequence) && !header.elements.has(Tag.sopInstanceUid);
}

/** The index cannot place an instance without its own identifier and its study. */
function hasIndexFields(facts: DicomFacts): boolean {
  return facts.sopInstanceUid !== null && facts.studyInstanceUid !== null;
}

export function readDicom(bytes: Uint8Array): DicomReadResult {
  return readParsed(parseHeader(bytes));
}

/**
 * The same judgement from a parsed header, also one parsed from only the start of a large file
 * (parseHeader(prefix, fileSize)) once its walk reached the pixel data.
 */
export function readParsed(header: HeaderResult): DicomReadResult {
  if (header.kind !== 'header') return header;
  const warnings = [...header.layout.warnings];
  if (isDicomdir(header)) return { kind: 'dicomdir', warnings };
  const extracted = extractFacts(header);
  warnings.push(...extracted.warnings);
  const readCompletely = header.outcome === 'end' || header.outcome === 'stopped';
  if (!readCompletely) {
    if (!hasIndexFields(extracted.facts)) {
      return header.outcome === 'truncated'
        ? { kind: 'damaged', reason: 'The file ends too early: it is incomplete and cannot be read' }
        : { kind: 'damaged', reason: "The file's contents are garbled and cannot be read" };
    }
    warnings.push(header.outcome === 'truncated' ? TRUNCATED_HEADER : GARBLED_HEADER);
  }
  if (header.pixelData !== null && !header.pixelData.complete) warnings.push(TRUNCATED_PIXELS);
  const frames = frameCountWarning(header, extracted.facts.image);
  if (frames !== null) warnings.push(frames);
  return { kind: 'instance', facts: extracted.facts, warnings };
}
