import type { ViewerSeries } from '../../../../shared/api/viewer';
import { Thumbnail } from '../../components/Thumbnail';
import { plural } from '../../format';
import { pictureCount } from './series-entries';
import { SERIES_DRAG_TYPE } from './ViewportCell';

interface Props {
  series: ViewerSeries[];
  /** Series ids on screen, to mark them in the strip. */
  shown: ReadonlySet<number>;
  onChoose: (seriesId: number) => void;
}

export const seriesTitle = (s: ViewerSeries): string =>
  [s.seriesNumber === null ? 'Series' : `Series ${s.seriesNumber}`, s.modality].filter(Boolean).join(' · ');

/** Every series of the study with a thumbnail and its picture count: click, Enter or drag one into a viewport. */
export function SeriesStrip({ series, shown, onChoose }: Props) {
  return (
    <nav className="series-strip" aria-label="Series in this study">
      <ul>
        {series.map((s) => {
          const count = pictureCount(s);
          const title = seriesTitle(s);
          const what = count > 0 ? plural(count, 'picture', 'pictures') : 'no pictures';
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`strip-item${shown.has(s.id) ? ' is-shown' : ''}`}
                draggable
                title="Click, press Enter, or drag into a viewport to show this series"
                onClick={() => onChoose(s.id)}
                onDragStart={(e) => { e.dataTransfer.setData(SERIES_DRAG_TYPE, String(s.id)); e.dataTransfer.effectAllowed = 'copy'; }}
              >
                <Thumbnail seriesId={s.id} label={`Preview of ${title}`} />
                <span className="strip-title">{title}</span>
                {s.description && <span className="strip-desc"><bdi>{s.description}</bdi></span>}
                <span className="strip-count">{what}</span>
                {shown.has(s.id) && <span className="visually-hidden">, on screen</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
