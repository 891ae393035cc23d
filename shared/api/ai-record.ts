/**
 * The AI-use record: exams (planned or imported), the questionnaire's answers with their history,
 * follow-ups, providers (facilities and AI vendors), documents (stored encrypted) and letters.
 * The questionnaire itself is data in shared/questionnaire/, read directly by every side.
 */
import { z } from 'zod';
import { IsoDate } from '../domain';
import { PersonProfile } from '../person-profile';
import { AI_FLAGS } from '../questionnaire/model';
import { Empty, method } from './method';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const RowId = z.number().int();

/** Free text given by the patient; empty after trimming means "not given" (stored as null). */
const optText = (max: number) => z.string().trim().max(max, `This can be at most ${max} characters long.`)
  .transform((s) => (s === '' ? null : s)).nullable().optional();
const optDate = z.union([IsoDate, z.literal('').transform(() => null), z.null()]).optional();

export const AiFlag = z.enum(AI_FLAGS);
export type AiFlag = z.infer<typeof AiFlag>;

/** A string for ynu / choice / text questions (or a non-answer), a list of option values for multi. */
export const AnswerValue = z.union([
  z.string().max(4000, 'An answer can be at most 4000 characters; attach longer text as a document.'),
  z.array(z.string().max(100, 'That is not one of the question’s options.')).max(30, 'Choose at most 30 options.'),
], { error: 'Give the answer as text, or as a list of the question’s options.' });

/** How the answer reached the patient. */
export const AnswerHow = z.enum(['in-person', 'phone', 'portal', 'email', 'letter', 'document', 'other'], {
  error: 'Say how they answered: in-person, phone, portal, email, letter, document or other.',
});
export type AnswerHow = z.infer<typeof AnswerHow>;

export const ProviderKind = z.enum(['facility', 'ai-vendor']);
export const LetterKind = z.enum(['ai-inquiry', 'accounting', 'access', 'restriction', 'complaint']);
export type LetterKind = z.infer<typeof LetterKind>;
export const DocumentKind = z.enum(['consent-form', 'privacy-notice', 'letter-received', 'photo', 'other']);

// ---- exams ----

/** The planned fields of an exam; all optional (an exam can start as just "a scan I will have"). */
const ExamFields = z.object({
  date: optDate,
  facilityId: Id.nullable().optional(),
  modality: optText(64),
  bodyPart: optText(200),
  orderingProvider: optText(200),
  reason: optText(1000),
}).strict();

export const ExamSummary = z.object({
  id: RowId,
  personId: RowId,
  personName: z.string().nullable(),
  /** The imported study, once linked (imports link their studies automatically). */
  studyId: RowId.nullable(),
  studyInstanceUid: z.string().nullable(),
  studyDate: z.string().nullable(),
  studyDescription: z.string().nullable(),
  /** 'import': made automatically for an imported study; 'planned': made by the patient. */
  origin: z.enum(['planned', 'import']),
  date: z.string().nullable(),
  facilityId: RowId.nullable(),
  facilityName: z.string().nullable(),
  modality: z.string().nullable(),
  bodyPart: z.string().nullable(),
  orderingProvider: z.string().nullable(),
  reason: z.string().nullable(),
  answered: z.number().int(),
  total: z.number().int(),
  flags: z.array(AiFlag),
  /** Follow-ups still open, and those of them past their due date. */
  followUpsOpen: z.number().int(),
  followUpsOverdue: z.number().int(),
});
export type ExamSummary = z.infer<typeof ExamSummary>;

// ---- answers ----

/** What the patient records for one question (one new version each time). */
export const AnswerInput = z.object({
  examId: Id,
  questionId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A question id is written like ai-used; see the list of questions.').max(80),
  value: AnswerValue,
  /** Compound questions: the detail text and the date the question asks for. */
  detail: optText(4000),
  detailDate: optDate,
  /** Who answered: name, role, organisation. */
  by: optText(200),
  role: optText(200),
  org: optText(200),
  how: AnswerHow.nullable().optional(),
  /** When the provider gave this answer (default: today). */
  date: optDate,
  /** Their exact words. */
  quote: optText(4000),
  notes: optText(4000),
  /** Set when the patient confirms a carried-over suggestion: the answer it came from. */
  carriedFromAnswerId: Id.nullable().optional(),
}).strict();

export const Answer = z.object({
  /** This version's id. */
  id: RowId,
  examId: RowId,
  questionId: z.string(),
  value: AnswerValue,
  detail: z.string().nullable(),
  detailDate: z.string().nullable(),
  by: z.string().nullable(),
  role: z.string().nullable(),
  org: z.string().nullable(),
  how: AnswerHow.nullable(),
  date: z.string().nullable(),
  quote: z.string().nullable(),
  notes: z.string().nullable(),
  carriedFromAnswerId: RowId.nullable(),
  /** When this version was recorded in the vault (ISO 8601). */
  recordedAt: z.string(),
});
export type Answer = z.infer<typeof Answer>;

