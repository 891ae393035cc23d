import { useEffect, useId, useState } from 'react';
import type { LibraryFilters, StudySort } from '../../../../shared/api/library-query';
import { formatPersonName, modalityLabel } from '../../format';
import type { StudySearch } from './useStudyPages';

interface Props {
  search: StudySearch;
  filters: LibraryFilters;
  onChange: (search: StudySearch) => void;
  onClear: () => void;
}

const SORTS: { value: StudySort; label: string }[] = [
  { value: 'date-newest', label: 'Date, newest first' },
  { value: 'date-oldest', label: 'Date, oldest first' },
  { value: 'patient-name', label: 'Name on the scans' },
  { value: 'description', label: 'Description' },
];

/** Typing pauses this long before the search runs, so each key press does not start a query. */
const TYPING_PAUSE_MS = 250;

/** Search box, filters and sort for the library; every control labelled, all of it a search landmark. */
export function LibrarySearch({ search, filters, onChange, onClear }: Props) {
  const id = useId();
  const [text, setText] = useState(search.text ?? '');
  useEffect(() => setText(search.text ?? ''), [search.text]);
  useEffect(() => {
    if (text === (search.text ?? '')) return;
    const timer = setTimeout(() => onChange(withValue(search, 'text', text.trim() === '' ? undefined : text)), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, search, onChange]);

  const select = (key: 'modality' | 'bodyPart' | 'source' | 'facility', label: string, options: string[], show: (v: string) => string = (v) => v) =>
    options.length > 0 && (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <select id={`${id}-${key}`} value={search[key] ?? ''} onChange={(e) => onChange(withValue(search, key, e.target.value || undefined))}>
          <option value="">All</option>
          {options.map((o) => <option key={o} value={o}>{show(o)}</option>)}
        </select>
      </div>
    );

  return (
    <div role="search" className="library-search" aria-label="Search the library">
      <div className="library-search-row">
        <div className="field library-search-text">
          <label htmlFor={`${id}-text`}>Search</label>
          <input id={`${id}-text`} type="search" value={text} aria-describedby={`${id}-hint`} onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') onChange(withValue(search, 'text', text.trim() === '' ? undefined : text)); }} />
          <small id={`${id}-hint`} className="muted">Name, description, body part, hospital or where the copy came from</small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={search.sort ?? 'date-newest'} onChange={(e) => onChange({ ...search, sort: e.target.value as StudySort })}>
            {SORTS.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select>
        </div>
      </div>
      <div className="library-search-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>From date</label>
          <input id={`${id}-from`} type="date" value={search.from ?? ''} max={search.to} onChange={(e) => onChange(withValue(search, 'from', e.target.value || undefined))} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To date</label>
          <input id={`${id}-to`} type="date" value={search.to ?? ''} min={search.from} onChange={(e) => onChange(withValue(search, 'to', e.target.value || undefined))} />
        </div>
        {select('modality', 'Kind of scan', filters.modalities, (m) => `${modalityLabel(m)} (${m})`)}
        {select('bodyPart', 'Body part', filters.bodyParts)}
        {select('facility', 'Hospital or clinic', filters.facilities)}
        {select('source', 'Copy from', filters.sources)}
        {filters.people.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-person`}>Person</label>
            <select id={`${id}-person`} value={search.personId ?? ''} onChange={(e) => onChange(withValue(search, 'personId', e.target.value ? Number(e.target.value) : undefined))}>
              <option value="">Everyone</option>
              {filters.people.map((p) => <option key={p.id} value={p.id}>{p.displayName ?? formatPersonName(p.recordName)}</option>)}
            </select>
          </div>
        )}
        <button type="button" className="button" onClick={onClear}>Clear all</button>
      </div>
    </div>
  );
}

/** The search with one value set, or removed when undefined (the contract has no "undefined" values). */
export function withValue<K extends keyof StudySearch>(search: StudySearch, key: K, value: StudySearch[K] | undefined): StudySearch {
  const next = { ...search };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
