/**
 * The AI-use record on the command line: the questionnaire, exams, answers (with history),
 * follow-ups, providers and documents. --json shapes are the ones issue #9 lists.
 */
import type { Command } from 'commander';
import type { ApiInput } from '../../../../shared/api';
import type { AnswerWithHistory } from '../../../../shared/api/ai-record';
import { QUESTIONNAIRE } from '../../../../shared/questionnaire';
import { printJson, type CliContext } from '../context';
import { CliExit, EXIT } from '../exit-codes';
import { formatAnswers, formatExams, formatFollowUps, formatQuestions } from '../format-ai-record';
import { id } from './ai-args';
import { registerProviderCommands } from './ai-provider-commands';
import { withUnlocked } from './data-commands';


/** The answer's fields as the issue lists them, plus detailDate, notes and carriedFrom. */
function answerJson(a: Omit<AnswerWithHistory, 'history'>) {
  return {
    question: a.questionId, value: a.value, detail: a.detail, detailDate: a.detailDate, by: a.by, role: a.role, org: a.org,
    how: a.how, date: a.date, quote: a.quote, notes: a.notes, carriedFrom: a.carriedFromAnswerId, recordedAt: a.recordedAt,
  };
}

export function registerAiRecordCommands(program: Command, context: () => CliContext): void {
  program.command('questions')
    .description('The AI-use questionnaire: each question\'s id, text, why it matters and answer type.')
    .action(() => {
      const ctx = context();
      if (ctx.json) {
        printJson(ctx, {
          version: QUESTIONNAIRE.version,
          questions: QUESTIONNAIRE.questions.map((q) => ({
            id: q.id, topic: q.topic, text: q.text, why: q.why, type: q.type,
            ...(q.options ? { options: q.options.map((o) => o.value) } : {}), ...(q.detail ? { detail: q.detail } : {}), ...(q.date ? { date: q.date } : {}),
          })),
        });
      } else ctx.stdout.write(formatQuestions());
    });

  program.command('exams')
    .description('Exams (imported or planned) with how many questions are answered and the AI flags.')
    .option('--person <n>', 'only this person\'s exams')
    .action(async (opts: { person?: string }) => {
      const ctx = context();
      const input = opts.person === undefined ? {} : { personId: id(opts.person, '--person', 'people') };
      const { exams } = await withUnlocked(ctx, (s) => s.call('listExams', input));
      if (ctx.json) {
        printJson(ctx, {
          exams: exams.map((e) => ({
            id: e.id, personId: e.personId, ...(e.studyInstanceUid !== null ? { studyInstanceUid: e.studyInstanceUid } : {}), origin: e.origin,
            date: e.date, facility: e.facilityName, modality: e.modality, bodyPart: e.bodyPart, answered: e.answered, total: e.total,
            flags: e.flags, followUpsOpen: e.followUpsOpen, followUpsOverdue: e.followUpsOverdue,
          })),
        });
      } else ctx.stdout.write(formatExams(exams));
    });

  program.command('exam-add')
    .description('Plan an exam before it happens (date, facility, modality, body part, ordering provider, reason).')
    .option('--person <n>', 'whose exam (from "scanvault people"; not needed when the vault holds one person)')
    .option('--new-person <name>', 'plan for someone with no scans in the vault yet, e.g. "Me" or a child\'s name')
    .option('--date <YYYY-MM-DD>', 'the exam date')
    .option('--facility <n>', 'the facility (from "scanvault providers")')
    .option('--modality <text>', 'e.g. CT, MR')
    .option('--body-part <text>', 'e.g. knee')
    .option('--ordering <text>', 'the ordering provider')
    .option('--reason <text>', 'why the exam is done')
    .option('--study <n>', 'link an imported study now (study number from "scanvault list --json")')
    .action(async (o: { person?: string; newPerson?: string; date?: string; facility?: string; modality?: string; bodyPart?: string; ordering?: string; reason?: string; study?: string }) => {
      const ctx = context();
      const exam = await withUnlocked(ctx, async (s) => {
        if (o.newPerson !== undefined && o.person !== undefined) throw new CliExit(EXIT.usage, 'Give either --person or --new-person, not both.');
        let personId = o.person === undefined ? undefined : id(o.person, '--person', 'people');
        if (personId === undefined && o.newPerson === undefined) {
          const { people } = await s.call('listPeople', {});
          const [only] = people;
          if (people.length !== 1 || !only) throw new CliExit(EXIT.usage, 'Say whose exam it is with --person N (see "scanvault people").');
          personId = only.id;
        }
        return s.call('createExam', {
          ...(o.newPerson !== undefined ? { newPersonName: o.newPerson } : { personId }), ...(o.date !== undefined ? { date: o.date } : {}), ...(o.facility !== undefined ? { facilityId: id(o.facility, '--facility', 'providers') } : {}),
          ...(o.modality !== undefined ? { modality: o.modality } : {}), ...(o.bodyPart !== undefined ? { bodyPart: o.bodyPart } : {}),
          ...(o.ordering !== undefined ? { orderingProvider: o.ordering } : {}), ...(o.reason !== undefined ? { reason: o.reason } : {}),
          ...(o.study !== undefined ? { studyId: id(o.study, '--study', 'list --json') } : {}),
        });
      });
      if (ctx.json) printJson(ctx, exam);
      else ctx.stdout.write(`Planned exam ${exam.id}. Answer its questions with "scanvault answer ${exam.id} QUESTION --value …".\n`);
    });

  program.command('exam-link')
    .description('Link an imported study to a planned exam (what was recorded for the study moves to the exam).')
    .argument('<exam>', 'the exam number from "scanvault exams"')
    .argument('<study>', 'the study number from "scanvault list --json"')
    .action(async (exam: string, study: string) => {
      const ctx = context();
      const result = await withUnlocked(ctx, (s) => s.call('linkExamStudy', { examId: id(exam, 'EXAM', 'exams'), studyId: id(study, 'STUDY', 'list --json') }));
      if (ctx.json) printJson(ctx, result);
      else ctx.stdout.write(`Exam ${result.id} is now linked to its images.\n`);
    });

  program.command('answer')
    .description('Record what a provider answered to one question for one exam (earlier answers stay in its history).')
    .argument('<exam>', 'the exam number from "scanvault exams"')
    .argument('<question>', 'the question id from "scanvault questions", e.g. ai-used')
    .requiredOption('--value <value>', 'yes, no, unknown, refused, will-find-out, an option (several: a,b) or text')
    .option('--by <name>', 'who answered').option('--role <role>', 'their role').option('--org <organisation>', 'their organisation')
    .option('--how <how>', 'in-person, phone, portal, email, letter, document or other')
    .option('--date <YYYY-MM-DD>', 'when they answered (default: today)')
    .option('--detail <text>', 'the detail the question asks for').option('--detail-date <YYYY-MM-DD>', 'the date the question asks for')
    .option('--quote <text>', 'their exact words').option('--notes <text>', 'your notes')
    .option('--carried-from <answer>', 'confirm the carried-over answer with this number')
    .action(async (exam: string, question: string, o: Record<string, string | undefined>) => {
      const ctx = context();
      const pick = (k: string, as = k): Record<string, string> => (o[k] !== undefined ? { [as]: o[k] } : {});
      const input = {
        examId: id(exam, 'EXAM', 'exams'), questionId: question, value: o.value ?? '',
        ...pick('by'), ...pick('role'), ...pick('org'), ...pick('how'), ...pick('date'), ...pick('detail'), ...pick('detailDate'), ...pick('quote'), ...pick('notes'),
        ...(o.carriedFrom !== undefined ? { carriedFromAnswerId: id(o.carriedFrom, '--carried-from', `answers ${exam}`) } : {}),
      };
      // Strings as typed: the dispatcher parses them with the contract's schema (a bad --how or date is a usage error there).
      const answer = await withUnlocked(ctx, (s) => s.call('recordAnswer', input as ApiInput<'recordAnswer'>));
      if (ctx.json) printJson(ctx, { ...answerJson(answer), history: answer.history.map((h) => ({ ...answerJson(h), changedAt: h.changedAt })) });
      else ctx.stdout.write(`Recorded ${answer.questionId} for exam ${answer.examId}${answer.history.length > 0 ? ` (${answer.history.length} earlier version(s) kept)` : ''}.\n`);
    });

  program.command('answers')
    .description('The answers recorded for one exam, each with its earlier versions, and answers carried over to confirm.')
    .argument('<exam>', 'the exam number from "scanvault exams"')
    .action(async (exam: string) => {
      const ctx = context();
      const detail = await withUnlocked(ctx, (s) => s.call('getExam', { examId: id(exam, 'EXAM', 'exams') }));
      if (ctx.json) {
        printJson(ctx, {
          answers: detail.answers.map((a) => ({ ...answerJson(a), history: a.history.map((h) => ({ ...answerJson(h), changedAt: h.changedAt })) })),
          carriedOver: detail.carriedOver.map((c) => ({ ...answerJson(c.answer), fromExam: c.fromExamId, fromAnswer: c.fromAnswerId, label: c.label })),
        });
      } else ctx.stdout.write(formatAnswers(detail.answers, detail.carriedOver));
    });

  program.command('followups')
    .description('Questions still unanswered or "will find out" that carry a due date, soonest first.')
    .action(async () => {
      const ctx = context();
      const { followUps } = await withUnlocked(ctx, (s) => s.call('listFollowUps', {}));
      if (ctx.json) printJson(ctx, { followUps });
      else ctx.stdout.write(formatFollowUps(followUps));
    });

  program.command('followup')
    .description('Give an unanswered or "will find out" question a due date (or --clear it).')
    .argument('<exam>', 'the exam number').argument('<question>', 'the question id')
    .option('--due <YYYY-MM-DD>', 'when to ask again').option('--clear', 'remove the due date')
    .action(async (exam: string, question: string, o: { due?: string; clear?: boolean }) => {
      const ctx = context();
      if ((o.due === undefined) === (o.clear !== true)) throw new CliExit(EXIT.usage, 'Give either --due YYYY-MM-DD or --clear.');
      const { followUp } = await withUnlocked(ctx, (s) => s.call('setFollowUp', { examId: id(exam, 'EXAM', 'exams'), questionId: question, dueDate: o.due ?? null }));
      if (ctx.json) printJson(ctx, { followUp });
      else ctx.stdout.write(followUp ? `Follow-up due ${followUp.dueDate}.\n` : 'Follow-up removed.\n');
    });

  registerProviderCommands(program, context);
}
