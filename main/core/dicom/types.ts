/** What the vault's index needs from one DICOM instance. Text is decoded Unicode, trimmed of padding. */
export interface DicomFacts {
  /** From the File Meta (0002,0010), or inferred (implicit LE etc.) when there is none; warnings say which. */
  transferSyntaxUid: string;
  hasFileMeta: boolean;
  /** Byte offset where the dataset after the File Meta group starts (0 if there is no meta). */
  datasetOffset: number;
  sopClassUid: string | null;
  sopInstanceUid: string | null;
  studyInstanceUid: string | null;
  seriesInstanceUid: string | null;
  specificCharacterSet: string | null;
  patient: { name: string | null; id: string | null; issuer: string | null; birthDate: string | null; sex: string | null };
  study: {
    date: string | null;
    time: string | null;
    description: string | null;
    accession: string | null;
    institution: string | null;
    referringPhysician: string | null;
    id: string | null;
  };
  series: { modality: string | null; bodyPart: string | null; description: string | null; number: number | null; date: string | null };
  image: {
    rows: number | null;
    columns: number | null;
    frames: number;
    bitsAllocated: number | null;
    samplesPerPixel: number | null;
    photometric: string | null;
    encapsulated: boolean;
    /**
     * Offset of the Pixel Data value (first byte after the element header). For the Deflated
     * transfer syntax (1.2.840.10008.1.2.1.99) offsets are into the inflated dataset, not the file.
     */
    pixelDataOffset: number | null;
    /** null = undefined length (encapsulated fragments). */
    pixelDataLength: number | null;
  };
  instanceNumber: number | null;
  /** Encapsulated Document (0042,0011), e.g. a PDF; offset/length of the value in the file bytes. */
  encapsulatedDocument: { mimeType: string; title: string | null; offset: number; length: number } | null;
}

export type DicomReadResult =
  | { kind: 'instance'; facts: DicomFacts; warnings: string[] }
  | { kind: 'dicomdir'; warnings: string[] }
  | { kind: 'not-dicom'; reason: string }
  | { kind: 'damaged'; reason: string };
