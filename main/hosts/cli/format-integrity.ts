/** Plain-text reports of the integrity commands (verify, backup, restore). */
import type { VerifyReport } from '../../../shared/domain';

const WHAT_TO_DO_DAMAGE = [
  'What to do:',
  '  1. Do not delete or change anything in the vault folder.',
  '  2. Restore your most recent backup into a new folder: scanvault restore BACKUP --vault NEWFOLDER',
  '  3. Check the restored vault (scanvault --vault NEWFOLDER verify) and use it from then on.',
  '  If you have no backup, copy the whole vault folder somewhere safe before trying anything else.',
];

export function formatVerifyReport(r: VerifyReport): string {
  const checked = `${r.pagesChecked} database page(s), ${r.blobsChecked} stored file(s) and ${r.eventsChecked} history entries`;
  const lines = r.ok
    ? [`All good: checked ${checked}. Every stored file matches its fingerprint, the index is intact and the history log is unbroken.`]
    : [r.pagesChecked === 0 && r.blobsChecked === 0 ? 'Problems found: the vault could not be opened for checking.' : `Problems found after checking ${checked}:`, ...r.problems.map((p) => `  - ${p.message}`), '', ...WHAT_TO_DO_DAMAGE];
  if (r.anchorCheck?.found) lines.push(`The history log still contains the point you gave (${r.anchorCheck.anchor.split(':')[0]}): nothing before it was rewritten or cut.`);
  if (r.anchor) lines.push('', `Anchor (note it down to prove later that history was not rewritten): ${r.anchor}`);
  return lines.join('\n') + '\n';
}

/** The report when the vault could not even be opened because its index is damaged. */
export function unopenableReport(message: string): VerifyReport {
  return { ok: false, blobsChecked: 0, eventsChecked: 0, pagesChecked: 0, anchor: null, problems: [{ kind: 'database-unreadable', message }] };
}
