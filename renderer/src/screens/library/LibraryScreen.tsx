import { useEffect, useState } from 'react';
import type { Library } from '../../../../shared/domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';
import { PersonScreen } from '../people/PersonScreen';
import { PersonSection } from './PersonSection';

/** Everything in the vault: people, their studies (scan appointments) and series (sets of pictures). */
export function LibraryScreen({ onImport, onOpenStudy }: { onImport: () => void; onOpenStudy: (studyId: number) => void }) {
  const api = useApi();
  const [library, setLibrary] = useState<Library | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [openPerson, setOpenPerson] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void api.listLibrary({}).then((r) => {
      if (!live) return;
      if (r.ok) setLibrary(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  if (openPerson !== null) {
    // Coming back reloads the library: links and names may have changed.
    return <PersonScreen personId={openPerson} onBack={() => { setOpenPerson(null); setAttempt((n) => n + 1); }} />;
  }

  if (error) {
    return (
      <>
        <h1>Library</h1>
        <div className="stack">
          <ErrorAlert message={error} />
          <button type="button" className="button" onClick={() => { setError(null); setAttempt((n) => n + 1); }}>Try again</button>
        </div>
      </>
    );
  }
  if (!library) return <><h1>Library</h1><p className="muted" aria-live="polite">Opening your library…</p></>;

  if (library.people.length === 0) {
    return (
      <>
        <h1>Library</h1>
        <section className="card empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">Your vault is empty</h2>
          <p>Import scans from a CD, USB stick, download or zip file. They are copied in and encrypted; the originals stay as they are.</p>
          <button type="button" className="button button-primary" onClick={onImport}>Import scans</button>
        </section>
      </>
    );
  }

  return (
    <>
      <h1>Library</h1>
      <p className="lead">
        Scans are grouped by person, even when hospitals use different numbers for them. Each <strong>study</strong> is one scan appointment. A study holds one or more <strong>series</strong> — one set of pictures from a scan.
      </p>
      {library.people.map((person) => <PersonSection key={person.id} person={person} onOpen={() => setOpenPerson(person.id)} onOpenStudy={onOpenStudy} />)}
    </>
  );
}
