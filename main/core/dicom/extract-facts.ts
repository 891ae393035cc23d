/** Maps a parsed header to the facts the vault indexes, with plain-language warnings. */
import { parseCharacterSet, type CharacterSet } from './charset';
import { UNDEFINED_LENGTH } from './element-walker';
import type { ParsedHeader } from './header';
import { Tag } from './tags';
import { isDeflatedDataset } from './transfer-syntax';
import type { DicomFacts } from './types';
import { readAscii, readDate, readIntegerString, readText, readUint16, type ValueContext } from './values';

function valueContext(header: ParsedHeader): ValueContext {
  return { src: header.layout.dataset, encoding: header.layout.encoding, elements: header.elements };
}

function charsetWarnings(charset: CharacterSet): string[] {
  if (charset.unknown.length === 0) return [];
  const names = charset.unknown.join(', ');
  return [`The file names a character set this reader does not know (${names}); some letters in names may be shown wrongly`];
}

function patientAndStudy(ctx: ValueContext, charset: CharacterSet): Pick<DicomFacts, 'patient' | 'study'> {
  return {
    patient: {
      name: readText(ctx, Tag.patientName, charset),
      id: readText(ctx, Tag.patientId, charset),
      issuer: readText(ctx, Tag.issuerOfPatientId, charset),
      birthDate: readDate(ctx, Tag.patientBirthDate),
      sex: readAscii(ctx, Tag.patientSex),
    },
    study: {
      date: readDate(ctx, Tag.studyDate),
      time: readAscii(ctx, Tag.studyTime),
      description: readText(ctx, Tag.studyDescription, charset),
      accession: readText(ctx, Tag.accessionNumber, charset),
      institution: readText(ctx, Tag.institutionName, charset),
      referringPhysician: readText(ctx, Tag.referringPhysicianName, charset),
      id: readText(ctx, Tag.studyId, charset),
    },
  };
}

function imageFacts(header: ParsedHeader, ctx: ValueContext): DicomFacts['image'] {
  const frames = readIntegerString(ctx, Tag.numberOfFrames);
  const pixel = header.pixelData;
  return {
    rows: readUint16(ctx, Tag.rows),
    columns: readUint16(ctx, Tag.columns),
    frames: frames !== null && frames >= 1 ? frames : 1,
    bitsAllocated: readUint16(ctx, Tag.bitsAllocated),
    samplesPerPixel: readUint16(ctx, Tag.samplesPerPixel),
    photometric: readAscii(ctx, Tag.photometricInterpretation),
    encapsulated: pixel !== null && pixel.length === null,
    pixelDataOffset: pixel?.offset ?? null,
    pixelDataLength: pixel === null ? null : pixel.length,
  };
}

function encapsulatedDocument(header: ParsedHeader, ctx: ValueContext, charset: CharacterSet, warnings: string[]): DicomFacts['encapsulatedDocument'] {
  const ref = ctx.elements.get(Tag.encapsulatedDocument);
  if (ref === undefined || ref.length === UNDEFINED_LENGTH) return null;
  // Offsets are into the file's bytes; inside a deflated dataset there are none to give.
  if (isDeflatedDataset(header.layout.transferSyntaxUid)) {
    warnings.push('The document inside this file is stored compressed and could not be extracted');
    return null;
  }
  return {
    mimeType: readAscii(ctx, Tag.mimeTypeOfEncapsulatedDocument) ?? 'application/pdf',
    title: readText(ctx, Tag.documentTitle, charset),
    offset: ref.offset,
    length: ref.length,
  };
}

function uidsWithMetaFallback(header: ParsedHeader, ctx: ValueContext, warnings: string[]) {
  const meta = header.layout.meta;
  let sopInstanceUid = readAscii(ctx, Tag.sopInstanceUid);
  if (sopInstanceUid === null && meta?.mediaStorageSopInstanceUid) {
    sopInstanceUid = meta.mediaStorageSopInstanceUid;
    warnings.push("The file's data has no instance identifier (SOP Instance UID); the copy in its header block was used");
  }
  return {
    sopClassUid: readAscii(ctx, Tag.sopClassUid) ?? meta?.mediaStorageSopClassUid ?? null,
    sopInstanceUid,
    studyInstanceUid: readAscii(ctx, Tag.studyInstanceUid),
    seriesInstanceUid: readAscii(ctx, Tag.seriesInstanceUid),
  };
}

export function extractFacts(header: ParsedHeader): { facts: DicomFacts; warnings: string[] } {
  const ctx = valueContext(header);
  const specificCharacterSet = readAscii(ctx, Tag.specificCharacterSet);
  const charset = parseCharacterSet(specificCharacterSet);
  const warnings = charsetWarnings(charset);
  const facts: DicomFacts = {
    transferSyntaxUid: header.layout.transferSyntaxUid,
    hasFileMeta: header.layout.hasFileMeta,
    datasetOffset: header.layout.datasetOffset,
    ...uidsWithMetaFallback(header, ctx, warnings),
    specificCharacterSet,
    ...patientAndStudy(ctx, charset),
    series: {
      modality: readAscii(ctx, Tag.modality),
      bodyPart: readAscii(ctx, Tag.bodyPartExamined),
      description: readText(ctx, Tag.seriesDescription, charset),
      number: readIntegerString(ctx, Tag.seriesNumber),
      date: readDate(ctx, Tag.seriesDate),
    },
    image: imageFacts(header, ctx),
    instanceNumber: readIntegerString(ctx, Tag.instanceNumber),
    encapsulatedDocument: encapsulatedDocument(header, ctx, charset, warnings),
  };
  if (hasUndecodableText(facts)) warnings.push('Some text in the file could not be decoded with its declared character set');
  return { facts, warnings };
}

function hasUndecodableText(facts: DicomFacts): boolean {
  const texts = [facts.patient.name, facts.patient.id, facts.study.description, facts.series.description, facts.study.institution];
  return texts.some((text) => text?.includes('\ufffd') === true);
}
