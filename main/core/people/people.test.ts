/** People end to end through the core: imports link by the rule, hand decisions stick, history holds ids only. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProfile, PersonProfileInput } from '../../../shared/person-profile';
import { FAST_KDF, makeSeries, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { filesContaining } from '../../test-support/vault/vault-helpers';
import { createDispatcher } from '../../api/dispatch';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';

const PASS = 'correct horse battery staple';
let root: string;
let core: ScanVaultCore;
let n = 0;

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-people-'));
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF });
  await core.createVault({ passphrase: PASS });
});

/** Imports one study of two images for a record with these identity fields. */
async function importRecord(o: FixtureOptions): Promise<void> {
  const dir = path.join(root, `src${n++}`);
  mkdirSync(dir);
  makeSeries(2, o).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  const { jobId } = await core.startImport({ paths: [dir], provenance: { sourceLabel: 'CD' } });
  expect((await core.waitForJob(jobId)).state).toBe('done');
}

const people = async () => (await core.listPeople()).people;
const recordIdOf = async (patientId: string): Promise<number> =>
  (await people()).flatMap((p) => p.records).find((r) => r.patientId === patientId)!.id;
const personOf = async (patientId: string): Promise<number> =>
  (await people()).find((p) => p.records.some((r) => r.patientId === patientId))!.id;
const events = (kind: string) => core.requireVault().events.list().filter((e) => e.kind === kind);

const JANE = { patientName: 'DOE^JANE', birthDate: '19800412' };

