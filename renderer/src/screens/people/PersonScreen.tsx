import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonListItem } from '../../../../shared/api/people';
import type { PersonProfile } from '../../../../shared/person-profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../services';
import { LinkRecordForm } from './LinkRecordForm';
import { personLabel } from './profile-draft';
import { ProfileForm } from './ProfileForm';
import { RecordsPanel } from './RecordsPanel';
import { RenameForm } from './RenameForm';

/** One person: their name, their records from each hospital (link or split them), and their profile. */
export function PersonScreen({ personId, onBack }: { personId: number; onBack: () => void }) {
  const api = useApi();
  const [people, setPeople] = useState<PersonListItem[] | null>(null);
  const [profile, setProfile] = useState<PersonProfile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const [list, prof] = await Promise.all([api.listPeople({}), api.getPersonProfile({ personId })]);
    if (!list.ok) return setError(list.error.message);
    if (!prof.ok) return setError(prof.error.message);
    setError(null);
    setPeople(list.value.people);
    setProfile((current) => current ?? prof.value);
  }, [api, personId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Start keyboard and screen-reader users at the person's name.
  const loaded = people !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const person = people?.find((p) => p.id === personId);
  const back = <button type="button" className="button-quiet back-button" onClick={onBack}>← Back to library</button>;
  if (error) return <>{back}<h1>Person</h1><ErrorAlert message={error} /></>;
  if (!people || !profile) return <>{back}<p className="muted" aria-live="polite">Opening…</p></>;
  if (!person) return <>{back}<h1>Person</h1><ErrorAlert message="This person is no longer in the vault. Go back to the library." /></>;

  const name = personLabel(person);
  return (
    <>
      {back}
      <h1 ref={headingRef} tabIndex={-1}><bdi>{name}</bdi></h1>
      <div className="stack">
        <RenameForm personId={person.id} displayName={person.displayName} onChanged={() => void load()} />
        <RecordsPanel person={person} name={name} onChanged={() => void load()} />
        <LinkRecordForm person={person} name={name} others={people.filter((p) => p.id !== person.id)} onChanged={() => void load()} />
        <ProfileForm profile={profile} onSaved={setProfile} />
      </div>
    </>
  );
}
