/**
 * Getting a chosen file to the core for attaching: its path in the desktop app, or (browser host)
 * a one-file upload held in the core's memory until it is stored encrypted. Also the words for
 * document kinds.
 */
import type { DocumentInfo } from '../../../../shared/api/ai-record';
import { UPLOAD_LIMITS, UPLOAD_REASONS } from '../../../../shared/api/upload';
import type { Services } from '../../services';

export type DocKind = DocumentInfo['docKind'];

export const DOC_KIND_LABELS: Record<DocKind, string> = {
  'consent-form': 'Consent form',
  'privacy-notice': 'Privacy notice',
  'letter-received': 'Letter you received',
  photo: 'Photo of a form or notice',
  other: 'Other document',
};

export type Source = { kind: 'path'; path: string } | { kind: 'upload'; uploadId: string };

export async function sourceForFile(services: Services, file: File): Promise<{ ok: true; source: Source } | { ok: false; message: string }> {
  if (services.pathForFile) return { ok: true, source: { kind: 'path', path: services.pathForFile(file) } };
  if (file.size > UPLOAD_LIMITS.maxFileBytes) return { ok: false, message: UPLOAD_REASONS.fileTooLarge };
  const begun = await services.api.beginUpload({});
  if (!begun.ok) return { ok: false, message: begun.error.message };
  try {
    const sent = await services.uploadFile(begun.value.uploadId, file.name || 'document', file);
    if (!sent.ok) return { ok: false, message: `The document could not be sent: ${sent.reason ?? 'unknown reason'}. Try again.` };
  } catch {
    return { ok: false, message: 'Sending the document stopped because ScanVault could not be reached. Check that “scanvault serve” is still running, then try again.' };
  }
  return { ok: true, source: { kind: 'upload', uploadId: begun.value.uploadId } };
}

/** "PDF" / "Photo" for the media type the core detected. */
export function mediaWord(mediaType: string): string {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('image/')) return 'Photo';
  return 'File';
}
