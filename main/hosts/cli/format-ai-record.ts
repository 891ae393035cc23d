/** Plain-text output of the AI-use record commands (the --json shapes are built beside each command). */
import type { AnswerWithHistory, CarriedOver, ExamSummary, FollowUp, Provider } from '../../../shared/api/ai-record';
import { AI_FLAG_LABELS, NON_ANSWER_LABELS, QUESTIONNAIRE, questionById, type AnswerValue, type NonAnswer } from '../../../shared/questionnaire';
import { plural } from './format';

export function formatQuestions(): string {
  const lines = [`AI-use questionnaire, version ${QUESTIONNAIRE.version} (${plural(QUESTIONNAIRE.questions.length, 'question')})`, ''];
  for (const q of QUESTIONNAIRE.questions) {
    const options = (q.options ?? []).map((o) => o.value).join(', ');
    const answers = q.type === 'ynu' ? 'yes, no' : q.type === 'text' ? 'text' : q.type === 'multi' ? `one or more of ${options} (several: a,b)` : `one of ${options}`;
    lines.push(`${q.id} (${q.topic}, ${q.type}): ${q.text}`, `  why: ${q.why}`, `  answer: ${answers}; or unknown, refused, will-find-out${q.detail ? `; --detail: ${q.detail}` : ''}${q.date ? `; --detail-date: ${q.date}` : ''}`);
  }
  return lines.join('\n') + '\n';
}

const flagText = (flags: readonly string[]): string => flags.map((f) => AI_FLAG_LABELS[f as keyof typeof AI_FLAG_LABELS] ?? f).join(', ');

export function formatExams(exams: readonly ExamSummary[]): string {
  if (exams.length === 0) return 'No exams yet. Import scans, or plan one with "scanvault exam-add --person N --date YYYY-MM-DD".\n';
  const lines: string[] = [];
  for (const e of exams) {
    const what = [e.modality, e.bodyPart, e.studyDescription].filter((x) => x !== null).join(' ');
    const where = e.facilityName ? ` at ${e.facilityName}` : '';
    lines.push(`exam ${e.id}: ${e.date ?? 'no date'} ${what || 'exam'}${where} — ${e.answered} of ${e.total} answered${e.studyId === null ? ', planned (no images linked)' : ''}`);
    if (e.flags.length > 0) lines.push(`  flags: ${flagText(e.flags)}`);
    if (e.followUpsOpen > 0) lines.push(`  follow-ups: ${e.followUpsOpen} open${e.followUpsOverdue > 0 ? `, ${e.followUpsOverdue} overdue` : ''}`);
  }
  lines.push('', 'Answer a question: "scanvault answer EXAM QUESTION --value yes". The questions: "scanvault questions".');
  return lines.join('\n') + '\n';
}

export function valueText(questionId: string, v: AnswerValue): string {
  const q = questionById(questionId);
  const one = (x: string): string => NON_ANSWER_LABELS[x as NonAnswer] ?? q?.options?.find((o) => o.value === x)?.label ?? x;
  return typeof v === 'string' ? one(v) : v.map(one).join(', ');
}

function who(a: { by: string | null; role: string | null; org: string | null }): string {
  return [a.by, a.role, a.org].filter((x) => x !== null).join(', ');
}

export function formatAnswers(answers: readonly AnswerWithHistory[], carried: readonly CarriedOver[]): string {
  const lines: string[] = [];
  if (answers.length === 0) lines.push('No answers recorded for this exam yet.');
  for (const a of answers) {
    const q = questionById(a.questionId);
    lines.push(`${a.questionId}: ${valueText(a.questionId, a.value)}${q ? `  (${q.text})` : ''}`);
    const facts = [who(a) && `said by ${who(a)}`, a.date && `on ${a.date}`, a.how && `by ${a.how}`].filter(Boolean).join(' ');
    if (facts) lines.push(`  ${facts}`);
    if (a.detail) lines.push(`  detail: ${a.detail}${a.detailDate ? ` (${a.detailDate})` : ''}`);
    if (a.quote) lines.push(`  quote: “${a.quote}”`);
    if (a.notes) lines.push(`  notes: ${a.notes}`);
    for (const h of a.history) lines.push(`  earlier: ${valueText(h.questionId, h.value)}${who(h) ? ` (${who(h)})` : ''}, replaced ${h.changedAt.slice(0, 10)}`);
  }
  if (carried.length > 0) {
    lines.push('', 'Carried over from an earlier exam at this facility (not recorded until you confirm):');
    for (const c of carried) lines.push(`  ${c.questionId}: ${valueText(c.questionId, c.answer.value)} — confirm with "scanvault answer EXAM ${c.questionId} --value … --carried-from ${c.fromAnswerId}"`);
  }
  return lines.join('\n') + '\n';
}

export function formatFollowUps(list: readonly FollowUp[]): string {
  if (list.length === 0) return 'Nothing outstanding: no follow-ups are open.\n';
  return list.map((f) => `${f.dueDate}${f.overdue ? ' OVERDUE' : ''}: exam ${f.examId}${f.facilityName ? ` at ${f.facilityName}` : ''}, ${f.questionId} (${f.status === 'unanswered' ? 'not answered yet' : 'they will find out'})`).join('\n') + '\n';
}

export function formatProviders(list: readonly Provider[]): string {
  if (list.length === 0) return 'No facilities or AI companies yet. Add one with "scanvault provider-add --kind facility --name NAME".\n';
  return list.map((p) => `provider ${p.id}: ${p.name} (${p.kind === 'facility' ? 'facility' : 'AI company'}) — ${plural(p.examCount, 'exam')}, ${plural(p.documentCount, 'document')}`).join('\n') + '\n';
}