/** An earlier version, kept readable; `changedAt` is when a newer version replaced it. */
export const AnswerVersion = Answer.extend({ changedAt: z.string() });
export const AnswerWithHistory = Answer.extend({ history: z.array(AnswerVersion) });
export type AnswerWithHistory = z.infer<typeof AnswerWithHistory>;

/** The latest answer the same facility gave on another exam: offered, never copied silently. */
export const CarriedOver = z.object({
  questionId: z.string(),
  fromExamId: RowId,
  fromAnswerId: RowId,
  answer: Answer,
  label: z.literal('carried over, confirm'),
});
export type CarriedOver = z.infer<typeof CarriedOver>;

// ---- follow-ups ----

export const FollowUp = z.object({
  examId: RowId,
  questionId: z.string(),
  dueDate: z.string(),
  /** Still unanswered, or answered "will find out". */
  status: z.enum(['unanswered', 'will-find-out']),
  overdue: z.boolean(),
  examDate: z.string().nullable(),
  facilityName: z.string().nullable(),
});
export type FollowUp = z.infer<typeof FollowUp>;

// ---- providers ----

export const ProviderInput = z.object({
  /** Absent: a new provider. */
  id: Id.optional(),
  kind: ProviderKind,
  name: z.string().trim().min(1, 'Type the name of the facility or company.').max(200, 'A name can be at most 200 characters long.'),
  contact: optText(1000),
  privacyOfficer: optText(500),
  /** What they said about AI in general. */
  aiStatement: optText(4000),
  notes: optText(4000),
}).strict();

export const Provider = z.object({
  id: RowId,
  kind: ProviderKind,
  name: z.string(),
  contact: z.string().nullable(),
  privacyOfficer: z.string().nullable(),
  aiStatement: z.string().nullable(),
  notes: z.string().nullable(),
  documentCount: z.number().int(),
  examCount: z.number().int(),
});
export type Provider = z.infer<typeof Provider>;

// ---- documents ----

export const DocumentTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exam'), examId: Id }).strict(),
  z.object({ kind: z.literal('answer'), examId: Id, questionId: z.string().max(80) }).strict(),
  z.object({ kind: z.literal('provider'), providerId: Id }).strict(),
  z.object({ kind: z.literal('letter'), letterId: Id }).strict(),
]);
export type DocumentTarget = z.infer<typeof DocumentTarget>;

/** Where the bytes come from: a file path (desktop, CLI) or a one-file browser upload (see upload.ts). */
export const DocumentSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
]);

