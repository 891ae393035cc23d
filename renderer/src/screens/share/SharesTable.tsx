import type { ShareRecord } from '../../../../shared/share/share-domain';
import { formatDicomDate } from '../../format';
import { itemsLine, optionWords, recipientLine } from './share-text';

/** The accounting of disclosures as a table: one row per share, newest first (the print view uses it too). */
export function SharesTable({ shares, caption }: { shares: readonly ShareRecord[]; caption: string }) {
  return (
    // Focusable, so a table wider than the screen can be scrolled with the keyboard.
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="share-table shares-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th><th scope="col">Recipient</th><th scope="col">Purpose</th><th scope="col">How</th>
            <th scope="col">What was shared</th><th scope="col">Profile, options, made-up name and package fingerprint</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.id}>
              <td className="nowrap">{formatDicomDate(s.date) ?? s.date}</td>
              <td><bdi>{recipientLine(s.recipient)}</bdi>{s.recipient.contact && <><br /><span className="muted"><bdi>{s.recipient.contact}</bdi></span></>}</td>
              <td><bdi>{s.purpose}</bdi>{s.note && <><br /><span className="muted"><bdi>{s.note}</bdi></span></>}</td>
              <td>{s.method}{s.outside ? <><br /><span className="muted">Made outside ScanVault</span></> : null}{s.documentId !== null ? <><br /><span className="muted">Letter attached</span></> : null}</td>
              <td><bdi>{itemsLine(s)}</bdi></td>
              <td className="share-protection">
                {s.profile ?? '—'}
                {s.options.length > 0 && <ul className="plain-list">{s.options.map((o) => <li key={o}>{optionWords(o)}</li>)}</ul>}
                {s.pseudonym && <p>Made-up name: <code>{s.pseudonym}</code></p>}
                {s.packageSha256 && <p>Package: <code className="hash">{s.packageSha256}</code></p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
