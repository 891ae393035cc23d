/** Recognises common non-DICOM files so the patient is told what the file is instead. */

interface Signature {
  offset: number;
  bytes: number[];
  reason: string;
}

const program = 'Not a DICOM file (a program)';
const SIGNATURES: Signature[] = [
  { offset: 0, bytes: [0x1f, 0x8b], reason: 'Compressed with gzip — unpack it first' },
  { offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04], reason: 'A ZIP archive — unpack it first' },
  { offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06], reason: 'An empty ZIP archive — there is nothing in it to import' },
  { offset: 0, bytes: [0x25, 0x50, 0x44, 0x46], reason: 'Not a DICOM file (a PDF document)' },
  { offset: 0, bytes: [0x4d, 0x5a], reason: program },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], reason: program },
  { offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xce], reason: program },
  { offset: 0, bytes: [0xfe, 0xed, 0xfa, 0xcf], reason: program },
  { offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe], reason: program },
  { offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], reason: program },
  { offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], reason: program },
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47], reason: 'Not a DICOM file (a PNG picture)' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], reason: 'Not a DICOM file (a JPEG picture)' },
  { offset: 0, bytes: [0x47, 0x49, 0x46, 0x38], reason: 'Not a DICOM file (a GIF picture)' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: 'A 7-Zip archive — unpack it first' },
  { offset: 0, bytes: [0x52, 0x61, 0x72, 0x21], reason: 'A RAR archive — unpack it first' },
];

/** A reason when the file starts with a known non-DICOM signature, else null. */
export function knownNonDicomReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Not a DICOM file (the file is empty)';
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => bytes[signature.offset + i] === byte)) return signature.reason;
  }
  return null;
}

const TEXT_SAMPLE = 4096;

function looksLikeText(sample: Uint8Array): boolean {
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control <= sample.length / 100;
}

/** The reason given for a file that is neither DICOM nor a known signature. */
export function unrecognisedReason(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, TEXT_SAMPLE);
  if (looksLikeText(sample)) {
    const head = new TextDecoder('latin1').decode(sample.subarray(0, 512)).trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'Not a DICOM file (a web page)';
    return 'Not a DICOM file (a text file)';
  }
  return 'Not a DICOM file (its format is not recognised)';
}
