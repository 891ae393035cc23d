/**
 * The shape of the AI-use questionnaire: versioned data read alike by the UI, the CLI, letters and
 * tests. Pure types and constants, no I/O.
 *
 * Every question's `id` is a stable kebab-case slug: once published it is never renamed, dropped
 * or given to another question (a frozen list in the tests guards this), so answers recorded under
 * one version stay readable under every later one.
 */

/** The fixed flag vocabulary: what the views show at a glance. */
export const AI_FLAGS = ['ai-used', 'cloud', 'outside-country', 'training-use', 'sold-or-shared', 'no-opt-out', 'no-human-review'] as const;
export type AiFlag = (typeof AI_FLAGS)[number];

/** Plain labels for the flags, for views and printouts. */
export const AI_FLAG_LABELS: Record<AiFlag, string> = {
  'ai-used': 'AI used',
  cloud: 'Cloud processing',
  'outside-country': 'Sent to another country',
  'training-use': 'Used for training or research',
  'sold-or-shared': 'Sold or shared with a company',
  'no-opt-out': 'No way to opt out',
  'no-human-review': 'No human review',
};

/**
 * Answers every question accepts besides its own: the provider does not know, would not say, or
 * will find out. For `text` questions these exact words count as these answers, not as text.
 */
export const NON_ANSWERS = ['unknown', 'refused', 'will-find-out'] as const;
export type NonAnswer = (typeof NON_ANSWERS)[number];

/** yes / no plus the non-answers. */
export const YNU_VALUES = ['yes', 'no', ...NON_ANSWERS] as const;
export type YnuValue = (typeof YNU_VALUES)[number];

export const NON_ANSWER_LABELS: Record<NonAnswer, string> = {
  unknown: 'They don’t know',
  refused: 'They would not say',
  'will-find-out': 'They will find out',
};

/**
 * `ynu`: yes / no / unknown / refused / will find out. `choice`: one option. `multi`: one or more
 * options. `text`: free text. Every type also accepts the non-answers.
 */
export type AnswerType = 'ynu' | 'choice' | 'multi' | 'text';

export interface QuestionOption {
  /** Stable kebab-case value stored in answers. */
  value: string;
  label: string;
}

/** A flag is raised when the answer's value (or one of a multi answer's values) is in `when`. */
export interface FlagRule {
  flag: AiFlag;
  when: readonly string[];
}

export interface Question {
  /** Stable kebab-case slug, never reused. */
  id: string;
  /** The reference topic it covers (Q01..Q18); a topic may be split into several questions. */
  topic: string;
  /** The question as the patient asks it, in plain words. */
  text: string;
  /** Why it matters, in one sentence. */
  why: string;
  type: AnswerType;
  /** For choice and multi. */
  options?: readonly QuestionOption[];
  /** Compound questions also take a detail text and/or a date; the label says what goes there. */
  detail?: string;
  date?: string;
  flags?: readonly FlagRule[];
}

export interface Questionnaire {
  version: number;
  questions: readonly Question[];
}

/** What an answer holds: a string for ynu, choice and text, a list of option values for multi. */
export type AnswerValue = string | readonly string[];
