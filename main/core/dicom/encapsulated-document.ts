/**
 * The document inside an Encapsulated PDF (or CDA...) instance, as a view of the file's bytes:
 * the Encapsulated Document (0042,0011) value without the pad byte DICOM adds to reach an even
 * length. Deflated files are inflated in memory first (never written anywhere).
 */
import { readAscii } from './values';
import { UNDEFINED_LENGTH } from './element-walker';
import { parseHeader, type ParsedHeader } from './header';
import { Tag } from './tags';

export interface EncapsulatedDocument {
  mimeType: string | null;
  bytes: Uint8Array;
}

export function extractEncapsulatedDocument(file: Uint8Array): EncapsulatedDocument | null {
  const header = parseHeader(file);
  if (header.kind !== 'header') return null;
  const src = header.layout.dataset;
  const ref = header.elements.get(Tag.encapsulatedDocument);
  if (ref === undefined || ref.length === UNDEFINED_LENGTH || ref.offset + ref.length > src.bytes.length) return null;
  const value = src.bytes.subarray(ref.offset, ref.offset + ref.length);
  const ctx = { src, encoding: header.layout.encoding, elements: header.elements };
  return { mimeType: readAscii(ctx, Tag.mimeTypeOfEncapsulatedDocument), bytes: value.subarray(0, documentLength(header, value)) };
}

/** (0042,0015) gives the exact length when present; otherwise one trailing NUL is the padding, as dcmtk's dcm2pdf reads it. */
function documentLength(header: ParsedHeader, value: Uint8Array): number {
  const declared = declaredLength(header);
  if (declared !== null && declared <= value.length && value.length - declared <= 1) return declared;
  return value.length > 0 && value[value.length - 1] === 0 ? value.length - 1 : value.length;
}

function declaredLength(header: ParsedHeader): number | null {
  const ref = header.elements.get(Tag.encapsulatedDocumentLength);
  if (ref === undefined || ref.length !== 4) return null;
  return header.layout.dataset.view.getUint32(ref.offset, header.layout.encoding.littleEndian);
}
