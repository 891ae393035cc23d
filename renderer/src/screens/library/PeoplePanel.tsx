import { useId } from 'react';
import type { PersonListItem } from '../../../../shared/api/people';
import { plural } from '../../format';
import { personLabel } from '../people/profile-draft';

interface Props {
  people: PersonListItem[];
  shownPersonId: number | undefined;
  onShowStudies: (personId: number) => void;
  onOpenPerson: (personId: number) => void;
}

/**
 * The people in the vault, each with their hospital records: the way to a person's profile and
 * records, and to a list of only their studies (the study list itself is one list for everyone,
 * so it can be searched, sorted and paged in the database).
 */
export function PeoplePanel({ people, shownPersonId, onShowStudies, onOpenPerson }: Props) {
  const headingId = useId();
  const withStudies = people.filter((p) => p.records.length > 0);
  if (withStudies.length === 0) return null;
  return (
    <div className="people-panel">
      <h2 id={headingId}>People</h2>
      <ul className="people-list" aria-labelledby={headingId}>
        {withStudies.map((person) => <PersonRow key={person.id} person={person} shown={shownPersonId === person.id} onShowStudies={onShowStudies} onOpenPerson={onOpenPerson} />)}
      </ul>
    </div>
  );
}

function PersonRow({ person, shown, onShowStudies, onOpenPerson }: { person: PersonListItem; shown: boolean } & Pick<Props, 'onShowStudies' | 'onOpenPerson'>) {
  const headingId = useId();
  const name = personLabel(person);
  return (
    <li>
      <section className="card person-row" aria-labelledby={headingId}>
        <h3 id={headingId}><bdi>{name}</bdi></h3>
        <p className="patient-facts">
          <span>{plural(person.studyCount, 'study', 'studies')}</span>
          {person.records.map((r) => r.patientId && <small key={r.id} title="The number a hospital uses for this person">Patient ID {r.patientId}</small>)}
        </p>
        <button type="button" className="button" aria-pressed={shown} aria-label={`Only their studies: ${name}`} onClick={() => onShowStudies(person.id)}>Only their studies</button>
        <button type="button" className="button person-open" aria-label={`Profile and records of ${name}`} onClick={() => onOpenPerson(person.id)}>Profile and records</button>
      </section>
    </li>
  );
}