describe('people', () => {
  it('links records of the same name and birth date from different hospitals, and keeps others apart', async () => {
    await importRecord({ ...JANE, patientId: 'MERCY-1' });
    await importRecord({ patientName: 'Doe^Jane^^', birthDate: '19800412', patientId: 'NORTH-77' });
    await importRecord({ ...JANE, birthDate: '19800413', patientId: 'CLINIC-5' });
    await importRecord({ ...JANE, birthDate: '', patientId: 'NODATE-9' });
    const list = await people();
    expect(list).toHaveLength(3);
    const jane = list.find((p) => p.records.length === 2)!;
    expect(jane.records.map((r) => r.patientId).sort()).toEqual(['MERCY-1', 'NORTH-77']);
    expect(jane.studyCount).toBe(2);
    expect(await personOf('CLINIC-5')).not.toBe(jane.id);
    expect(await personOf('NODATE-9')).not.toBe(jane.id);
    expect(await personOf('NODATE-9')).not.toBe(await personOf('CLINIC-5'));

    const lib = await core.listLibrary();
    expect(lib.people).toHaveLength(3);
    const grouped = lib.people.find((p) => p.id === jane.id)!;
    expect(grouped.records.map((r) => r.patientId).sort()).toEqual(['MERCY-1', 'NORTH-77']);
    expect(grouped.records.every((r) => r.studies.length === 1 && r.linkedBy === 'auto')).toBe(true);
    expect(events('people-linked')).toEqual([expect.objectContaining({ details: { how: 'auto', personId: jane.id, recordIds: [await recordIdOf('NORTH-77')] } })]);
  });

  it('links by hand, unlinks, and a later import respects the decision', async () => {
    await importRecord({ ...JANE, patientId: 'MERCY-1' });
    await importRecord({ ...JANE, patientId: 'NORTH-77' });
    await importRecord({ patientName: 'SMITH^JANE', birthDate: '19800412', patientId: 'OLD-3' }); // maiden name
    const jane = await personOf('MERCY-1');
    const smith = await personOf('OLD-3');
    expect(smith).not.toBe(jane);

    expect(await core.linkRecords({ personId: jane, recordIds: [await recordIdOf('OLD-3')] })).toEqual({ personId: jane, moved: 1 });
    expect((await people()).map((p) => p.id)).toEqual([jane]); // the emptied person is gone
    expect((await people())[0]!.records.find((r) => r.patientId === 'OLD-3')!.linkedBy).toBe('hand');

    const north = await recordIdOf('NORTH-77');
    const { personId: apart } = await core.unlinkRecord({ recordId: north });
    expect(await personOf('NORTH-77')).toBe(apart);
    expect(apart).not.toBe(jane);

    // Importing the same record again, and a new record that matches both persons, moves nobody.
    await importRecord({ ...JANE, patientId: 'NORTH-77' });
    await importRecord({ ...JANE, patientId: 'THIRD-8' });
    expect(await personOf('NORTH-77')).toBe(apart);
    const third = await personOf('THIRD-8');
    expect([jane, apart]).not.toContain(third);
    // A record matching only the hand-linked maiden name joins that person.
    await importRecord({ patientName: 'Smith^Jane', birthDate: '19800412', patientId: 'OLD-4' });
    expect(await personOf('OLD-4')).toBe(jane);

    expect(events('people-linked').map((e) => e.details.how)).toEqual(['auto', 'hand', 'auto']);
    expect(events('people-unlinked')).toEqual([expect.objectContaining({ details: { recordId: north, fromPersonId: jane, personId: apart } })]);
    await expect(core.unlinkRecord({ recordId: north })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.linkRecords({ personId: 99999, recordIds: [north] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.linkRecords({ personId: jane, recordIds: [99999] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await personOf('NORTH-77')).toBe(apart); // a failed link changes nothing
  });

  it('keeps a person whose profile was filled in even when their last record moves away', async () => {
    await importRecord({ ...JANE, patientId: 'A-1' });
    await importRecord({ patientName: 'ROE^SAM', birthDate: '20150620', patientId: 'B-2' });
    const sam = await personOf('B-2');
    await core.updatePersonProfile({ personId: sam, profile: { ...blank(), notes: 'typed by the user' } });
    await core.linkRecords({ personId: await personOf('A-1'), recordIds: [await recordIdOf('B-2')] });
    const kept = (await people()).find((p) => p.id === sam)!;
    expect(kept).toMatchObject({ records: [], hasProfile: true });
    expect((await core.listLibrary()).people.find((p) => p.id === sam)!.records).toEqual([]);
    // Clearing every field removes the profile, and with it the person kept only for it.
    expect(await core.updatePersonProfile({ personId: sam, profile: blank() })).toEqual(emptyProfile(sam));
    expect((await people()).map((p) => p.id)).not.toContain(sam);
    // A person with records keeps existing when their profile is cleared.
    const jane = await personOf('A-1');
    await core.updatePersonProfile({ personId: jane, profile: { ...blank(), phone: '+1 555 0100' } });
    await core.updatePersonProfile({ personId: jane, profile: blank() });
    expect((await people()).find((p) => p.id === jane)).toMatchObject({ hasProfile: false });
  });

  it('stores, validates and returns the profile; the history says only which person', async () => {
    await importRecord({ ...JANE, patientId: 'A-1' });
    const personId = await personOf('A-1');
    expect(await core.getPersonProfile({ personId })).toEqual(emptyProfile(personId));
    const dispatch = createDispatcher(core, silentLogger, core);
    const profile = {
      legalName: '  Jane Ann Doe ', formerNames: ['Jane Smith'], birthDate: '1980-04-12', address: '1 High Street\nTown',
      phone: '+44 20 7946 0958', email: 'jane@example.org', recordNumbers: [{ facility: 'Mercy Hospital', number: 'MRN-0001' }],
      representative: { name: 'Pat Doe', relationship: 'parent', phone: '', email: null }, notes: '',
    };
    const saved = await dispatch('updatePersonProfile', { personId, profile });
    expect(saved).toMatchObject({ ok: true, value: { legalName: 'Jane Ann Doe', notes: null, representative: { name: 'Pat Doe', relationship: 'parent', phone: null, email: null } } });
    expect(await core.getPersonProfile({ personId })).toMatchObject({ formerNames: ['Jane Smith'], recordNumbers: [{ facility: 'Mercy Hospital', number: 'MRN-0001' }], updatedAt: expect.any(String) as unknown });

    for (const bad of [{ birthDate: '1980-02-30' }, { birthDate: '12/04/1980' }, { email: 'jane at example' }, { phone: 'call me' }, { legalName: 'x'.repeat(201) }, { recordNumbers: [{ facility: '', number: '1' }] }]) {
      const r = await dispatch('updatePersonProfile', { personId, profile: { ...profile, ...bad } });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      if (!r.ok) expect(r.error.message).not.toContain('Jane');
    }
    expect((await core.getPersonProfile({ personId })).birthDate).toBe('1980-04-12'); // refusals changed nothing

    await core.renamePerson({ personId, displayName: 'Mum' });
    expect((await core.listLibrary()).people[0]!.displayName).toBe('Mum');
    const history = JSON.stringify(core.requireVault().events.list());
    for (const secret of ['Jane', 'Pat', 'Mum', 'example.org', 'MRN-0001', 'High Street']) expect(history).not.toContain(secret);
    expect(events('person-profile-updated')).toHaveLength(1);
    expect(events('person-renamed')).toHaveLength(1);
  });

  it('an upgraded vault (schema 10, no people yet) gets its persons by the same rule when it is opened', async () => {
    await importRecord({ ...JANE, patientId: 'MERCY-1' });
    await importRecord({ patientName: 'doe^jane', birthDate: '19800412', patientId: 'NORTH-2' });
    await importRecord({ ...JANE, birthDate: '19800413', patientId: 'CLINIC-3' });
    const db = core.requireVault().db;
    db.exec(`DROP TABLE share_items; DROP TABLE share_persons; DROP TABLE shares; DROP TABLE share_documents; DROP TABLE share_signing_key;
      DROP TRIGGER studies_ai_exam; DROP TRIGGER studies_ai_exam_facility; DROP TABLE ai_document_passages; DROP TABLE ai_documents; DROP TABLE ai_letters;
      DROP TABLE ai_follow_ups; DROP TABLE ai_answers; DROP TABLE ai_exams; DROP TABLE ai_providers;
      DROP TABLE person_profiles; DROP TABLE person_records; DROP TABLE persons;
      DROP TRIGGER import_files_study_batches; DROP TABLE study_batches; DROP INDEX studies_date; DROP INDEX studies_institution; DROP INDEX series_modality;`);
    db.pragma('user_version = 10'); // what a vault from before this feature looks like
    await core.lock();
    await core.unlock({ passphrase: PASS });
    const list = await people();
    expect(list.map((p) => p.records.map((r) => r.patientId).sort()).sort()).toEqual([['CLINIC-3'], ['MERCY-1', 'NORTH-2']]);
    expect(core.requireVault().db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('never joins a transaction opened outside the write scheduler', async () => {
    await importRecord({ ...JANE, patientId: 'A-1' });
    const personId = await personOf('A-1');
    const db = core.requireVault().db;
    db.exec('BEGIN IMMEDIATE'); // imports no longer hold one; anything that did would be refused, not joined
    await expect(core.renamePerson({ personId, displayName: 'Mum' })).rejects.toThrow();
    db.exec('ROLLBACK');
    await core.renamePerson({ personId, displayName: 'Mum' });
    expect((await people())[0]!.displayName).toBe('Mum');
  });

  it('keeps profile values out of every file in the vault folder (encrypted at rest)', async () => {
    await importRecord({ ...JANE, patientId: 'A-1' });
    const personId = await personOf('A-1');
    await core.updatePersonProfile({ personId, profile: { ...blank(), legalName: 'Zebedee Quixotic-Plaintext', email: 'zq@plaintext.example' } });
    await core.lockNow();
    expect(filesContaining(path.join(root, 'vault'), 'Quixotic-Plaintext')).toEqual([]);
    expect(filesContaining(path.join(root, 'vault'), 'zq@plaintext')).toEqual([]);
  });
});

function blank(): ReturnType<typeof PersonProfileInput.parse> {
  return PersonProfileInput.parse({ legalName: null, formerNames: [], birthDate: null, address: null, phone: null, email: null, recordNumbers: [], representative: null, notes: null });
}
