import { useId } from 'react';
import { CheckboxField } from '../../components/CheckboxField';
import { DEID_OPTION_NAMES, OPTION_TEXT, SECOND_OPINION_DEFAULTS, SECOND_OPINION_DEFAULTS_TEXT, type DeidOptionName } from '../../../../shared/share/options';
import type { ShareRecord } from '../../../../shared/share/share-domain';
import { formatDicomDate } from '../../format';
import type { MethodDraft } from './wizard-state';

interface Props {
  method: MethodDraft;
  onChange: (m: MethodDraft) => void;
  /** Earlier de-identified shares with the same recipient (a follow-up can reuse their pseudonym and dates). */
  earlier: readonly ShareRecord[];
  recipientName: string;
  hasReports: boolean;
}

/** Step 3: de-identified (recommended) or the originals, the options in plain words, reports, follow-up. */
export function MethodStep({ method, onChange, earlier, recipientName, hasReports }: Props) {
  const name = useId();
  const isDefault = method.options.length === SECOND_OPINION_DEFAULTS.length && SECOND_OPINION_DEFAULTS.every((o) => method.options.includes(o));
  const setOption = (option: DeidOptionName, on: boolean) => {
    const chosen = new Set(method.options);
    if (on) chosen.add(option);
    else chosen.delete(option);
    onChange({ ...method, options: DEID_OPTION_NAMES.filter((o) => chosen.has(o)) });
  };
  return (
    <>
      <fieldset className="share-choice">
        <legend>What kind of copy</legend>
        <Radio name={name} checked={!method.identified} onChange={() => onChange({ ...method, identified: false })}
          label="De-identified copy (recommended)"
          hint="Your name, IDs, birth date and other details that point to you are taken out. The doctor sees a made-up name instead. The pictures stay exactly the same." />
        <Radio name={name} checked={method.identified} onChange={() => onChange({ ...method, identified: true })}
          label="Identified copy (the originals)"
          hint="The files exactly as the hospital made them." />
        {method.identified && (
          <p className="alert alert-warning" role="note">
            <strong>Warning:</strong> an identified copy carries your name, birth date, IDs and the hospital’s details in every file. Choose it only when the
            recipient must know it is you (for example your own new doctor). It is still recorded in your list of shares.
          </p>
        )}
      </fieldset>

      {!method.identified && (
        <fieldset className="share-options">
          <legend>What the doctor keeps</legend>
          <p>{SECOND_OPINION_DEFAULTS_TEXT}</p>
          {DEID_OPTION_NAMES.map((o) => <OptionBox key={o} option={o} checked={method.options.includes(o)} onChange={(on) => setOption(o, on)} />)}
          <div className="button-row">
            <button type="button" className="button" disabled={isDefault} onClick={() => onChange({ ...method, options: [...SECOND_OPINION_DEFAULTS] })}>Use the second-opinion defaults</button>
            {isDefault && <span className="muted">These are the defaults for a second opinion.</span>}
          </div>
        </fieldset>
      )}

      <fieldset className="share-reports">
        <legend>Written reports</legend>
        <p>
          {method.identified ? 'Reports (written findings, PDF letters) are part of the originals.' : 'Written reports (structured reports and PDF letters) are left out of a de-identified copy: their text often names you, your doctors or the hospital, and ScanVault cannot reliably take that out of free text.'}
          {hasReports ? '' : ' The scans you chose have no reports filed with them.'}
        </p>
        <CheckboxField label="Include the reports too" checked={method.includeReports} onChange={(on) => onChange({ ...method, includeReports: on })}
          hint={method.identified ? '' : 'Tick this only after reading them: whatever they say leaves with the copy as it is.'} />
      </fieldset>

      {!method.identified && earlier.length > 0 && (
        <fieldset className="share-choice">
          <legend>Follow-up to an earlier share with {recipientName}</legend>
          <p>You shared with {recipientName} before. A follow-up uses the same made-up name and the same date shift, so the doctor can put the old and new scans side by side. A new copy cannot be linked to the earlier one.</p>
          <Radio name={`${name}-f`} checked={method.followUpOfShareId === null} onChange={() => onChange({ ...method, followUpOfShareId: null })} label="A new copy that cannot be linked to the earlier one" hint="" />
          {earlier.map((s) => (
            <Radio key={s.id} name={`${name}-f`} checked={method.followUpOfShareId === s.id} onChange={() => onChange({ ...method, followUpOfShareId: s.id })}
              label={`A follow-up to the share of ${formatDicomDate(s.date) ?? s.date} (made-up name ${s.pseudonym ?? ''})`} hint={s.purpose} />
          ))}
        </fieldset>
      )}
    </>
  );
}

function Radio({ name, checked, onChange, label, hint }: { name: string; checked: boolean; onChange: () => void; label: string; hint: string }) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} aria-describedby={hint ? `${id}-h` : undefined} />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint && <p className="hint" id={`${id}-h`}>{hint}</p>}
      </div>
    </div>
  );
}

function OptionBox({ option, checked, onChange }: { option: DeidOptionName; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  const text = OPTION_TEXT[option];
  return (
    <div className="check share-option">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-k ${id}-r`} />
      <div>
        <label htmlFor={id}>{text.title}</label>
        <p className="hint" id={`${id}-k`}><strong>Keeps:</strong> {text.keeps}</p>
        <p className="hint" id={`${id}-r`}><strong>Removes:</strong> {text.removes}</p>
      </div>
    </div>
  );
}
