/**
 * Why a document's text could not be read. `message` is safe to show the patient (no file name,
 * no document text, no path) and says what to do next; `reason` lets the caller pick an error code.
 */
export type DocumentTextFailure = 'unsupported-type' | 'damaged' | 'password-protected' | 'no-text-layer' | 'cancelled';

const MESSAGES: Record<DocumentTextFailure, string> = {
  'unsupported-type': 'ScanVault can read consent forms saved as PDF, or photos saved as JPEG or PNG. Save or export the document in one of those forms and attach it again.',
  damaged: 'This document could not be opened: the file looks damaged or incomplete. Open it in another program to check it, or attach a fresh copy.',
  'password-protected': 'This PDF is locked with a password, so ScanVault cannot read it. Open it with its password in a PDF program, save or print an unlocked copy, and attach that.',
  'no-text-layer': 'This PDF holds pictures of pages but no text ScanVault can read. Take a photo of each page (JPEG or PNG) and attach those instead.',
  cancelled: 'Reading the document was cancelled. Nothing was changed.',
};

export class DocumentTextError extends Error {
  /** Only `cancelled` matches an existing error code; the others are for the caller to map. */
  readonly code: 'CANCELLED' | undefined;
  constructor(readonly reason: DocumentTextFailure) {
    super(MESSAGES[reason]);
    this.name = 'DocumentTextError';
    this.code = reason === 'cancelled' ? 'CANCELLED' : undefined;
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DocumentTextError('cancelled');
}
