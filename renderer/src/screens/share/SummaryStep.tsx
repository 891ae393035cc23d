import { DEID_OPTION_NAMES, OPTION_TEXT } from '../../../../shared/share/options';
import type { ExportDestination, Recipient, ShareDraft } from '../../../../shared/share/share-domain';
import { formatBytes, plural } from '../../format';
import { reviewCounts } from './review-state';
import { REMOVED_WITHOUT } from './share-text';

interface Props {
  draft: ShareDraft;
  recipient: Recipient;
  purpose: string;
  destination: ExportDestination;
}

/** Step 7: everything that will leave the computer, in one place, before Export. */
export function SummaryStep({ draft, recipient, purpose, destination }: Props) {
  const counts = reviewCounts(draft);
  const kept = DEID_OPTION_NAMES.filter((o) => draft.options.includes(o));
  const removed = DEID_OPTION_NAMES.filter((o) => !draft.options.includes(o));
  const who = [recipient.name, recipient.role, recipient.org].filter(Boolean).join(', ');
  return (
    <>
      <dl className="share-summary" data-testid="share-summary">
        <div><dt>Files that leave</dt><dd>{plural(draft.fileCount, 'file', 'files')} ({formatBytes(draft.totalBytes)}) from {plural(draft.studyCount, 'study', 'studies')}, {plural(draft.seriesCount, 'series', 'series')}</dd></div>
        <div><dt>To</dt><dd><bdi>{who}</bdi>{recipient.contact ? <> · <bdi>{recipient.contact}</bdi></> : null}</dd></div>
        <div><dt>Why</dt><dd><bdi>{purpose}</bdi></dd></div>
        <div><dt>Kind of copy</dt><dd>{draft.identified ? 'Identified: the original files, with your name and details' : 'De-identified (DICOM basic confidentiality profile)'}</dd></div>
        {draft.pseudonym && <div><dt>Name the doctor sees</dt><dd><code>{draft.pseudonym}</code>{draft.followUpOfShareId !== null ? ' (the same as in the earlier share, so the scans can be compared)' : ''}</dd></div>}
        <div><dt>Held back for a closer look</dt><dd>{plural(draft.heldBack.length, 'item', 'items')}: {counts.masked} covered and included, {counts.released} included as they are, {counts.excluded} left out{counts.undecided > 0 ? `, ${counts.undecided} not decided (left out)` : ''}</dd></div>
        {(draft.leftOut?.length ?? 0) > 0 && <div><dt>Cannot be shared</dt><dd>{plural(draft.leftOut?.length ?? 0, 'file', 'files')}, left out: {[...new Set(draft.leftOut?.map((l) => l.reason))].join(' ')}</dd></div>}
        <div><dt>Saved as</dt><dd>{destination.kind === 'folder' ? 'A folder' : 'A zip file'}: <span className="path"><bdi>{destination.path}</bdi></span></dd></div>
      </dl>
      {!draft.identified && (
        <div className="field-pair">
          <div>
            <h3>Removed</h3>
            <ul>
              <li>Your name, patient IDs, birth date, address and phone numbers</li>
              <li>Every ID that could link the files to the hospital’s copy (replaced with new ones)</li>
              {removed.map((o) => <li key={o}>{REMOVED_WITHOUT[o]}</li>)}
            </ul>
          </div>
          <div>
            <h3>Kept</h3>
            <ul>
              <li>The pictures themselves, unchanged (apart from boxes you chose)</li>
              {kept.map((o) => <li key={o}><strong>{OPTION_TEXT[o].title}.</strong> {OPTION_TEXT[o].keeps}</li>)}
            </ul>
          </div>
        </div>
      )}
      <p>Before anything is written, ScanVault checks every file once more for your name, IDs and birth date; if it finds one, it stops and says where. The share is added to your record of shares.</p>
    </>
  );
}
