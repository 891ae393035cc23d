/** Planning an exam before any import (a new person by name), and the facility an import sets from the study. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiContract } from '../../../shared/api';
import { FAST_KDF, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { importStudy as importFixtureStudy } from '../../test-support/ai-record/import-study';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

const PASS = 'correct horse battery staple';
let root: string;
let core: ScanVaultCore;

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-ai-pf-'));
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF, now: () => Date.parse('2026-03-10T12:00:00.000Z') });
  await core.createVault({ passphrase: PASS });
});

const importStudy = (o: FixtureOptions = {}): Promise<void> => importFixtureStudy(core, root, o);

const events = (kind: string) => core.requireVault().events.list().filter((e) => e.kind === kind);
const parseCreate = (input: unknown) => apiContract.createExam.input.safeParse(input);

describe('planning an exam for a new person', () => {
  it('creates the person by name with the exam in an empty vault, and logs ids only', async () => {
    expect((await core.listPeople()).people).toEqual([]);
    const exam = await core.createExam({ newPersonName: 'Little Sam', date: '2026-05-02', modality: 'MR' });
    expect(exam).toMatchObject({ origin: 'planned', personName: 'Little Sam', date: '2026-05-02', studyId: null });
    const { people } = await core.listPeople();
    expect(people).toEqual([expect.objectContaining({ id: exam.personId, displayName: 'Little Sam', records: [] })]);
    const [created] = events('ai-exam-created');
    expect(created?.details).toEqual({ examId: exam.id, personId: exam.personId, personCreated: true, studyId: null, foldedExamId: null });
    expect(JSON.stringify(core.requireVault().events.list())).not.toContain('Little Sam');
    // A second exam for the same person uses their id; no one new is made.
    await core.createExam({ personId: exam.personId });
    expect((await core.listPeople()).people).toHaveLength(1);
  });

  it('takes the person’s scans later: their record is linked to the named person, then the study to the exam', async () => {
    const planned = await core.createExam({ newPersonName: 'Me', date: '2026-05-02' });
    await importStudy({ institution: 'North Clinic' });
    const record = (await core.listPeople()).people.find((p) => p.id !== planned.personId)!.records[0]!;
    await core.linkRecords({ personId: planned.personId, recordIds: [record.id] });
    const { people } = await core.listPeople();
    expect(people).toEqual([expect.objectContaining({ id: planned.personId, displayName: 'Me', records: [expect.objectContaining({ id: record.id })] })]);
    const imported = (await core.listExams({})).exams.find((e) => e.origin === 'import')!;
    const linked = await core.linkExamStudy({ examId: planned.id, studyId: imported.studyId! });
    // The planned exam had no facility: it takes the one the import found from the study.
    expect(linked).toMatchObject({ id: planned.id, personName: 'Me', studyId: imported.studyId, facilityName: 'North Clinic' });
    expect((await core.listExams({})).exams.map((e) => e.id)).toEqual([planned.id]);
  });

  it('makes no one when the exam is refused', async () => {
    const vendor = (await core.saveProvider({ kind: 'ai-vendor', name: 'Acme AI' })).id;
    await expect(core.createExam({ newPersonName: 'Me', facilityId: vendor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await core.listPeople()).people).toEqual([]);
  });

  it('asks for exactly one of a person or a new name, and a name that is not blank', () => {
    expect(parseCreate({ newPersonName: '  Me ' })).toMatchObject({ success: true, data: { newPersonName: 'Me' } });
    expect(parseCreate({ personId: 1 }).success).toBe(true);
    const messages = (input: unknown) => parseCreate(input).error?.issues.map((i) => i.message) ?? [];
    expect(messages({})).toEqual([expect.stringContaining('type the name of someone new')]);
    expect(messages({ personId: 1, newPersonName: 'Me' })).toEqual([expect.stringContaining('type the name of someone new')]);
    expect(messages({ newPersonName: '   ' })).toEqual([expect.stringContaining('Type a name for this person')]);
    expect(messages({ newPersonName: 'x'.repeat(201) })).toEqual([expect.stringContaining('at most 200')]);
  });
});

describe('the facility of an imported study', () => {
  it('finds the facility by the study’s institution (trimmed, any case) or creates it', async () => {
    const mercy = (await core.saveProvider({ kind: 'facility', name: 'Mercy Hospital' })).id;
    await importStudy({ institution: '  MERCY hospital ' });
    await importStudy({ institution: 'Lakeside Imaging', patientId: 'MRN-1' });
    await importStudy({ institution: 'lakeside imaging' });
    const { exams } = await core.listExams({});
    const lakeside = (await core.listProviders()).providers.find((p) => p.name === 'Lakeside Imaging');
    expect(lakeside).toMatchObject({ kind: 'facility', examCount: 2 });
    expect(exams.map((e) => e.facilityId).sort()).toEqual([mercy, lakeside!.id, lakeside!.id].sort());
    expect(exams.every((e) => e.facilityName !== null)).toBe(true);
    expect((await core.listProviders()).providers).toHaveLength(2);
  });

  it('leaves the facility unset when the study names none, and still drops an untouched exam with its study', async () => {
    await importStudy({ institution: '' });
    await importStudy({ institution: 'North Clinic' });
    const { exams } = await core.listExams({});
    expect(exams.map((e) => e.facilityName).sort()).toEqual(['North Clinic', null].sort());
    for (const exam of exams) {
      const target = { kind: 'study' as const, id: exam.studyId! };
      const preview = await core.previewRemoval(target);
      await core.removeFromVault({ target, fingerprint: preview.fingerprint });
    }
    expect((await core.listExams({})).exams).toEqual([]);
  });
});
