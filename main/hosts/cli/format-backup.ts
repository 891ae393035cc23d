import type { BackupReport, RestoreReport } from '../../../shared/domain';
import { formatVerifyReport } from './format-integrity';
import { formatBytes } from './progress';

export function formatBackupReport(r: BackupReport): string {
  const what = r.layout === 'file'
    ? `Backup file written and checked: ${r.blobs} stored file(s) and the index (${formatBytes(r.bytesWritten)}).`
    : `Backup folder brought up to date and checked: ${r.blobs} stored file(s), ${r.copiedBlobs} of them new this time.`;
  const lines = [what, 'It opens with the vault’s passphrase or recovery key. Keep it on another drive, away from this computer.'];
  if (r.anchor) lines.push('', `Anchor at the time of the backup: ${r.anchor}`);
  return lines.join('\n') + '\n';
}

export function formatRestoreReport(r: RestoreReport): string {
  const head = r.verifyReport.ok
    ? `Restored ${r.blobs} stored file(s) and the index, and checked the restored vault.`
    : `Restored ${r.blobs} stored file(s), but the check of the restored vault found problems:`;
  const next = r.verifyReport.ok ? ['It opens with the same passphrase or recovery key as the vault the backup came from.'] : [];
  return [head, ...next, '', formatVerifyReport(r.verifyReport)].join('\n');
}
