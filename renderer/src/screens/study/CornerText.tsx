import type { ViewerSeries } from '../../../../shared/api/viewer';
import type { StackState } from '../../viewer/cornerstone/viewport';
import { overlayCorners, type OverlayStudy } from './overlay-text';
import type { Entry } from './series-entries';

interface Props {
  study: OverlayStudy;
  series: ViewerSeries;
  privacy: boolean;
  state: StackState | null;
  entry: Entry | null;
}

/** The four corners of text over a viewport (O shows or hides them; X is privacy mode). */
export function CornerText({ study, series, privacy, state, entry }: Props) {
  const image = state && {
    index: state.index,
    count: state.count,
    instanceNumber: entry?.instanceNumber ?? state.instanceNumber,
    frame: entry?.frame ?? null,
    sliceLocation: state.sliceLocation,
    windowWidth: state.windowWidth,
    windowCenter: state.windowCenter,
    zoom: state.zoom,
  };
  const corners = overlayCorners(study, series, image, privacy);
  return (
    <div className="corner-text" data-testid="corner-text">
      {(['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const).map((corner) => (
        <ul key={corner} className={`corner corner-${corner}`}>
          {corners[corner].map((line, i) => <li key={i}><bdi>{line}</bdi></li>)}
        </ul>
      ))}
    </div>
  );
}
