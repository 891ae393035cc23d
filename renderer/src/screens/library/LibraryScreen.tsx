import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportListItem, LibraryFilters, LibraryStudy, RemovalResult, RemovalTarget } from '../../../../shared/api/library-query';
import type { PersonListItem } from '../../../../shared/api/people';
import { describeRemovalResult } from '../../../../shared/removal-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDicomDate, plural } from '../../format';
import { useApi } from '../../services';
import { PersonScreen } from '../people/PersonScreen';
import { ImportsPanel } from './ImportsPanel';
import { LibrarySearch, withValue } from './LibrarySearch';
import { PeoplePanel } from './PeoplePanel';
import { RemoveDialog } from './RemoveDialog';
import { StudyResults } from './StudyResults';
import { useStudyPages, type StudySearch } from './useStudyPages';

interface Props {
  onImport: () => void;
  onOpenStudy: (studyId: number) => void;
  /** Starts the share wizard with this study ticked. */
  onShare?: (studyId: number) => void;
}

const NO_SEARCH: StudySearch = { sort: 'date-newest' };

interface Side { filters: LibraryFilters; people: PersonListItem[]; imports: ImportListItem[] }

/**
 * Everything in the vault: a search with filters over all studies, the matching studies as one
 * virtualised list (fetched page by page from the database), the people and the imports.
 */
export function LibraryScreen({ onImport, onOpenStudy, onShare }: Props) {
  const api = useApi();
  const [side, setSide] = useState<Side | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState<StudySearch>(NO_SEARCH);
  const [reload, setReload] = useState(0);
  const [openPerson, setOpenPerson] = useState<number | null>(null);
  const [removing, setRemoving] = useState<{ target: RemovalTarget; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const pages = useStudyPages(search, reload);

  useEffect(() => {
    let live = true;
    void Promise.all([api.getLibraryFilters({}), api.listPeople({}), api.listImports({})]).then(([f, p, i]) => {
      if (!live) return;
      if (f.ok && p.ok && i.ok) setSide({ filters: f.value, people: p.value.people, imports: i.value.imports });
      else setError((!f.ok ? f.error : !p.ok ? p.error : !i.ok ? i.error : null)?.message ?? null);
    });
    return () => {
      live = false;
    };
  }, [api, reload]);

  const change = useCallback((next: StudySearch) => { setNotice(null); setSearch(next); }, []);
  const clear = useCallback(() => change(NO_SEARCH), [change]);

  const removed = (result: RemovalResult) => {
    setRemoving(null);
    setNotice(describeRemovalResult(result));
    setReload((n) => n + 1);
    // The card that opened the dialog may be gone; the outcome is where focus continues.
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  if (openPerson !== null) {
    // Coming back reloads the library: links and names may have changed.
    return <PersonScreen personId={openPerson} onBack={() => { setOpenPerson(null); setReload((n) => n + 1); }} />;
  }

  const failure = error ?? pages.error;
  if (failure) {
    return (
      <>
        <h1>Library</h1>
        <div className="stack">
          <ErrorAlert message={failure} />
          <button type="button" className="button" onClick={() => { setError(null); setReload((n) => n + 1); pages.retry(); }}>Try again</button>
        </div>
      </>
    );
  }
  if (!side) return <><h1>Library</h1><p className="muted" aria-live="polite">Opening your library…</p></>;

  if (side.filters.studyCount === 0 && side.imports.length === 0) {
    return (
      <>
        <h1>Library</h1>
        {notice && <p ref={noticeRef} tabIndex={-1} role="status" className="alert">{notice}</p>}
        <section className="card empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">Your vault is empty</h2>
          <p>Import scans from a CD, USB stick, download or zip file. They are copied in and encrypted; the originals stay as they are.</p>
          <button type="button" className="button button-primary" onClick={onImport}>Import scans</button>
        </section>
      </>
    );
  }

  const fromImport = search.importId !== undefined ? side.imports.find((i) => i.id === search.importId) : undefined;
  const filtered = Object.keys(search).some((k) => k !== 'sort');
  const removeStudy = (s: LibraryStudy) =>
    setRemoving({ target: { kind: 'study', id: s.id }, name: `${formatDicomDate(s.date) ?? 'Date not recorded'}: ${s.description ?? 'No description'}` });
  const removeSeries = (s: LibraryStudy, seriesId: number) => {
    const se = s.series.find((x) => x.id === seriesId);
    const name = `${se?.seriesNumber != null ? `Series ${se.seriesNumber}` : 'Series'}${se?.description ? `: ${se.description}` : ''} (${s.description ?? 'no description'})`;
    setRemoving({ target: { kind: 'series', id: seriesId }, name });
  };

  return (
    <>
      <h1>Library</h1>
      <p className="lead">
        Each <strong>study</strong> is one scan appointment. A study holds one or more <strong>series</strong> — one set of pictures from a scan. Search and filter to find one, then open it.
      </p>
      {notice && <p ref={noticeRef} tabIndex={-1} role="status" className="alert">{notice}</p>}
      <PeoplePanel people={side.people} shownPersonId={search.personId} onOpenPerson={setOpenPerson}
        onShowStudies={(id) => change(withValue(search, 'personId', search.personId === id ? undefined : id))} />
      <ImportsPanel imports={side.imports} onShowStudies={(id) => change(withValue(search, 'importId', id))}
        onRemove={(i) => setRemoving({ target: { kind: 'import', id: i.id }, name: i.sourceLabel })} />
      <LibrarySearch search={search} filters={side.filters} onChange={change} onClear={clear} />
      {fromImport && (
        <p className="library-count">
          Showing only what came from <bdi>{fromImport.sourceLabel}</bdi>.{' '}
          <button type="button" className="button-quiet" onClick={() => change(withValue(search, 'importId', undefined))}>Show studies from every import</button>
        </p>
      )}
      <p className="library-count" role="status" aria-live="polite">
        {pages.total === null ? 'Searching…' : pages.total === 0 ? '' : `${plural(pages.total, 'study', 'studies')}${filtered ? ' match' : ' in the vault'}`}
      </p>
      {pages.total === 0 && (
        <section className="card empty-state" aria-labelledby="no-match-title">
          <h2 id="no-match-title">No studies match</h2>
          <p>Nothing in the vault matches this search and these filters. Check the spelling, or clear the search to see every study.</p>
          <button type="button" className="button button-primary" onClick={clear}>Clear search</button>
        </section>
      )}
      {pages.total !== null && pages.total > 0 && (
        <StudyResults pages={pages} total={pages.total} onOpenStudy={onOpenStudy} onShare={onShare} onRemoveStudy={removeStudy} onRemoveSeries={removeSeries} />
      )}
      {removing && <RemoveDialog target={removing.target} name={removing.name} onDone={removed} onCancel={() => setRemoving(null)} />}
    </>
  );
}
