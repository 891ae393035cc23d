import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONNAIRE } from '../../../shared/questionnaire';
import { onePagePdf } from '../../test-support/ai-record/documents';
import { makeSeries } from '../../test-support/dicom-fixtures';
import { silentLogger } from '../../core/log';
import { runCliCaptured, type CliRun } from '../../test-support/cli/run-cli';
import { filesContaining } from '../../test-support/vault/vault-helpers';

const env = { SCANVAULT_PASSPHRASE: 'correct horse battery staple' };
let root: string;
let vault: string;

function cli(args: string[]): Promise<CliRun> {
  return runCliCaptured(args, env, { log: silentLogger, settingsFile: path.join(root, 'settings.json') });
}
const v = (...args: string[]) => cli(['--vault', vault, ...args]);
async function json<T>(...args: string[]): Promise<T> {
  const run = await v('--json', ...args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface ExamsOut { exams: { id: number; studyInstanceUid?: string; answered: number; total: number; flags: string[]; origin: string }[] }
interface AnswersOut { answers: { question: string; value: unknown; by: string | null; quote: string | null; date: string | null; history: { value: unknown; changedAt: string }[] }[]; carriedOver: { question: string; fromAnswer: number; label: string }[] }

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sv-cli-ai-'));
  vault = path.join(root, 'vault');
  expect((await v('init')).code).toBe(0);
  const dir = path.join(root, 'CD');
  mkdirSync(dir);
  makeSeries(1, { patientName: 'DOE^JANE', birthDate: '19800412', patientId: 'MRN-1' }).forEach((b, i) => writeFileSync(path.join(dir, `IM${i}`), b));
  expect((await v('import', dir, '--source', 'CD')).code).toBe(0);
});

