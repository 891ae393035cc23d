import type { ShareRecord } from '../../../../shared/share/share-domain';
import { formatDicomDate, isoDateOf } from '../../format';
import { SharesTable } from './SharesTable';

/** The record of shares as it prints: title, whose, when printed, the table, the signing key. */
export function AccountingPrint({ shares, personName, fingerprint }: { shares: readonly ShareRecord[]; personName: string | null; fingerprint: string | null }) {
  return (
    <article className="print-doc accounting" aria-label="Record of shares">
      <h1>Record of shares{personName ? <>: <bdi>{personName}</bdi></> : null}</h1>
      <p>Everyone who received copies of these medical images, as recorded in ScanVault. Printed {formatDicomDate(isoDateOf(new Date()))}.</p>
      <SharesTable shares={shares} caption="Shares, newest first" />
      {fingerprint && <p className="accounting-key">Copies made by ScanVault are signed with the key <code>{fingerprint}</code>.</p>}
    </article>
  );
}
