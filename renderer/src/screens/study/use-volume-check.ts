/**
 * Whether the active series forms a volume (so side views can be offered), checked in the
 * background once its first picture is on screen.
 *
 * The check reads every slice's header, and on a 2-core machine that competes with cine for the
 * same cores and connections: measured on a 240-slice CT, cine fell from 30 to 18-20 pictures a
 * second while it ran. So it waits while the series plays, stops when the series or the study is
 * left, and starts again from the beginning later (a header read is cheap; a half-done check is
 * not kept).
 */
import { useEffect, useRef, useState } from 'react';
import type { ViewerSeries } from '../../../../shared/api/viewer';
import { checkSeriesVolume } from '../../viewer/cornerstone/mpr';
import { mightBeVolume, seriesEntries } from './series-entries';
import type { MprAvailability } from './Toolbar';

interface Running { seriesId: number; controller: AbortController }

const without = (m: Record<number, MprAvailability>, id: number): Record<number, MprAvailability> =>
  Object.fromEntries(Object.entries(m).filter(([key]) => Number(key) !== id));

/** The answer for `series` (checking, yes, or no with the reason), once `shown` and while not `playing`. */
export function useVolumeCheck(series: ViewerSeries | null, shown: boolean, playing: boolean): MprAvailability {
  const [answers, setAnswers] = useState<Record<number, MprAvailability>>({});
  const running = useRef<Running | null>(null);
  const seriesId = series?.id ?? null;

  // Stop a running check when its series is no longer the active one, or starts to play.
  useEffect(() => {
    const current = running.current;
    if (current === null || (current.seriesId === seriesId && !playing)) return;
    current.controller.abort(new Error('the check was stopped'));
    running.current = null;
    setAnswers((m) => (m[current.seriesId]?.state === 'checking' ? without(m, current.seriesId) : m));
  }, [seriesId, playing]);
  useEffect(() => () => running.current?.controller.abort(new Error('the study was closed')), []);

  useEffect(() => {
    if (!series || !shown || playing || answers[series.id] || running.current !== null) return;
    const id = series.id;
    if (!mightBeVolume(series)) {
      setAnswers((m) => ({ ...m, [id]: { state: 'no', reason: 'they are offered for CT and MR series of at least 3 slices.' } }));
      return;
    }
    const controller = new AbortController();
    running.current = { seriesId: id, controller };
    setAnswers((m) => ({ ...m, [id]: { state: 'checking' } }));
    const settle = (answer: MprAvailability): void => {
      if (controller.signal.aborted) return;
      running.current = null;
      setAnswers((m) => ({ ...m, [id]: answer }));
    };
    checkSeriesVolume(seriesEntries(series).map((e) => e.imageId), controller.signal).then(
      (r) => settle(r.ok ? { state: 'yes' } : { state: 'no', reason: r.reason }),
      () => settle({ state: 'no', reason: 'the pictures could not be read to check.' }),
    );
  }, [series, shown, playing, answers]);

  if (!series) return { state: 'no', reason: 'no series is shown.' };
  return answers[series.id] ?? { state: 'checking' };
}
