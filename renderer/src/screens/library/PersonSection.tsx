import { useId } from 'react';
import type { PersonSummary } from '../../../../shared/domain';
import { formatDicomDate, formatPersonName, formatSex, plural } from '../../format';
import { personLabel } from '../people/profile-draft';
import { StudyCard } from './StudyCard';

type RecordSummary = PersonSummary['records'][number];

/** One person with their studies, newest first, under each hospital's record of them. */
export function PersonSection({ person, onOpen, onOpenStudy }: { person: PersonSummary; onOpen: () => void; onOpenStudy: (studyId: number) => void }) {
  const headingId = useId();
  const name = personLabel(person);
  return (
    <section className="patient" aria-labelledby={headingId}>
      <div className="patient-head">
        <h2 id={headingId}><bdi>{name}</bdi></h2>
        <p className="patient-facts">
          <span>{plural(person.studyCount, 'study', 'studies')}</span>
          {person.records.length > 1 && <span>{plural(person.records.length, 'hospital record', 'hospital records')}</span>}
        </p>
        <button type="button" className="button person-open" aria-label={`Profile and records of ${name}`} onClick={onOpen}>Profile and records</button>
      </div>
      {person.records.length === 0 && <p className="muted">No scans are linked to this person yet.</p>}
      {person.records.map((r) => <RecordStudies key={r.id} record={r} showName={person.records.length > 1 || person.displayName !== null} onOpenStudy={onOpenStudy} />)}
    </section>
  );
}

function RecordStudies({ record, showName, onOpenStudy }: { record: RecordSummary; showName: boolean; onOpenStudy: (studyId: number) => void }) {
  const born = formatDicomDate(record.birthDate);
  const sex = formatSex(record.sex);
  const studies = [...record.studies].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <div className="record">
      <p className="patient-facts record-facts">
        {showName && <span>On the scans: <bdi>{formatPersonName(record.name)}</bdi></span>}
        {born && <span>Born {born}</span>}
        {sex && <span>{sex}</span>}
        {record.patientId && <small title="The number the hospital uses for this person">Patient ID {record.patientId}</small>}
      </p>
      <ul className="study-list">
        {studies.map((study) => (
          <li key={study.id}><StudyCard study={study} onOpenStudy={onOpenStudy} /></li>
        ))}
      </ul>
    </div>
  );
}
