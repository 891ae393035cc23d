/** The AI-use record through the core: exams for studies, answers with history, carry-over, follow-ups, documents, letters. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { onePagePdf } from '../../test-support/ai-record/documents';
import { FAST_KDF, type FixtureOptions } from '../../test-support/dicom-fixtures';
import { filesContaining } from '../../test-support/vault/vault-helpers';
import { importStudy as importFixtureStudy } from '../../test-support/ai-record/import-study';
import { silentLogger } from '../log';
import { ScanVaultCore } from '../scanvault-core';

const PASS = 'correct horse battery staple';
const DAY = 24 * 60 * 60 * 1000;
let root: string;
let core: ScanVaultCore;
let clock: number;

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-ai-'));
  clock = Date.parse('2026-03-10T12:00:00.000Z');
  core = new ScanVaultCore({ vaultDir: path.join(root, 'vault'), host: 'cli', log: silentLogger, ...FAST_KDF, now: () => clock });
  await core.createVault({ passphrase: PASS });
});

const importStudy = (o: FixtureOptions = {}): Promise<void> => importFixtureStudy(core, root, o);

const events = (kind: string) => core.requireVault().events.list().filter((e) => e.kind === kind);
const personId = async (): Promise<number> => (await core.listPeople()).people[0]!.id;

async function facility(name = 'Mercy Imaging'): Promise<number> {
  return (await core.saveProvider({ kind: 'facility', name, privacyOfficer: 'Privacy Office, 1 Main St' })).id;
}

describe('exams', () => {
  it('gives every imported study an exam of its person, with the study’s facts', async () => {
    await importStudy({ studyDate: '20240315', modality: 'CT' });
    const { exams } = await core.listExams({});
    expect(exams).toHaveLength(1);
    expect(exams[0]).toMatchObject({
      personId: await personId(), origin: 'import', date: '2024-03-15', studyDate: '2024-03-15', modality: 'CT',
      answered: 0, total: 23, flags: [], followUpsOpen: 0,
    });
    expect(exams[0]!.studyInstanceUid).toMatch(/^[0-9.]+$/);
  });

  it('creates a planned exam, links its study later and folds in what was recorded on the import’s exam', async () => {
    await importStudy();
    const person = await personId();
    const mercy = await facility();
    const planned = await core.createExam({ personId: person, date: '2026-04-01', facilityId: mercy, modality: 'MR', bodyPart: 'Knee', reason: 'Pain' });
    expect(planned).toMatchObject({ origin: 'planned', studyId: null, date: '2026-04-01', facilityName: 'Mercy Imaging', bodyPart: 'Knee' });
    const auto = (await core.listExams({})).exams.find((e) => e.origin === 'import')!;
    // Both exams have an answer: the one given later stays current, the other becomes its history.
    await core.recordAnswer({ examId: planned.id, questionId: 'ai-used', value: 'unknown' });
    clock += 1000;
    await core.recordAnswer({ examId: auto.id, questionId: 'ai-used', value: 'yes' });

    const linked = await core.linkExamStudy({ examId: planned.id, studyId: auto.studyId! });
    expect(linked).toMatchObject({ id: planned.id, studyId: auto.studyId, flags: ['ai-used'], answered: 1 });
    const { exams } = await core.listExams({});
    expect(exams.map((e) => e.id)).toEqual([planned.id]);
    const detail = await core.getExam({ examId: planned.id });
    expect(detail.answers[0]).toMatchObject({ questionId: 'ai-used', value: 'yes', history: [expect.objectContaining({ value: 'unknown' })] });
    expect(events('ai-exam-linked')).toEqual([expect.objectContaining({ details: { examId: planned.id, studyId: auto.studyId, foldedExamId: auto.id, answersMoved: 1 } })]);
  });

  it('moves exams with their record when it is linked to another person', async () => {
    await importStudy({ patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'A' });
    await importStudy({ patientName: 'SMITH^JANE', birthDate: '19800412', patientId: 'B' }); // her maiden name
    const { people } = await core.listPeople();
    const jane = people.find((p) => p.records[0]!.patientId === 'A')!;
    const smith = people.find((p) => p.records[0]!.patientId === 'B')!;
    const smithExam = (await core.listExams({ personId: smith.id })).exams[0]!;
    await core.recordAnswer({ examId: smithExam.id, questionId: 'ai-used', value: 'yes' });
    await core.linkRecords({ personId: jane.id, recordIds: [smith.records[0]!.id] });
    expect((await core.listExams({ personId: jane.id })).exams.map((e) => e.id).sort()).toContain(smithExam.id);
    expect((await core.listPeople()).people.map((p) => p.id)).toEqual([jane.id]);
    await core.unlinkRecord({ recordId: smith.records[0]!.id });
    const again = (await core.listPeople()).people.find((p) => p.id !== jane.id)!;
    expect((await core.listExams({ personId: again.id })).exams.map((e) => e.id)).toEqual([smithExam.id]);
  });

  it('refuses a facility that is an AI company and an unknown person, with what to do', async () => {
    await importStudy();
    const vendor = (await core.saveProvider({ kind: 'ai-vendor', name: 'Acme AI' })).id;
    await expect(core.createExam({ personId: await personId(), facilityId: vendor })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('hospital or clinic') });
    await expect(core.createExam({ personId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps an exam with answers when its study is removed, and drops an untouched one', async () => {
    await importStudy({ patientId: 'A' });
    await importStudy({ patientId: 'A' });
    const [first, second] = (await core.listExams({})).exams;
    await core.recordAnswer({ examId: first!.id, questionId: 'ai-used', value: 'no' });
    for (const exam of [first!, second!]) {
      const target = { kind: 'study' as const, id: exam.studyId! };
      const preview = await core.previewRemoval(target);
      await core.removeFromVault({ target, fingerprint: preview.fingerprint });
    }
    const { exams } = await core.listExams({});
    expect(exams.map((e) => [e.id, e.studyId])).toEqual([[first!.id, null]]);
    expect((await core.listPeople()).people).toHaveLength(1); // the person stays: they have an exam
  });
});

describe('answers', () => {
  it('keeps every version readable, counts progress and flags, and logs ids only', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    await core.recordAnswer({ examId: exam.id, questionId: 'cloud-processing', value: 'will-find-out', by: 'Front desk' });
    clock += 1000;
    const second = await core.recordAnswer({
      examId: exam.id, questionId: 'cloud-processing', value: 'yes', detail: 'NimbusRad cloud', by: 'Dr Secretquote', role: 'Radiologist',
      org: 'Mercy Imaging', how: 'phone', date: '2026-03-09', quote: 'we send them to NimbusRad', notes: 'asked twice',
    });
    expect(second).toMatchObject({ value: 'yes', detail: 'NimbusRad cloud', how: 'phone', date: '2026-03-09', history: [expect.objectContaining({ value: 'will-find-out', by: 'Front desk', changedAt: second.recordedAt })] });
    await core.recordAnswer({ examId: exam.id, questionId: 'ai-tasks', value: ['triage', 'detection'] });
    await core.recordAnswer({ examId: exam.id, questionId: 'opt-out-ai', value: 'no' });
    await core.recordAnswer({ examId: exam.id, questionId: 'training-use', value: 'will-find-out' });
    const summary = (await core.listExams({})).exams[0]!;
    expect(summary).toMatchObject({ answered: 3, flags: ['ai-used', 'cloud', 'no-opt-out'] });
    expect(events('answer-recorded').map((e) => Object.keys(e.details).sort())).toEqual(Array(5).fill(['answerId', 'carriedFromAnswerId', 'examId', 'questionId']));
    expect(JSON.stringify(core.requireVault().events.list())).not.toContain('NimbusRad');
    // Nothing typed in is readable in the vault folder.
    await core.lockNow();
    for (const secret of ['Secretquote', 'we send them to NimbusRad', 'asked twice']) expect(filesContaining(path.join(root, 'vault'), secret)).toEqual([]);
  });

  it('rejects an unknown question or a value of the wrong type with the values that fit', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    await expect(core.recordAnswer({ examId: exam.id, questionId: 'no-such-question', value: 'yes' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.recordAnswer({ examId: exam.id, questionId: 'ai-used', value: 'perhaps' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('yes, no, unknown') });
    expect((await core.getExam({ examId: exam.id })).answers).toEqual([]);
  });

  it('offers the facility’s latest answers on a new exam there as "carried over, confirm", and records one only when confirmed', async () => {
    await importStudy();
    const person = await personId();
    const mercy = await facility();
    const north = await facility('North Clinic');
    const first = await core.createExam({ personId: person, facilityId: mercy, date: '2025-01-01' });
    await core.recordAnswer({ examId: first.id, questionId: 'ai-used', value: 'no', by: 'Tech' });
    clock += 1000;
    const later = await core.createExam({ personId: person, facilityId: mercy, date: '2025-06-01' });
    await core.recordAnswer({ examId: later.id, questionId: 'ai-used', value: 'yes', by: 'Radiologist' });
    await core.recordAnswer({ examId: later.id, questionId: 'cloud-processing', value: 'will-find-out' });
    await core.createExam({ personId: person, facilityId: north }).then((e) => core.recordAnswer({ examId: e.id, questionId: 'sold-or-shared', value: 'yes' }));

    const fresh = await core.createExam({ personId: person, facilityId: mercy, date: '2026-05-01' });
    const detail = await core.getExam({ examId: fresh.id });
    expect(detail.answers).toEqual([]);
    expect(detail.exam.answered).toBe(0);
    expect(detail.carriedOver).toEqual([expect.objectContaining({ questionId: 'ai-used', fromExamId: later.id, label: 'carried over, confirm', answer: expect.objectContaining({ value: 'yes', by: 'Radiologist' }) })]);

    const c = detail.carriedOver[0]!;
    const confirmed = await core.recordAnswer({ examId: fresh.id, questionId: 'ai-used', value: c.answer.value, by: c.answer.by ?? undefined, carriedFromAnswerId: c.fromAnswerId });
    expect(confirmed).toMatchObject({ carriedFromAnswerId: c.fromAnswerId, examId: fresh.id });
    expect((await core.getExam({ examId: fresh.id })).carriedOver).toEqual([]);
  });
});

describe('follow-ups', () => {
  it('lists open and overdue follow-ups and closes them when the question is answered', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    await core.recordAnswer({ examId: exam.id, questionId: 'training-use', value: 'will-find-out' });
    await core.setFollowUp({ examId: exam.id, questionId: 'training-use', dueDate: '2026-03-20' });
    const { followUp } = await core.setFollowUp({ examId: exam.id, questionId: 'cloud-processing', dueDate: '2026-03-01' });
    expect(followUp).toMatchObject({ status: 'unanswered', overdue: true });
    expect((await core.listFollowUps()).followUps.map((f) => [f.questionId, f.status, f.overdue])).toEqual([
      ['cloud-processing', 'unanswered', true], ['training-use', 'will-find-out', false],
    ]);
    expect((await core.listExams({})).exams[0]).toMatchObject({ followUpsOpen: 2, followUpsOverdue: 1 });
    clock += 30 * DAY;
    expect((await core.listFollowUps()).followUps.every((f) => f.overdue)).toBe(true);
    await core.recordAnswer({ examId: exam.id, questionId: 'training-use', value: ['none'] });
    expect((await core.listFollowUps()).followUps.map((f) => f.questionId)).toEqual(['cloud-processing']);
    await expect(core.setFollowUp({ examId: exam.id, questionId: 'training-use', dueDate: '2026-05-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await core.setFollowUp({ examId: exam.id, questionId: 'cloud-processing', dueDate: null });
    expect((await core.listFollowUps()).followUps).toEqual([]);
  });
});

describe('documents and letters', () => {
  it('stores a consent form encrypted on an answer, lists it with its exam, and verify counts it as referenced', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const file = path.join(root, 'consent.pdf');
    writeFileSync(file, onePagePdf('We may share de-identified images with Zebracorp for research'));
    const doc = await core.attachDocument({ target: { kind: 'answer', examId: exam.id, questionId: 'training-use' }, docKind: 'consent-form', title: 'Consent form', source: { kind: 'path', path: file } });
    expect(doc).toMatchObject({ mediaType: 'application/pdf', docKind: 'consent-form', passages: 'not-read', target: { kind: 'answer', examId: exam.id, questionId: 'training-use' } });
    expect((await core.getExam({ examId: exam.id })).documents.map((d) => d.id)).toEqual([doc.id]);
    expect(events('ai-document-attached')[0]!.details).toEqual({ documentId: doc.id, target: 'answer', targetId: exam.id, size: doc.size });

    // The byte channel serves it decrypted, as its own media type.
    const opened = await core.openBytes({ kind: 'ai-document', id: doc.id });
    expect(opened).toMatchObject({ kind: 'ai-document', contentType: 'application/pdf', size: doc.size });
    const chunks: Buffer[] = [];
    for await (const chunk of await opened.stream(0, opened.size)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(readFileSync(file))).toBe(true);
    await expect(core.openBytes({ kind: 'ai-document', id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const { jobId } = await core.startVerify({});
    const report = (await core.waitForJob(jobId)).verifyReport!;
    expect(report.problems).toEqual([]);
    expect(report.blobsChecked).toBe(2); // the picture and the consent form

    await core.lockNow();
    expect(filesContaining(path.join(root, 'vault'), 'Zebracorp')).toEqual([]);
  });

  it('takes a document sent through a browser upload (held in memory only)', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const bytes = onePagePdf('Privacy notice of Mercy Imaging');
    const { uploadId } = await core.beginUpload();
    const reserved = core.uploads.reserve({ uploadId, relativePath: 'notice.pdf', size: bytes.length });
    if (!reserved.ok) throw new Error(reserved.reason);
    bytes.copy(reserved.reservation.bytes);
    expect(reserved.reservation.commit()).toBe(true);
    const doc = await core.attachDocument({ target: { kind: 'exam', examId: exam.id }, docKind: 'privacy-notice', title: 'notice.pdf', source: { kind: 'upload', uploadId } });
    expect(doc).toMatchObject({ mediaType: 'application/pdf', size: bytes.length, title: 'notice.pdf' });
    // The upload is used up: sending the same id again is refused with what to do.
    await expect(core.attachDocument({ target: { kind: 'exam', examId: exam.id }, docKind: 'other', title: null, source: { kind: 'upload', uploadId } }))
      .rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Choose the files again') });
  });

  it('refuses a file that is no PDF or image, and a missing path, and stores nothing', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const file = path.join(root, 'notes.txt');
    writeFileSync(file, 'just text');
    const target = { kind: 'exam' as const, examId: exam.id };
    await expect(core.attachDocument({ target, docKind: 'other', title: '', source: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('PDF, PNG or JPEG') });
    await expect(core.attachDocument({ target, docKind: 'other', title: '', source: { kind: 'path', path: path.join(root, 'gone.pdf') } })).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
    writeFileSync(file, onePagePdf('x'));
    await expect(core.attachDocument({ target: { kind: 'exam', examId: 999 }, docKind: 'other', title: '', source: { kind: 'path', path: file } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.listDocuments({ target })).documents).toEqual([]);
    expect(await core.requireVault().blobs.listOnDisk()).toHaveLength(1); // only the picture
  });

  it('creates a letter with the vault’s facts, keeps edits, logs it as sent and attaches the reply', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const mercy = await facility();
    await core.updatePersonProfile({ personId: exam.personId, profile: { legalName: 'Jane Doe', formerNames: [], birthDate: '1980-04-12', address: '1 Elm St', phone: null, email: null, recordNumbers: [], representative: null, notes: null } });
    const letter = await core.createLetter({ kind: 'ai-inquiry', examId: exam.id, recipientId: mercy });
    const edited = await core.updateLetter({ letterId: letter.id, draft: { closing: 'Kind regards' } });
    expect(edited.draft).toEqual({ closing: 'Kind regards' });
    const facts = await core.getLetter({ letterId: letter.id });
    expect(facts).toMatchObject({ exam: { id: exam.id }, recipient: { name: 'Mercy Imaging', privacyOfficer: 'Privacy Office, 1 Main St' }, patient: { legalName: 'Jane Doe', address: '1 Elm St' } });
    const sent = await core.markLetterSent({ letterId: letter.id, sentDate: '2026-03-10', sentMethod: 'post' });
    expect(sent).toMatchObject({ sentDate: '2026-03-10', sentMethod: 'post' });
    const file = path.join(root, 'reply.pdf');
    writeFileSync(file, onePagePdf('Reply'));
    const reply = await core.attachDocument({ target: { kind: 'letter', letterId: letter.id }, docKind: 'letter-received', title: 'Reply', source: { kind: 'path', path: file } });
    expect((await core.listLetters({ examId: exam.id })).letters).toEqual([expect.objectContaining({ id: letter.id, replyDocumentIds: [reply.id] })]);
    expect(events('ai-letter-sent')).toHaveLength(1);
  });
});

describe('the consent-form reader', () => {
  it('reads an attached PDF as a job and keeps the passages it found, page by page', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const file = path.join(root, 'consent.pdf');
    writeFileSync(file, onePagePdf('Your images may be de-identified and shared with third parties to train artificial intelligence models.'));
    const doc = await core.attachDocument({ target: { kind: 'exam', examId: exam.id }, docKind: 'consent-form', title: null, source: { kind: 'path', path: file } });
    const { jobId } = await core.findConsentPassages({ documentId: doc.id });
    const job = await core.waitForJob(jobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({ kind: 'read-document', state: 'done' });
    const found = await core.getDocumentPassages({ documentId: doc.id });
    expect(found).toMatchObject({ method: 'pdf-text', pageCount: 1, document: { passages: 'found' } });
    expect(found.passages.map((p) => p.term)).toEqual(expect.arrayContaining(['de-identified', 'third-party', 'training']));
    expect(found.passages.every((p) => p.page === 1 && p.context.length > 0)).toBe(true);
    expect(events('ai-passages-read')[0]!.details).toEqual({ documentId: doc.id, passages: found.passages.length, read: true });
    await core.lockNow();
    expect(filesContaining(path.join(root, 'vault'), 'artificial intelligence')).toEqual([]);
  });

  it('records a document it cannot read as failed, with the reader’s advice', async () => {
    await importStudy();
    const exam = (await core.listExams({})).exams[0]!;
    const file = path.join(root, 'locked.pdf');
    writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0x20)]));
    const doc = await core.attachDocument({ target: { kind: 'exam', examId: exam.id }, docKind: 'consent-form', title: null, source: { kind: 'path', path: file } });
    const job = await core.waitForJob((await core.findConsentPassages({ documentId: doc.id })).jobId);
    expect(job).toMatchObject({ state: 'failed', error: { code: 'BAD_REQUEST', message: expect.stringContaining('damaged') } });
    expect(await core.getDocumentPassages({ documentId: doc.id })).toMatchObject({ document: { passages: 'failed' }, passages: [], method: null });
  });
});
