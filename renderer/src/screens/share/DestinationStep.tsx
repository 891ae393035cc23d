import { useId, useState } from 'react';
import type { ExportDestination } from '../../../../shared/share/share-domain';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isoDateOf } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../services';

interface Props {
  destination: ExportDestination;
  onChange: (d: ExportDestination) => void;
  nativeDialogs: boolean;
  error: string | null;
}

/** Step 6: a folder laid out like a disc (viewers import it), or one zip file; the full path typed or picked. */
export function DestinationStep({ destination, onChange, nativeDialogs, error }: Props) {
  const api = useApi();
  const kindName = useId();
  const pathId = useId();
  const hintId = useId();
  const errorId = useId();
  const picker = useAction();
  const [shownError, setShown] = useState<string | null>(null);
  const pick = async () => {
    setShown(null);
    const picked = await picker.run(() => api.pickExportDestination({ kind: destination.kind }));
    if (picked?.path) onChange({ ...destination, path: picked.path });
  };
  const message = error ?? shownError ?? picker.error;
  const today = isoDateOf(new Date());
  return (
    <>
      <fieldset className="share-choice">
        <legend>Save it as</legend>
        <KindRadio name={kindName} checked={destination.kind === 'folder'} onChange={() => onChange({ ...destination, kind: 'folder' })}
          label="A folder, laid out like a hospital disc" hint="Copy it onto a USB stick or burn it on a CD. The doctor’s viewer can import it directly." />
        <KindRadio name={kindName} checked={destination.kind === 'zip'} onChange={() => onChange({ ...destination, kind: 'zip' })}
          label="One zip file" hint="Easier to send through an upload page or a file-sharing service. The doctor unpacks it first." />
      </fieldset>
      <div className="field">
        <label htmlFor={pathId}>{destination.kind === 'folder' ? 'New folder for the copy' : 'Save the zip file as'}</label>
        <p id={hintId} className="hint">The full path, for example on a USB stick. {destination.kind === 'folder' ? 'Use a new or empty folder.' : 'An existing file is never replaced.'} The copy is not encrypted: keep it safe until it reaches the doctor.</p>
        <div className="input-with-button">
          <input id={pathId} type="text" value={destination.path} onChange={(e) => onChange({ ...destination, path: e.target.value })}
            aria-describedby={message ? `${hintId} ${errorId}` : hintId} aria-invalid={error ? true : undefined}
            placeholder={destination.kind === 'folder' ? `e.g. /media/you/USB/second-opinion-${today}` : `e.g. /media/you/USB/second-opinion-${today}.zip`}
            spellCheck={false} autoComplete="off" autoCapitalize="off" />
          {nativeDialogs && <button type="button" className="button" disabled={picker.busy} onClick={() => void pick()}>Choose…</button>}
        </div>
        <ErrorAlert message={message} id={errorId} />
      </div>
    </>
  );
}

function KindRadio({ name, checked, onChange, label, hint }: { name: string; checked: boolean; onChange: () => void; label: string; hint: string }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} aria-describedby={`${id}-h`} />
      <div><label htmlFor={id}>{label}</label><p className="hint" id={`${id}-h`}>{hint}</p></div>
    </div>
  );
}
