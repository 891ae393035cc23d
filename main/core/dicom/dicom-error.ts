export type DicomErrorCode = 'DICOMDIR_UNREADABLE';

/** Error with a stable code and a message a patient can act on; never carries patient data. */
export class DicomError extends Error {
  readonly code: DicomErrorCode;

  constructor(code: DicomErrorCode, message: string) {
    super(message);
    this.name = 'DicomError';
    this.code = code;
  }
}
