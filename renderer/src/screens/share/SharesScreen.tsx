import { useEffect, useId, useState } from 'react';
import type { PersonListItem } from '../../../../shared/api/people';
import type { PersonSummary } from '../../../../shared/domain';
import type { ShareRecord } from '../../../../shared/share/share-domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { PrintPreview } from '../exams/PrintPreview';
import { personLabel } from '../people/profile-draft';
import { AccountingPrint } from './AccountingPrint';
import { OutsideShareForm } from './OutsideShareForm';
import { ShareWizard } from './ShareWizard';
import { SharesTable } from './SharesTable';
import { csvFileName } from './share-text';

interface Props {
  /** Non-null: the wizard is open, with these studies (row ids) ticked. */
  wizard: readonly number[] | null;
  onWizard: (studyIds: readonly number[] | null) => void;
  nativeDialogs: boolean;
}

/** "Shares": the share wizard, or the patient's record of shares (accounting of disclosures) with CSV, print and outside shares. */
export function SharesScreen({ wizard, onWizard, nativeDialogs }: Props) {
  if (wizard !== null) {
    return (
      <>
        <h1>Share scans</h1>
        <ShareWizard initialStudyIds={wizard} nativeDialogs={nativeDialogs} onClose={() => onWizard(null)} />
      </>
    );
  }
  return <ShareHistory onShare={() => onWizard([])} />;
}

function ShareHistory({ onShare }: { onShare: () => void }) {
  const api = useApi();
  const pickerId = useId();
  const [people, setPeople] = useState<PersonListItem[]>([]);
  const [library, setLibrary] = useState<PersonSummary[]>([]);
  const [personId, setPersonId] = useState<number | null>(null);
  const [shares, setShares] = useState<ShareRecord[] | null>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const csv = useAction();
  const [csvDone, setCsvDone] = useState('');

  useEffect(() => {
    let live = true;
    void Promise.all([api.listPeople({}), api.listLibrary({}), api.getSigningKey({})]).then(([p, l, k]) => {
      if (!live) return;
      if (p.ok) {
        setPeople(p.value.people);
        setPersonId((current) => current ?? p.value.people.find((x) => x.studyCount > 0)?.id ?? p.value.people[0]?.id ?? null);
      }
      if (l.ok) setLibrary(l.value.people);
      if (k.ok) setFingerprint(k.value.fingerprint);
    });
    return () => { live = false; };
  }, [api]);

  useEffect(() => {
    let live = true;
    void api.listShares(personId === null ? {} : { personId }).then((r) => {
      if (!live) return;
      if (r.ok) { setShares(r.value.shares); setLoadError(null); } else setLoadError(r.error.message);
    });
    return () => { live = false; };
  }, [api, personId, reload]);

  const person = people.find((p) => p.id === personId) ?? null;
  const name = person ? personLabel(person) : null;
  const saveCsv = async () => {
    setCsvDone('');
    const got = await csv.run(() => api.getSharesCsv(personId === null ? {} : { personId }));
    if (!got) return;
    // An export the patient asked for: the browser saves it where downloads go.
    const url = URL.createObjectURL(new Blob([got.csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = csvFileName(name, isoDateOf(new Date()));
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setCsvDone(`Saved as ${a.download} in your downloads. It is not encrypted: keep it somewhere safe.`);
  };

  if (printing && shares) {
    return (
      <PrintPreview title={`Record of shares${name ? ` — ${name}` : ''}`} backLabel="← Back to the record of shares" onBack={() => setPrinting(false)}>
        <AccountingPrint shares={shares} personName={name} fingerprint={fingerprint} />
      </PrintPreview>
    );
  }
  const libraryPerson = library.find((p) => p.id === personId);
  return (
    <>
      <h1>Shares</h1>
      <p className="lead">Send a copy of your scans to a doctor for a second opinion, and keep a record of everyone who received your scans — from ScanVault or from elsewhere.</p>
      <div className="stack">
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={onShare}>Share scans…</button>
        </div>
        <section className="card" aria-labelledby="key-title">
          <h2 id="key-title">Your signing key</h2>
          <p>Every copy ScanVault makes is signed with this key. Give it to the doctor by phone or letter, not with the copy, so they can check nothing was changed on the way.</p>
          {fingerprint ? <p><code className="fingerprint" data-testid="signing-key">{fingerprint}</code></p> : <p className="muted">The key is not available right now.</p>}
        </section>
        <section className="card" aria-labelledby="log-title">
          <h2 id="log-title">Record of shares</h2>
          <p>Who received your scans, when and why: what US law calls an accounting of disclosures. Save it or print it for your own files or for a request.</p>
          {people.length > 0 && (
            <div className="field">
              <label htmlFor={pickerId}>Whose record</label>
              <select id={pickerId} value={personId ?? ''} onChange={(e) => setPersonId(Number(e.target.value))}>
                {people.map((p) => <option key={p.id} value={p.id}>{personLabel(p)}</option>)}
              </select>
            </div>
          )}
          <ErrorAlert message={loadError} />
          {shares && shares.length === 0 && <p>No shares are recorded for {name ?? 'this person'} yet.</p>}
          {shares && shares.length > 0 && <SharesTable shares={shares} caption={`Shares of ${name ?? 'everyone'}, newest first`} />}
          <div className="button-row">
            <button type="button" className="button" disabled={!shares || shares.length === 0 || csv.busy} onClick={() => void saveCsv()}>Save as CSV</button>
            <button type="button" className="button" disabled={!shares || shares.length === 0} onClick={() => setPrinting(true)}>Print…</button>
            <p className="success" role="status">{csvDone}</p>
          </div>
          <ErrorAlert message={csv.error} />
        </section>
        <section className="card" aria-labelledby="outside-title">
          <h2 id="outside-title">Record a share made elsewhere</h2>
          {!adding && <button type="button" className="button" disabled={!libraryPerson} onClick={() => setAdding(true)}>Record a share made elsewhere…</button>}
          {adding && libraryPerson && <OutsideShareForm person={libraryPerson} onRecorded={() => setReload((n) => n + 1)} />}
        </section>
      </div>
    </>
  );
}
