import { useEffect, useId, useState } from 'react';
import type { ViewerInstance } from '../../../../shared/api/viewer';
import type { SeriesSummary } from '../../../../shared/domain';
import type { SharePreview } from '../../../../shared/share/share-domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { plural } from '../../format';
import { useApi } from '../../services';

type Change = SharePreview['rows'][number]['change'];
const COUNT_WORDS: Record<Change, string> = { kept: 'kept as they are', changed: 'replaced', removed: 'removed', added: 'added by ScanVault' };
const CHANGE_WORDS: Record<Change, string> = {
  kept: 'Kept as it is',
  changed: 'Replaced',
  removed: 'Removed',
  added: 'Added by ScanVault',
};

/** A changed value in plain words: what kind of replacement it is. */
export function changeWords(row: SharePreview['rows'][number]): string {
  if (row.change !== 'changed') return CHANGE_WORDS[row.change];
  if (row.after === '' || row.after === null) return 'Emptied (left blank)';
  if (/UID$/.test(row.keyword)) return 'Replaced with a new ID that only this copy uses';
  if (row.keyword === 'PatientName' || row.keyword === 'PatientID') return 'Replaced with the made-up name';
  if (/(Date|Time|DateTime)$/.test(row.keyword)) return 'Moved by the secret number of days';
  return 'Replaced';
}

interface Props {
  draftId: string;
  series: readonly (SeriesSummary & { label: string })[];
}

/** Step 4: one file's attributes before and after; the patient can pick another file. */
export function PreviewStep({ draftId, series }: Props) {
  const api = useApi();
  const seriesId = useId();
  const pictureId = useId();
  const [chosenSeries, setChosenSeries] = useState<number | null>(series[0]?.id ?? null);
  const [instances, setInstances] = useState<ViewerInstance[]>([]);
  const [instanceId, setInstanceId] = useState<number | null>(null);
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showKept, setShowKept] = useState(false);

  useEffect(() => {
    if (chosenSeries === null) return undefined;
    let live = true;
    void api.listSeriesInstances({ seriesId: chosenSeries }).then((r) => {
      if (!live) return;
      if (r.ok) setInstances(r.value);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [api, chosenSeries]);

  useEffect(() => {
    let live = true;
    setError(null);
    void api.previewShareFile(instanceId === null ? { draftId } : { draftId, instanceId }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setError(r.error.message);
    });
    return () => { live = false; };
  }, [api, draftId, instanceId]);

  const rows = sortRows(preview?.rows.filter((r) => showKept || r.change !== 'kept') ?? []);
  const counts = preview ? (['removed', 'changed', 'added', 'kept'] as const).map((c) => [c, preview.rows.filter((r) => r.change === c).length] as const) : [];
  return (
    <>
      <p>Here is what one file of the copy says before and after. Pick another file to check it too; every file is treated the same way.</p>
      <div className="field-pair">
        <div className="field">
          <label htmlFor={seriesId}>Series</label>
          <select id={seriesId} value={chosenSeries ?? ''} onChange={(e) => { setChosenSeries(Number(e.target.value)); setInstanceId(null); }}>
            {series.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={pictureId}>File</label>
          <select id={pictureId} value={instanceId ?? ''} onChange={(e) => setInstanceId(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">The first file of the copy</option>
            {instances.map((i, n) => <option key={i.id} value={i.id}>{`Picture ${i.instanceNumber ?? n + 1}`}</option>)}
          </select>
        </div>
      </div>
      <ErrorAlert message={error} />
      {preview && (
        <>
          <p role="status">{counts.filter(([, n]) => n > 0).map(([c, n]) => `${plural(n, 'detail', 'details')} ${COUNT_WORDS[c]}`).join(' · ')}</p>
          <div className="check">
            <input id={`${seriesId}-k`} type="checkbox" checked={showKept} onChange={(e) => setShowKept(e.target.checked)} />
            <label htmlFor={`${seriesId}-k`}>Also show what stays the same</label>
          </div>
          <div className="table-scroll" role="region" aria-label="Details of the file before and after" tabIndex={0}>
            <table className="share-table preview-table">
              <caption className="visually-hidden">Details of the file before and after</caption>
              <thead><tr><th scope="col">What</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.tag} className={`change-${r.change}`}>
                    <th scope="row"><span>{r.keyword || 'Private value'}</span> <span className="muted mono">{r.tag}</span></th>
                    <td><bdi>{r.before ?? '—'}</bdi></td>
                    <td><bdi>{r.after ?? '—'}</bdi></td>
                    <td>{changeWords(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

const ORDER: Record<Change, number> = { removed: 0, changed: 1, added: 2, kept: 3 };

/** What matters to the patient first: removed, then replaced, added, kept; the file's technical header (group 0002) last in each. */
export function sortRows(rows: readonly SharePreview['rows'][number][]): SharePreview['rows'][number][] {
  const meta = (tag: string) => (/^\(?0002,/.test(tag) ? 1 : 0);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => ORDER[a.r.change] - ORDER[b.r.change] || meta(a.r.tag) - meta(b.r.tag) || a.i - b.i).map(({ r }) => r);
}
