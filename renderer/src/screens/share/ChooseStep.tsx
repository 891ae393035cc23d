import { useEffect, useId, useRef, useState } from 'react';
import { CheckboxField } from '../../components/CheckboxField';
import type { PersonSummary, StudySummary } from '../../../../shared/domain';
import { formatDicomDate, formatPersonName, modalityLabel, plural } from '../../format';
import { chosenSeries, toggleSeries, toggleStudy, type Chosen } from './wizard-state';

interface Props {
  people: readonly PersonSummary[];
  chosen: Chosen;
  onChange: (chosen: Chosen) => void;
}

export function studyLabel(study: StudySummary): string {
  return `${formatDicomDate(study.date) ?? 'Date not recorded'}, ${study.description ?? 'no description'}`;
}

function seriesLabel(s: StudySummary['series'][number]): string {
  const name = `${s.seriesNumber !== null ? `Series ${s.seriesNumber}` : 'Series'}${s.description ? `: ${s.description}` : ''}`;
  return `${name} (${s.modality ? `${modalityLabel(s.modality)}, ` : ''}${plural(s.instanceCount, 'picture', 'pictures')})`;
}

/** Step 1: the studies of the library, each with its series as checkboxes. */
export function ChooseStep({ people, chosen, onChange }: Props) {
  const withStudies = people.filter((p) => p.records.some((r) => r.studies.length > 0));
  if (withStudies.length === 0) return <p>There are no scans in your vault yet. Import some first, then share them from here.</p>;
  return (
    <>
      <p>Tick the scans to share. Open a study’s list to share only some of its series (sets of pictures).</p>
      {withStudies.map((person) => (
        <div key={person.id} className="share-person">
          <h3><bdi>{person.displayName ?? formatPersonName(person.records[0]?.name)}</bdi></h3>
          <ul className="share-study-list">
            {person.records.flatMap((r) => r.studies).map((study) => (
              <StudyChoice key={study.id} study={study} chosen={chosen} onChange={onChange} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function StudyChoice({ study, chosen, onChange }: { study: StudySummary; chosen: Chosen; onChange: (c: Chosen) => void }) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const ticked = chosenSeries(chosen, study);
  const all = ticked.length === study.series.length && ticked.length > 0;
  const some = ticked.length > 0 && !all;
  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);
  const [open, setOpen] = useState(some);
  const label = studyLabel(study);
  return (
    <li className="share-study">
      <div className="check">
        <input ref={box} id={id} type="checkbox" checked={all} onChange={(e) => onChange(toggleStudy(chosen, study, e.target.checked))} />
        <label htmlFor={id}>{label}</label>
      </div>
      <details className="share-series" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{some ? `${ticked.length} of ${plural(study.series.length, 'series', 'series')} chosen` : `Choose among its ${plural(study.series.length, 'series', 'series')}`}</summary>
        <fieldset>
          <legend className="visually-hidden">Series of {label}</legend>
          {study.series.map((s) => (
            <CheckboxField key={s.id} label={seriesLabel(s)} checked={ticked.includes(s.id)} onChange={(on) => onChange(toggleSeries(chosen, study, s.id, on))} />
          ))}
        </fieldset>
        {study.attachments.length > 0 && <p className="hint">Reports filed with this study are handled in the step “How to share”.</p>}
      </details>
    </li>
  );
}