describe('scanvault questions', () => {
  it('prints the questionnaire in text and JSON without a vault', async () => {
    const text = await cli(['questions']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('ai-used (Q01, ynu): Was any AI software used on this exam?');
    const out = JSON.parse((await cli(['--json', 'questions'])).stdout) as { version: number; questions: { id: string; text: string; type: string }[] };
    expect(out.version).toBe(QUESTIONNAIRE.version);
    expect(out.questions.map((q) => q.id)).toEqual(QUESTIONNAIRE.questions.map((q) => q.id));
    expect(out.questions[0]).toMatchObject({ id: 'ai-used', type: 'ynu', text: expect.stringContaining('AI') });
  });
});

describe('scanvault exams, answer, answers, followups', () => {
  it('lists the imported study’s exam, records answers with history and shows progress and flags', async () => {
    const { exams } = await json<ExamsOut>('exams');
    expect(exams).toEqual([expect.objectContaining({ origin: 'import', answered: 0, total: QUESTIONNAIRE.questions.length, flags: [] })]);
    expect(exams[0]!.studyInstanceUid).toMatch(/^[0-9.]+$/);
    const exam = String(exams[0]!.id);
    expect((await v('answer', exam, 'ai-used', '--value', 'will-find-out', '--by', 'Front desk')).code).toBe(0);
    const second = await v('answer', exam, 'ai-used', '--value', 'yes', '--by', 'Dr Quill', '--role', 'Radiologist', '--org', 'Mercy',
      '--how', 'phone', '--date', '2026-03-01', '--quote', 'we use BrainCheck on every head CT');
    expect(second.stdout).toContain('1 earlier version(s) kept');
    expect((await v('answer', exam, 'ai-tasks', '--value', 'triage,detection')).code).toBe(0);
    expect((await v('answer', exam, 'cloud-processing', '--value', 'yes', '--detail', 'NimbusRad')).code).toBe(0);

    const { answers } = await json<AnswersOut>('answers', exam);
    const aiUsed = answers.find((a) => a.question === 'ai-used')!;
    expect(aiUsed).toMatchObject({ value: 'yes', by: 'Dr Quill', date: '2026-03-01', quote: 'we use BrainCheck on every head CT', history: [{ value: 'will-find-out', changedAt: expect.any(String) }] });
    expect(answers.find((a) => a.question === 'ai-tasks')!.value).toEqual(['triage', 'detection']);
    const after = (await json<ExamsOut>('exams')).exams[0]!;
    expect(after).toMatchObject({ answered: 3, flags: ['ai-used', 'cloud'] });
    const text = await v('exams');
    expect(text.stdout).toContain(`3 of ${QUESTIONNAIRE.questions.length} answered`);
    expect(text.stdout).toContain('flags: AI used, Cloud processing');
    expect((await v('answers', exam)).stdout).toContain('earlier: They will find out (Front desk)');
    expect(filesContaining(vault, 'BrainCheck')).toEqual([]);
  });

  it('gives usage errors with the values that fit, and JSON errors under --json', async () => {
    const exam = String((await json<ExamsOut>('exams')).exams[0]!.id);
    const bad = await v('answer', exam, 'ai-used', '--value', 'maybe');
    expect(bad.code).toBe(2); // a bad request is a usage error
    expect(bad.stderr).toContain('yes, no, unknown, refused, will-find-out');
    const unknown = await v('--json', 'answer', exam, 'nope', '--value', 'yes');
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    const how = await v('answer', exam, 'ai-used', '--value', 'yes', '--how', 'pigeon');
    expect(how.code).toBe(2);
    expect(how.stderr).toContain('Say how they answered: in-person, phone');
    expect((await v('answer', 'x', 'ai-used', '--value', 'yes')).code).toBe(2);
    expect((await v('answer', '999', 'ai-used', '--value', 'yes')).code).toBe(1);
  });

  it('plans an exam at a facility, offers carried-over answers and lists follow-ups', async () => {
    const mercy = await json<{ id: number }>('provider-add', '--name', 'Mercy Imaging', '--privacy-officer', 'Privacy Office');
    const first = await json<{ id: number }>('exam-add', '--date', '2026-01-10', '--facility', String(mercy.id), '--modality', 'MR', '--body-part', 'knee');
    expect((await v('answer', String(first.id), 'opt-out-ai', '--value', 'no')).code).toBe(0);
    const next = await json<{ id: number }>('exam-add', '--date', '2026-06-10', '--facility', String(mercy.id));
    const { answers, carriedOver } = await json<AnswersOut>('answers', String(next.id));
    expect(answers).toEqual([]);
    expect(carriedOver).toEqual([expect.objectContaining({ question: 'opt-out-ai', label: 'carried over, confirm' })]);
    expect((await v('answer', String(next.id), 'opt-out-ai', '--value', 'no', '--carried-from', String(carriedOver[0]!.fromAnswer))).code).toBe(0);
    expect((await json<AnswersOut>('answers', String(next.id))).carriedOver).toEqual([]);

    expect((await v('followup', String(next.id), 'training-use', '--due', '2020-01-01')).code).toBe(0);
    const { followUps } = await json<{ followUps: { examId: number; questionId: string; overdue: boolean; status: string }[] }>('followups');
    expect(followUps).toEqual([expect.objectContaining({ examId: next.id, questionId: 'training-use', overdue: true, status: 'unanswered' })]);
    expect((await v('followups')).stdout).toContain('OVERDUE');
    const providers = await json<{ providers: { name: string; examCount: number }[] }>('providers');
    // Mercy Hospital is the institution of the study imported at the start: its exam is there.
    expect(providers.providers).toEqual([
      expect.objectContaining({ name: 'Mercy Hospital', examCount: 1 }), expect.objectContaining({ name: 'Mercy Imaging', examCount: 2 }),
    ]);
  });

  it('attaches a document encrypted and refuses one without a place', async () => {
    const exam = String((await json<ExamsOut>('exams')).exams.at(-1)!.id);
    const file = path.join(root, 'consent.pdf');
    writeFileSync(file, onePagePdf('Images may be used to train AI models of Quetzalcorp.'));
    const doc = await json<{ id: number; mediaType: string }>('attach', file, '--exam', exam, '--question', 'training-use', '--kind', 'consent-form');
    expect(doc.mediaType).toBe('application/pdf');
    expect((await v('attach', file)).code).toBe(2);
    expect(filesContaining(vault, 'Quetzalcorp')).toEqual([]);

    const read = await v('passages', String(doc.id));
    expect(read.code, read.stderr).toBe(0);
    expect(read.stdout).toMatch(/page 1, .*: “Images may be used to train AI models of Quetzalcorp.”/);
    const stored = await json<{ method: string; pages: number; passages: { term: string; page: number }[] }>('passages', String(doc.id));
    expect(stored).toMatchObject({ method: 'pdf-text', pages: 1 });
    expect(stored.passages.map((p) => p.term)).toContain('training');
  });

  it('starts a letter, logs it as sent and attaches the reply', async () => {
    const exam = String((await json<ExamsOut>('exams')).exams[0]!.id);
    const letter = await json<{ id: number; kind: string }>('letter-add', 'accounting', '--exam', exam);
    expect(letter.kind).toBe('accounting');
    expect((await v('letter-add', 'poem')).code).toBe(2);
    expect((await v('letter-sent', String(letter.id), '--date', '2026-03-02', '--method', 'post')).code).toBe(0);
    const reply = path.join(root, 'reply.pdf');
    writeFileSync(reply, onePagePdf('Reply'));
    expect((await v('attach', reply, '--letter', String(letter.id), '--kind', 'letter-received')).code).toBe(0);
    const { letters } = await json<{ letters: { id: number; sentDate: string; sentMethod: string; replyDocumentIds: number[] }[] }>('letters', '--exam', exam);
    expect(letters).toEqual([expect.objectContaining({ id: letter.id, sentDate: '2026-03-02', sentMethod: 'post', replyDocumentIds: [expect.any(Number)] })]);
    expect((await v('letters')).stdout).toContain('sent 2026-03-02 by post, 1 reply document(s)');
  });

  it('plans an exam for someone with no scans yet, by name, and refuses both a person and a new name', async () => {
    const before = (await json<{ people: unknown[] }>('people')).people.length;
    const exam = await json<{ id: number; personName: string }>('exam-add', '--new-person', 'Little Sam', '--date', '2026-09-01');
    expect(exam.personName).toBe('Little Sam');
    expect((await json<{ people: unknown[] }>('people')).people).toHaveLength(before + 1);
    const both = await v('exam-add', '--new-person', 'Me', '--person', '1');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --person or --new-person');
    expect((await v('exam-add', '--new-person', '  ')).stderr).toContain('Type a name for this person');
  });
});
