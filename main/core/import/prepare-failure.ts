/**
 * Keeps a failure to prepare one file that file's own: whatever preparing throws (a buffer past
 * 2 GiB, ERR_FS_FILE_TOO_LARGE, ENOMEM, a full disk, a worker gone, a bug) becomes a
 * 'read-failed' outcome with a plain reason, and the import goes on with the next file. Only a
 * vault that locked mid-way still ends the import: nothing after it could be stored.
 */
import type { Logger } from '../log';
import { errnoToCode } from '../sources/errno-codes';
import { ERROR_MESSAGES } from '../sources/messages';
import type { SourceFile } from '../sources/types';
import { isVaultError, type OpenVault } from '../vault/vault';
import type { PreparedFile } from './prepare-file';
import type { Preparer } from './prepare-pool';

export const FAILURE_REASONS = {
  TOO_LARGE: 'This file is larger than ScanVault can handle in one piece, so it was not imported. The other files were imported; keep the original of this one.',
  OUT_OF_MEMORY: 'The computer ran out of memory while importing this file. Close other programs, then import again: files already imported are kept.',
  DISK_FULL: 'The disk that holds your vault is full, so this file could not be stored. Free some space, then import again: files already imported are kept.',
  UNEXPECTED: 'This file could not be imported because of an unexpected problem. Import it again; if it keeps failing, copy it to your computer and import the copy.',
} as const;

type FailureKind = keyof typeof FAILURE_REASONS;

function classify(err: unknown): { kind: FailureKind; code: string } | { sourceMessage: string; code: string } {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (err instanceof RangeError || code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_BUFFER_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') {
    return { kind: 'TOO_LARGE', code: 'FILE_TOO_LARGE' };
  }
  if (code === 'ENOMEM' || code === 'ERR_WORKER_OUT_OF_MEMORY') return { kind: 'OUT_OF_MEMORY', code: 'OUT_OF_MEMORY' };
  if (code === 'ENOSPC' || code === 'EDQUOT') return { kind: 'DISK_FULL', code: 'DISK_FULL' };
  const source = errnoToCode(err);
  if (source !== null) return { sourceMessage: ERROR_MESSAGES[source], code: source };
  return { kind: 'UNEXPECTED', code: 'UNEXPECTED' };
}

/** The outcome recorded for `file` when preparing it threw `err`; rethrows when the vault locked. */
export function failedPreparation(vault: OpenVault, file: SourceFile, err: unknown, log: Logger): PreparedFile {
  const lockedInWorker = typeof err === 'object' && err !== null && 'code' in err && err.code === 'VAULT_LOCKED';
  if (isVaultError(err, 'VAULT_LOCKED') || lockedInWorker || !vault.isOpen) throw err;
  const found = classify(err);
  // Codes only: error texts can hold paths.
  log.warn('import.file-failed', {}, found.code);
  const error = 'sourceMessage' in found ? found.sourceMessage : FAILURE_REASONS[found.kind];
  return { kind: 'read-failed', path: file.relativePath, size: file.size, error };
}

/** `inner`, with every failure to prepare one file turned into that file's outcome. */
export function perFileFailures(vault: OpenVault, inner: Preparer, log: Logger): Preparer {
  return {
    get filesAhead() {
      return inner.filesAhead;
    },
    prepare: async (file) => {
      try {
        return await inner.prepare(file);
      } catch (err) {
        return failedPreparation(vault, file, err, log);
      }
    },
    close: () => inner.close(),
  };
}
