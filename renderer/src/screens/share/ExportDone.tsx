import { useEffect, useRef } from 'react';
import type { ExportReport } from '../../../../shared/share/share-domain';
import { plural } from '../../format';

/** After the export: where the copy is, the key fingerprint to give by another channel, and how the doctor checks it. */
export function ExportDone({ report, onHistory, onAnother }: { report: ExportReport; onHistory: () => void; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card result-good share-done" aria-labelledby="share-done-title">
      <h2 id="share-done-title" ref={heading} tabIndex={-1}>The copy is ready</h2>
      <dl className="share-summary">
        <div><dt>Where it is</dt><dd>{report.destination.kind === 'folder' ? 'Folder' : 'Zip file'}: <span className="path"><bdi>{report.destination.path}</bdi></span></dd></div>
        <div><dt>What is in it</dt><dd>{plural(report.files, 'file', 'files')}{report.masked.length > 0 ? `, ${plural(report.masked.length, 'picture', 'pictures')} with text covered` : ''}{report.heldBack.length > 0 ? `; ${plural(report.heldBack.length, 'item was', 'items were')} left out` : ''}</dd></div>
        {report.pseudonym && <div><dt>Name the doctor sees</dt><dd><code>{report.pseudonym}</code></dd></div>}
        <div><dt>Package fingerprint (SHA-256)</dt><dd><code className="hash" data-testid="package-hash">{report.packageSha256}</code></dd></div>
        <div><dt>Your signing key</dt><dd><code className="fingerprint" data-testid="export-fingerprint">{report.fingerprint}</code></dd></div>
      </dl>
      {report.conversions.length > 0 && (
        <p>Changed on the way, without changing any value: {report.conversions.map((c) => `${c.conversion} (${plural(c.files, 'file', 'files')})`).join('; ')}.</p>
      )}
      <h3>Tell the doctor how to check it</h3>
      <p>
        The copy is signed with your vault’s own key. Give the doctor the signing key above <strong>by another way than the copy itself</strong> —
        read it out on the phone, or write it in a letter. The doctor runs <code className="nowrap">scanvault verify-export</code> on the folder or zip with that key
        (<code>--fingerprint</code>): it says whether every file is exactly as you sent it. The README in the copy explains this too.
      </p>
      <p>The copy is not encrypted. Once the doctor has it, you can delete your copy of the folder or zip. This share is now in your record of shares.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={onHistory}>See your record of shares</button>
        <button type="button" className="button" onClick={onAnother}>Share something else</button>
      </div>
    </section>
  );
}
