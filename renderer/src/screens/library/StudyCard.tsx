import { useId, useState } from 'react';
import type { LibraryStudy } from '../../../../shared/api/library-query';
import { ModalityBadges } from '../../components/ModalityBadges';
import { formatDicomDate, formatPersonName, plural } from '../../format';
import { SeriesList } from './SeriesList';

interface Props {
  study: LibraryStudy;
  onOpenStudy: (studyId: number) => void;
  onShare?: ((studyId: number) => void) | undefined;
  onRemove: () => void;
  onRemoveSeries: (seriesId: number) => void;
}

/** One study (scan appointment): whose, date, kind, place, where the copy came from; expands to its series. */
export function StudyCard({ study, onOpenStudy, onShare, onRemove, onRemoveSeries }: Props) {
  const headingId = useId();
  const seriesId = useId();
  const [open, setOpen] = useState(false);
  const date = formatDicomDate(study.date) ?? 'Date not recorded';
  const counts = [
    plural(study.seriesCount, 'series', 'series'),
    plural(study.instanceCount, 'picture', 'pictures'),
    ...(study.attachments.length > 0 ? [plural(study.attachments.length, 'report', 'reports')] : []),
  ].join(' · ');
  const person = study.person?.displayName ?? formatPersonName(study.patient.name);
  const label = `${date}, ${study.description ?? 'no description'}`;
  return (
    <article className="card study" aria-labelledby={headingId}>
      <div className="study-main">
        <div>
          <p className="study-person"><bdi>{person}</bdi></p>
          <h3 id={headingId}>
            <span className="study-date">{date}</span>
            <span className="study-desc"><bdi>{study.description ?? 'No description'}</bdi></span>
          </h3>
          <ModalityBadges codes={study.modalities} />
        </div>
        <dl className="study-facts">
          {study.institution && (<div><dt>Where</dt><dd>{study.institution}</dd></div>)}
          {study.sources.length > 0 && (<div><dt>Copy from</dt><dd>{study.sources.join('; ')}</dd></div>)}
          <div><dt>Contains</dt><dd>{counts}</dd></div>
        </dl>
      </div>
      <div className="study-actions">
        <button type="button" className="button button-primary" aria-label={`Open study: ${label}`} onClick={() => onOpenStudy(study.id)}>
          Open
        </button>
        {onShare && <button type="button" className="button" aria-label={`Share study: ${label}`} onClick={() => onShare(study.id)}>Share…</button>}
        <button type="button" className="button" aria-label={`Remove study from the vault: ${label}`} onClick={onRemove}>Remove…</button>
      </div>
      <button type="button" className="button-quiet study-toggle" aria-expanded={open} aria-controls={seriesId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide series' : `Show ${plural(study.seriesCount, 'series', 'series')}`}
      </button>
      <div id={seriesId} hidden={!open}>
        {open && <SeriesList study={study} onRemoveSeries={onRemoveSeries} />}
      </div>
    </article>
  );
}
