/** The top-level attributes the reader collects, as (group << 16 | element). */
export const Tag = {
  specificCharacterSet: 0x00080005,
  sopClassUid: 0x00080016,
  sopInstanceUid: 0x00080018,
  studyDate: 0x00080020,
  seriesDate: 0x00080021,
  studyTime: 0x00080030,
  accessionNumber: 0x00080050,
  modality: 0x00080060,
  institutionName: 0x00080080,
  referringPhysicianName: 0x00080090,
  studyDescription: 0x00081030,
  seriesDescription: 0x0008103e,
  patientName: 0x00100010,
  patientId: 0x00100020,
  issuerOfPatientId: 0x00100021,
  patientBirthDate: 0x00100030,
  patientSex: 0x00100040,
  bodyPartExamined: 0x00180015,
  studyInstanceUid: 0x0020000d,
  seriesInstanceUid: 0x0020000e,
  studyId: 0x00200010,
  seriesNumber: 0x00200011,
  instanceNumber: 0x00200013,
  samplesPerPixel: 0x00280002,
  photometricInterpretation: 0x00280004,
  planarConfiguration: 0x00280006,
  numberOfFrames: 0x00280008,
  rows: 0x00280010,
  columns: 0x00280011,
  bitsAllocated: 0x00280100,
  bitsStored: 0x00280101,
  pixelRepresentation: 0x00280103,
  directoryRecordSequence: 0x00041220,
  documentTitle: 0x00420010,
  encapsulatedDocument: 0x00420011,
  mimeTypeOfEncapsulatedDocument: 0x00420012,
  encapsulatedDocumentLength: 0x00420015,
  extendedOffsetTable: 0x7fe00001,
  floatPixelData: 0x7fe00008,
  doubleFloatPixelData: 0x7fe00009,
  pixelData: 0x7fe00010,
  // Inside DICOMDIR records:
  directoryRecordType: 0x00041430,
  referencedFileId: 0x00041500,
  recordInUseFlag: 0x00041410,
} as const;

export const COLLECTED_TAGS: ReadonlySet<number> = new Set(Object.values(Tag));

export const PIXEL_DATA_TAGS: ReadonlySet<number> = new Set([Tag.pixelData, Tag.floatPixelData, Tag.doubleFloatPixelData]);

export const MEDIA_STORAGE_DIRECTORY_SOP_CLASS = '1.2.840.10008.1.3.10';
