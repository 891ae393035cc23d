/** The chosen series with names for the preview's file picker. Pure. */
import type { SeriesSummary, StudySummary } from '../../../../shared/domain';
import { formatDicomDate } from '../../format';
import { chosenSeries, type Chosen } from './wizard-state';

export function seriesChoices(chosen: Chosen, studies: readonly StudySummary[]): (SeriesSummary & { label: string })[] {
  return studies.flatMap((study) => {
    const ids = new Set(chosenSeries(chosen, study));
    const date = formatDicomDate(study.date) ?? 'no date';
    return study.series.filter((s) => ids.has(s.id)).map((s) => ({
      ...s,
      label: `${date}: ${s.seriesNumber !== null ? `series ${s.seriesNumber}` : 'series'}${s.description ? ` (${s.description})` : ''}`,
    }));
  });
}
