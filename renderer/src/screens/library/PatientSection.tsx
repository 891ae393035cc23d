import { useId } from 'react';
import type { PatientSummary } from '../../../../shared/domain';
import { formatDicomDate, formatPersonName, formatSex, plural } from '../../format';
import { StudyCard } from './StudyCard';

/** One person (as named on the scans) with their studies, newest first. */
export function PatientSection({ patient }: { patient: PatientSummary }) {
  const headingId = useId();
  const born = formatDicomDate(patient.birthDate);
  const sex = formatSex(patient.sex);
  const studies = [...patient.studies].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <section className="patient" aria-labelledby={headingId}>
      <div className="patient-head">
        <h2 id={headingId}><bdi>{formatPersonName(patient.name)}</bdi></h2>
        <p className="patient-facts">
          {born && <span>Born {born}</span>}
          {sex && <span>{sex}</span>}
          <span>{plural(patient.studies.length, 'study', 'studies')}</span>
          {patient.patientId && (
            <small title="The number the hospital uses for this person">Patient ID {patient.patientId}</small>
          )}
        </p>
      </div>
      <ul className="study-list">
        {studies.map((study) => (
          <li key={study.id}><StudyCard study={study} /></li>
        ))}
      </ul>
    </section>
  );
}
