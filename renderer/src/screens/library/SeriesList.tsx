import type { StudySummary } from '../../../../shared/domain';
import { Thumbnail } from '../../components/Thumbnail';
import { modalityLabel, plural } from '../../format';

/** The series (sets of pictures) of a study, each with a small preview, then attached reports. */
export function SeriesList({ study, onRemoveSeries }: { study: StudySummary; onRemoveSeries: (seriesId: number) => void }) {
  const series = [...study.series].sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0));
  return (
    <div className="series-area">
      <ul className="series-list" aria-label="Series in this study">
        {series.map((s) => {
          const name = `${s.seriesNumber !== null ? `Series ${s.seriesNumber}` : 'Series'}${s.description ? `: ${s.description}` : ''}`;
          return (
            <li key={s.id} className="series">
              <Thumbnail seriesId={s.id} label={`Preview of ${name}`} />
              <div className="series-text">
                <strong>{name}</strong>
                <span className="muted">
                  {s.modality ? `${modalityLabel(s.modality)} · ` : ''}{plural(s.instanceCount, 'picture', 'pictures')}
                </span>
                {s.alteredCount > 0 && (
                  <span className="badge badge-warning" title="Same image ID as a stored image but different pictures — both kept so you can compare.">
                    {plural(s.alteredCount, 'possible altered copy', 'possible altered copies')}
                  </span>
                )}
                {s.alteredCount === 0 && s.conflictCount > 0 && (
                  <span className="badge" title="The same pictures stored in more than one file format (for example compressed and uncompressed). Nothing was altered.">
                    {plural(s.conflictCount, 'copy', 'copies')} in another file format
                  </span>
                )}
                <button type="button" className="button-quiet series-remove" aria-label={`Remove ${name} from the vault`} onClick={() => onRemoveSeries(s.id)}>Remove…</button>
              </div>
            </li>
          );
        })}
      </ul>
      {study.attachments.length > 0 && (
        <ul className="attachment-list" aria-label="Reports in this study">
          {study.attachments.map((a) => (
            <li key={a.id}>
              <span className="doc-icon" aria-hidden="true" />
              <span><strong>Report</strong>{a.title ? `: ${a.title}` : ''} <span className="muted">({a.kind.toUpperCase()})</span></span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
