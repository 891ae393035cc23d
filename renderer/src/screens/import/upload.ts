import type { ScanVaultApi } from '../../../../shared/api';
import { UPLOAD_LIMITS, UPLOAD_REASONS } from '../../../../shared/api/upload';
import type { UploadFn } from '../../services';
import type { PickedFile } from './selection';

export type SendOutcome = { ok: true; uploadId: string } | { ok: false; message: string };

/** The browser host's limits, checked before anything is sent (the host checks them again). */
export function tooLargeToSend(files: readonly PickedFile[]): string | null {
  const oversized = files.find((f) => f.file.size > UPLOAD_LIMITS.maxFileBytes);
  if (oversized) return `“${oversized.relativePath}”: ${UPLOAD_REASONS.fileTooLarge}`;
  const total = files.reduce((sum, f) => sum + f.file.size, 0);
  return total > UPLOAD_LIMITS.maxUploadBytes ? UPLOAD_REASONS.uploadTooLarge : null;
}

/** What the sending is for, in the sentences that say what did not happen (import, or Check a copy). */
export interface SendWords { nothingDone: string; instead: string }
const IMPORT_WORDS: SendWords = { nothingDone: 'Nothing was imported', instead: 'import by typing its path instead' };

/**
 * Browser host: opens a staging area in the core's memory and sends each file to it, one at a
 * time, reporting how many are done. `shouldStop` lets the person stop sending.
 */
export async function sendFiles(
  api: ScanVaultApi,
  uploadFile: UploadFn,
  files: readonly PickedFile[],
  onProgress: (done: number) => void,
  shouldStop: () => boolean,
  words: SendWords = IMPORT_WORDS,
): Promise<SendOutcome> {
  const tooLarge = tooLargeToSend(files);
  if (tooLarge !== null) return { ok: false, message: `${tooLarge} Nothing was sent.` };
  const begun = await api.beginUpload({});
  if (!begun.ok) return { ok: false, message: begun.error.message };
  const { uploadId } = begun.value;
  for (const [index, picked] of files.entries()) {
    if (shouldStop()) return { ok: false, message: `Sending was stopped. ${words.nothingDone}; choose the files again when you are ready.` };
    let sent: { ok: boolean; reason?: string };
    try {
      sent = await uploadFile(uploadId, picked.relativePath, picked.file);
    } catch {
      return { ok: false, message: 'Sending the files stopped because ScanVault could not be reached. Check that “scanvault serve” is still running, then try again.' };
    }
    if (!sent.ok) {
      return { ok: false, message: `“${picked.relativePath}” could not be sent: ${sent.reason ?? 'unknown reason'}. ${words.nothingDone}; try again, or ${words.instead}.` };
    }
    onProgress(index + 1);
  }
  return { ok: true, uploadId };
}
