import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryStudy, StudyQuery } from '../../../../shared/api/library-query';
import { useApi } from '../../services';

export type StudySearch = Omit<StudyQuery, 'offset' | 'limit'>;

/** Rows per request: a screenful or two of cards; the core allows up to 200. */
export const PAGE_SIZE = 40;

interface Pages {
  key: string;
  total: number | null;
  rows: Map<number, LibraryStudy[]>;
  error: string | null;
}

/**
 * The studies matching `search`, fetched a page at a time as the list scrolls to them (the query
 * runs in the database; only what is on screen crosses the API). `reload` changes after a removal.
 */
export function useStudyPages(search: StudySearch, reload: number) {
  const api = useApi();
  const key = `${JSON.stringify(search)}#${reload}`;
  const [pages, setPages] = useState<Pages>({ key, total: null, rows: new Map(), error: null });
  const asked = useRef(new Set<string>());

  const fetchPage = useCallback((page: number) => {
    const id = `${key}@${page}`;
    if (asked.current.has(id)) return;
    asked.current.add(id);
    void api.queryStudies({ ...search, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
      setPages((prev) => {
        if (prev.key !== key) return prev; // an answer to an older search
        if (!r.ok) return { ...prev, error: r.error.message };
        const rows = new Map(prev.rows);
        rows.set(page, r.value.studies);
        return { ...prev, total: r.value.total, rows, error: null };
      });
    });
  }, [api, key]); // `search` is part of `key`

  useEffect(() => {
    asked.current = new Set();
    setPages({ key, total: null, rows: new Map(), error: null });
    fetchPage(0);
  }, [key, fetchPage]);

  const current = pages.key === key ? pages : { key, total: null, rows: new Map<number, LibraryStudy[]>(), error: null };
  return {
    total: current.total,
    error: current.error,
    /** The study at list position `index`, once its page has arrived. */
    rowAt: (index: number): LibraryStudy | undefined => current.rows.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    /** Asks for the pages covering positions first..last (those not asked for yet). */
    ensure: (first: number, last: number): void => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p);
    },
    retry: (): void => {
      asked.current = new Set();
      setPages({ key, total: null, rows: new Map(), error: null });
      fetchPage(0);
    },
  };
}