export const DocumentInfo = z.object({
  id: RowId,
  target: DocumentTarget,
  docKind: DocumentKind,
  title: z.string().nullable(),
  /** Detected from the bytes: application/pdf, image/png, image/jpeg. */
  mediaType: z.string(),
  size: z.number().int(),
  addedAt: z.string(),
  /** Whether the consent-form reader has run on it. */
  passages: z.enum(['not-read', 'found', 'failed']),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const PassageOut = z.object({
  page: z.number().int(),
  term: z.string(),
  phrase: z.string(),
  context: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

// ---- letters ----

export const LetterDraft = z.record(z.string().max(80), z.string().max(20000));

export const LetterSummary = z.object({
  id: RowId,
  kind: LetterKind,
  examId: RowId.nullable(),
  recipientId: RowId.nullable(),
  /** The patient's edits on top of what the vault fills in, by field name. */
  draft: LetterDraft,
  createdAt: z.string(),
  sentDate: z.string().nullable(),
  sentMethod: z.string().nullable(),
  replyDocumentIds: z.array(RowId),
});
export type LetterSummary = z.infer<typeof LetterSummary>;

export const ExamDetail = z.object({
  exam: ExamSummary,
  /** The current answer per question (only questions answered at least once), with history. */
  answers: z.array(AnswerWithHistory),
  /** For unanswered questions, when the exam's facility answered them on an earlier exam. */
  carriedOver: z.array(CarriedOver),
  followUps: z.array(FollowUp),
  /** Documents of the exam and of its answers. */
  documents: z.array(DocumentInfo),
  letters: z.array(LetterSummary),
});
export type ExamDetail = z.infer<typeof ExamDetail>;

/** The name of a person planned for before any of their scans is imported. */
const NewPersonName = z.string().trim().min(1, 'Type a name for this person, for example “Me” or your child’s first name.')
  .max(200, 'A name can be at most 200 characters long.');

const ExamRef = z.object({ examId: Id }).strict();
const DocRef = z.object({ documentId: Id }).strict();
const LetterRef = z.object({ letterId: Id }).strict();

export const aiRecordMethods = {
  /** Every exam (optionally one person's), newest first, with progress and flags. */
  listExams: method(z.object({ personId: Id.optional() }).strict(), z.object({ exams: z.array(ExamSummary) }), { needsUnlock: true }),
  getExam: method(ExamRef, ExamDetail, { needsUnlock: true }),
  /**
   * A planned exam for a person (studyId links an imported study straight away). Before any import
   * there is nobody yet: `newPersonName` (e.g. "Me" or a child's name) creates the person with it.
   */
  createExam: method(
    ExamFields.extend({ personId: Id.optional(), newPersonName: NewPersonName.optional(), studyId: Id.optional() }).strict()
      .refine((e) => (e.personId === undefined) !== (e.newPersonName === undefined), {
        error: 'Say whose exam it is: choose a person, or type the name of someone new.',
      }),
    ExamSummary,
    { needsUnlock: true },
  ),
  /** Changes the planned fields (only those sent). */
  updateExam: method(ExamFields.extend({ examId: Id }).strict(), ExamSummary, { needsUnlock: true }),
  /**
   * Links an imported study to a planned exam. The exam made automatically for that study is folded
   * into this one (its answers, documents and letters move here), then removed.
   */
  linkExamStudy: method(z.object({ examId: Id, studyId: Id }).strict(), ExamSummary, { needsUnlock: true }),

  recordAnswer: method(AnswerInput, AnswerWithHistory, { needsUnlock: true }),
  /** Due date for an unanswered or "will find out" question; null removes it. */
  setFollowUp: method(
    z.object({ examId: Id, questionId: z.string().max(80), dueDate: IsoDate.nullable() }).strict(),
    z.object({ followUp: FollowUp.nullable() }),
    { needsUnlock: true },
  ),
  /** Open follow-ups across exams, soonest first. */
  listFollowUps: method(Empty, z.object({ followUps: z.array(FollowUp) }), { needsUnlock: true }),

  listProviders: method(Empty, z.object({ providers: z.array(Provider) }), { needsUnlock: true }),
  /** Creates (no id) or updates a facility or AI vendor. */
  saveProvider: method(ProviderInput, Provider, { needsUnlock: true }),

  /** Stores a document encrypted, attached to an exam, an answer, a provider or a letter. */
  attachDocument: method(
    z.object({ target: DocumentTarget, docKind: DocumentKind, title: optText(200), source: DocumentSource }).strict(),
    DocumentInfo,
    { needsUnlock: true },
  ),
  listDocuments: method(z.object({ target: DocumentTarget }).strict(), z.object({ documents: z.array(DocumentInfo) }), { needsUnlock: true }),
  /** Starts the consent-form reader on a document (a job: PDF text or OCR, then the passage finder). */
  findConsentPassages: method(DocRef, z.object({ jobId: z.string() }), { needsUnlock: true }),
  /** What the reader found (empty with passages 'not-read' until it has run). */
  getDocumentPassages: method(
    DocRef,
    z.object({ document: DocumentInfo, method: z.enum(['pdf-text', 'ocr']).nullable(), pageCount: z.number().int(), passages: z.array(PassageOut) }),
    { needsUnlock: true },
  ),

  listLetters: method(z.object({ examId: Id.optional() }).strict(), z.object({ letters: z.array(LetterSummary) }), { needsUnlock: true }),
  createLetter: method(
    z.object({ kind: LetterKind, examId: Id.optional(), recipientId: Id.optional(), draft: LetterDraft.optional() }).strict(),
    LetterSummary,
    { needsUnlock: true },
  ),
  /** The letter with the facts the vault holds for filling it (patient profile, exam, recipient). */
  getLetter: method(
    LetterRef,
    z.object({ letter: LetterSummary, exam: ExamSummary.nullable(), recipient: Provider.nullable(), patient: PersonProfile.nullable() }),
    { needsUnlock: true },
  ),
  /** Replaces the patient's edits. */
  updateLetter: method(z.object({ letterId: Id, draft: LetterDraft }).strict(), LetterSummary, { needsUnlock: true }),
  /** Logs the letter as sent. */
  markLetterSent: method(
    z.object({ letterId: Id, sentDate: IsoDate, sentMethod: z.string().trim().min(1, 'Say how you sent it, for example post or email.').max(100) }).strict(),
    LetterSummary,
    { needsUnlock: true },
  ),
} as const;
