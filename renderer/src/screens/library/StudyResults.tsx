import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LibraryStudy } from '../../../../shared/api/library-query';
import { StudyCard } from './StudyCard';
import type { useStudyPages } from './useStudyPages';

interface Props {
  pages: ReturnType<typeof useStudyPages>;
  total: number;
  onOpenStudy: (studyId: number) => void;
  onShare?: ((studyId: number) => void) | undefined;
  onRemoveStudy: (study: LibraryStudy) => void;
  onRemoveSeries: (study: LibraryStudy, seriesId: number) => void;
}

/** A card is about this tall before it is measured (cards grow when their series are shown). */
const ESTIMATE = 190;

/**
 * The matching studies as a virtualised list: only the cards near the screen are in the page,
 * each measured as it renders; the pages they need are fetched as they scroll into view.
 * aria-setsize/aria-posinset tell screen readers where a card is in the whole list.
 */
export function StudyResults({ pages, total, onOpenStudy, onShare, onRemoveStudy, onRemoveSeries }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts in the page; panels above it open and close (<details> toggle).
  useLayoutEffect(() => {
    const measure = () => setOffset(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0);
    measure();
    document.addEventListener('toggle', measure, true);
    return () => document.removeEventListener('toggle', measure, true);
  });
  const virtualizer = useWindowVirtualizer({ count: total, estimateSize: () => ESTIMATE, overscan: 4, scrollMargin: offset, gap: 16 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) pages.ensure(first, last);
  }, [first, last, total, pages]);

  return (
    <ul ref={listRef} className="study-list study-list-virtual" aria-label="Studies" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const study = pages.rowAt(item.index);
        return (
          <li
            key={study ? `s${study.id}` : `i${item.index}`}
            data-index={item.index}
            ref={virtualizer.measureElement}
            aria-setsize={total}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {study
              ? <StudyCard study={study} onOpenStudy={onOpenStudy} onShare={onShare} onRemove={() => onRemoveStudy(study)} onRemoveSeries={(id) => onRemoveSeries(study, id)} />
              : <div className="card study study-loading" aria-hidden="true" />}
          </li>
        );
      })}
    </ul>
  );
}
