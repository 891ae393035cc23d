import { useId, useRef, useState } from 'react';
import { formatLimit, UPLOAD_LIMITS } from '../../../../shared/api/upload';
import type { Status } from '../../../../shared/domain';
import { DropZone } from '../../components/DropZone';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServices } from '../../services';
import { addFiles, addPaths, filesFromList, NOTHING, readDrop, type Selection } from './selection';
import { ChosenSummary } from './ChosenSummary';

interface Props {
  capabilities: Status['capabilities'];
  selection: Selection;
  onSelection: (update: (previous: Selection) => Selection) => void;
  typedPath: string;
  onTypedPath: (value: string) => void;
}

/** Where the files come from: drop zone, pickers (native or browser), or a typed path. */
export function SourcePicker({ capabilities, selection, onSelection, typedPath, onTypedPath }: Props) {
  const { api, pathForFile } = useServices();
  const pathId = useId();
  const pathHintId = useId();
  const filesInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const canPick = capabilities.nativeDialogs || capabilities.uploads;

  const pickNative = async (kind: 'files' | 'folder') => {
    setError(null);
    const result = await api.pickImportPaths({ kind });
    if (result.ok) onSelection((prev) => addPaths(prev, result.value.paths));
    else setError(result.error.message);
  };

  const onDrop = (data: DataTransfer) => {
    setError(null);
    setReading(true);
    readDrop(data, capabilities.nativeDialogs ? pathForFile : null)
      .then((dropped) => {
        if (dropped.kind === 'paths') onSelection((prev) => addPaths(prev, dropped.paths));
        else if (dropped.kind === 'files') onSelection((prev) => addFiles(prev, dropped.files));
        else setError('Nothing readable was dropped. Try dropping the files or folder again, or use the buttons.');
      })
      .catch(() => setError('The dropped folder could not be read. Try the “Choose folder…” button instead.'))
      .finally(() => setReading(false));
  };

  return (
    <div className="source-picker">
      {canPick && (
        <>
          <DropZone
            onDropData={onDrop}
            disabled={reading}
            onActivate={() => (capabilities.nativeDialogs ? void pickNative('files') : filesInput.current?.click())}
          />
          <div className="button-row">
            {capabilities.nativeDialogs ? (
              <>
                <button type="button" className="button" onClick={() => void pickNative('files')}>Choose files…</button>
                <button type="button" className="button" onClick={() => void pickNative('folder')}>Choose folder…</button>
              </>
            ) : (
              <>
                <label className="button file-button">
                  Choose files…
                  <input ref={filesInput} type="file" multiple className="visually-hidden" onChange={(e) => {
                    const picked = filesFromList(e.target.files);
                    onSelection((prev) => addFiles(prev, picked));
                    e.target.value = '';
                  }} />
                </label>
                <label className="button file-button">
                  Choose folder…
                  <input ref={(el) => el?.setAttribute('webkitdirectory', '')} type="file" className="visually-hidden" onChange={(e) => {
                    const picked = filesFromList(e.target.files);
                    onSelection((prev) => addFiles(prev, picked));
                    e.target.value = '';
                  }} />
                </label>
              </>
            )}
          </div>
          {!capabilities.nativeDialogs && (
            <p className="hint">
              Files you choose or drop here can add up to {formatLimit(UPLOAD_LIMITS.maxUploadBytes)} (at most {formatLimit(UPLOAD_LIMITS.maxFileBytes)} for
              one file), because the browser hands them over in memory. For bigger discs or files, type the path instead.
            </p>
          )}
          {reading && <p className="hint" aria-live="polite">Reading the dropped folder…</p>}
          <ErrorAlert message={error} />
          <ChosenSummary selection={selection} onClear={() => onSelection(() => NOTHING)} />
        </>
      )}
      <div className="field">
        <p id={pathHintId} className="field-intro">{canPick ? 'Or type the path of a file, folder or zip on this computer.' : 'Type the path of a file, folder or zip on this computer.'}</p>
        <label htmlFor={pathId}>Path on this computer</label>
        <input
          id={pathId}
          type="text"
          value={typedPath}
          onChange={(e) => onTypedPath(e.target.value)}
          aria-describedby={pathHintId}
          placeholder={capabilities.nativeDialogs ? 'e.g. D:\\ or C:\\Users\\you\\Downloads\\scans.zip' : 'e.g. /media/cdrom or ~/Downloads/scans.zip'}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
    </div>
  );
}
