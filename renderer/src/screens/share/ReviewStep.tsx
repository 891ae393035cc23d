import { useEffect, useId, useState } from 'react';
import type { MaskRect, ShareDecision, ShareDraft } from '../../../../shared/share/share-domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { modalityLabel, plural } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';
import { MaskEditor } from './MaskEditor';
import { decisionFor, mergeDecision, reasonWords, releaseWarning, reviewCounts } from './review-state';

const ACTION_WORDS: Record<ShareDecision['action'], string> = {
  exclude: 'Left out of the copy',
  mask: 'Boxes cover the text; included',
  release: 'Included as it is',
};

/** Step 5: each held-back picture, one at a time: leave it out, cover text and include, or include as it is. */
export function ReviewStep({ draft, onDraft }: { draft: ShareDraft; onDraft: (d: ShareDraft) => void }) {
  const api = useApi();
  const scopeId = useId();
  const [index, setIndex] = useState(0);
  const item = draft.heldBack[index];
  const decided = item ? decisionFor(item, draft) : null;
  const [masks, setMasks] = useState<MaskRect[]>([]);
  const [wholeSeries, setWholeSeries] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!item) return;
    setMasks(decided?.action === 'mask' ? [...decided.masks] : [...item.textRegions]);
    setWholeSeries(decided?.scope === 'series');
    // Only when another picture is shown: edits in progress are not reset by a saved decision.
  }, [item?.instanceId]);

  const noScreening = draft.screeningAvailable === false && (
    <p className="alert alert-warning" role="note">
      This version of ScanVault could not look for text inside the pictures, so only the files’ own labels were used to hold pictures back.
      Look through the pictures in the viewer before you send them: a name or ID printed into a picture would leave with it.
    </p>
  );
  if (draft.heldBack.length === 0) {
    return (
      <>
        <p role="status">Nothing was held back: {draft.screened.images > 0 ? `ScanVault checked ${plural(draft.screened.images, 'picture', 'pictures')} for text in the picture and found none.` : 'no picture needs a closer look.'}</p>
        {noScreening}
      </>
    );
  }
  if (!item) return null;

  const sameSeries = draft.heldBack.filter((h) => h.seriesInstanceUid === item.seriesInstanceUid).length;
  const decide = async (action: ShareDecision['action']) => {
    setConfirming(false);
    const decision: ShareDecision = { instanceId: item.instanceId, action, masks: action === 'mask' ? masks : [], scope: wholeSeries ? 'series' : 'image' };
    const saved = await run(() => api.setShareDecisions({ draftId: draft.draftId, decisions: mergeDecision(draft.decisions, decision, draft.heldBack) }));
    if (saved) {
      onDraft(saved);
      const next = saved.heldBack.findIndex((h, i) => i > index && decisionFor(h, saved) === null);
      if (next >= 0) setIndex(next);
    }
  };
  const counts = reviewCounts(draft);
  const isImage = item.reason !== 'report';
  return (
    <>
      <p>
        {plural(draft.heldBack.length, 'item was', 'items were')} held back because {draft.heldBack.length === 1 ? 'it' : 'they'} may show your name or other details
        in the picture itself, where removing details from the file does not reach.
        {draft.screened.images > 0 && ` ScanVault checked ${plural(draft.screened.images, 'picture', 'pictures')} and found text in ${formatN(draft.screened.withText)}.`}
      </p>
      {noScreening}
      <p role="status" className="review-counts">
        {counts.undecided > 0 ? `${plural(counts.undecided, 'item still needs', 'items still need')} a decision (until then ${counts.undecided === 1 ? 'it stays' : 'they stay'} out of the copy). ` : 'Every item has a decision. '}
        {counts.masked} covered, {counts.excluded} left out, {counts.released} included as they are.
      </p>
      <div className="review-nav button-row">
        <button type="button" className="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>Previous item</button>
        <span>Item {index + 1} of {draft.heldBack.length}</span>
        <button type="button" className="button" disabled={index >= draft.heldBack.length - 1} onClick={() => setIndex(index + 1)}>Next item</button>
      </div>
      <section className="review-item" aria-labelledby="review-item-title">
        <h3 id="review-item-title">{reasonWords(item)}{item.modality ? ` · ${modalityLabel(item.modality)}` : ''}{item.frameCount > 1 ? ` · ${plural(item.frameCount, 'frame', 'frames')}` : ''}</h3>
        <p>{item.explanation}</p>
        {decided && <p className="badge-line"><span className="badge">{ACTION_WORDS[decided.action]}{decided.scope === 'series' ? ' (whole series)' : ''}</span></p>}
        {isImage && <MaskEditor key={item.instanceId} item={item} masks={masks} onChange={setMasks} />}
        {sameSeries > 1 && (
          <div className="check">
            <input id={scopeId} type="checkbox" checked={wholeSeries} onChange={(e) => setWholeSeries(e.target.checked)} />
            <label htmlFor={scopeId}>Do the same for all {sameSeries} held-back pictures of this series (an ultrasound repeats its header on every picture)</label>
          </div>
        )}
        <ErrorAlert message={error} />
        <div className="button-row">
          {isImage && <button type="button" className="button button-primary" disabled={busy || masks.length === 0} onClick={() => void decide('mask')}>Cover the boxes and include</button>}
          <button type="button" className="button" disabled={busy} onClick={() => void decide('exclude')}>Leave it out</button>
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>Include as it is…</button>
        </div>
      </section>
      {confirming && (
        <ConfirmDialog title="Include it as it is?" confirmLabel="Include as it is" busy={busy} onConfirm={() => void decide('release')} onCancel={() => setConfirming(false)}>
          <p>{releaseWarning(item, draft.screeningAvailable !== false)}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function formatN(n: number): string {
  return plural(n, 'picture', 'pictures');
}
