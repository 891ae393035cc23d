import { describe, expect, it } from 'vitest';
import { AI_FLAGS, QUESTIONNAIRE, flagsOf, isAnswered, parseAnswerValue, progressOf, questionById, type AnswerValue } from './index';

/**
 * Every id ever published, in order. A later version may add ids at the end; it must never drop,
 * rename or reuse one, because stored answers refer to them.
 */
const PUBLISHED_IDS = [
  'ai-used', 'ai-tasks', 'ai-product', 'ai-regulatory-status', 'ai-within-cleared-use', 'radiologist-review',
  'ai-changed-care', 'told-about-ai', 'ai-message-unreviewed', 'ai-message-disclosed', 'ai-performance-info',
  'cloud-processing', 'processing-country', 'vendor-keeps-copies', 'training-use', 'permission-basis',
  'deid-method', 'deid-burned-in-and-face', 'sold-or-shared', 'opt-out-ai', 'opt-out-secondary-use', 'opted-out',
  'accounting-lists-exam',
];

const answers = (entries: Record<string, AnswerValue>) => new Map(Object.entries(entries));

describe('the questionnaire', () => {
  it('has text, a reason and a type for every question, and options where the type needs them', () => {
    for (const q of QUESTIONNAIRE.questions) {
      expect(q.text.length, q.id).toBeGreaterThan(10);
      expect(q.text.endsWith('?'), q.id).toBe(true);
      expect(q.why.length, q.id).toBeGreaterThan(20);
      expect(['ynu', 'choice', 'multi', 'text']).toContain(q.type);
      if (q.type === 'choice' || q.type === 'multi') expect(q.options?.length ?? 0, q.id).toBeGreaterThan(1);
      else expect(q.options, q.id).toBeUndefined();
      for (const rule of q.flags ?? []) {
        expect(AI_FLAGS).toContain(rule.flag);
        const allowed = q.type === 'ynu' ? ['yes', 'no'] : (q.options ?? []).map((o) => o.value);
        for (const v of rule.when) expect(allowed, `${q.id} flag value ${v}`).toContain(v);
      }
    }
  });

  it('uses unique kebab-case ids and keeps every published id', () => {
    const ids = QUESTIONNAIRE.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(ids.slice(0, PUBLISHED_IDS.length)).toEqual(PUBLISHED_IDS);
    expect(QUESTIONNAIRE.version).toBe(1);
  });

  it('covers all eighteen topics of the reference list', () => {
    const topics = new Set(QUESTIONNAIRE.questions.map((q) => q.topic));
    expect([...topics].sort()).toEqual(Array.from({ length: 18 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`));
  });

  it('can raise every flag of the vocabulary', () => {
    const raisable = new Set(QUESTIONNAIRE.questions.flatMap((q) => (q.flags ?? []).map((r) => r.flag)));
    expect([...raisable].sort()).toEqual([...AI_FLAGS].sort());
  });
});

describe('progress and flags', () => {
  it('counts unknown and refused as answered, will-find-out not', () => {
    const p = progressOf(QUESTIONNAIRE, answers({ 'ai-used': 'yes', 'ai-product': 'unknown', 'cloud-processing': 'refused', 'training-use': 'will-find-out', 'not-a-question': 'yes' }));
    expect(p).toEqual({ answered: 3, total: QUESTIONNAIRE.questions.length });
    expect(isAnswered(['will-find-out'])).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(['detection'])).toBe(true);
  });

  it('raises flags from the answers that mean them, in vocabulary order', () => {
    expect(flagsOf(QUESTIONNAIRE, answers({
      'opt-out-ai': 'no', 'cloud-processing': 'yes', 'processing-country': 'other-country', 'ai-used': 'yes',
      'training-use': ['de-identified'], 'radiologist-review': 'no', 'sold-or-shared': 'yes',
    }))).toEqual(['ai-used', 'cloud', 'outside-country', 'training-use', 'sold-or-shared', 'no-opt-out', 'no-human-review']);
    expect(flagsOf(QUESTIONNAIRE, answers({
      'ai-used': 'no', 'cloud-processing': 'unknown', 'training-use': ['none'], 'radiologist-review': 'yes', 'opt-out-ai': 'will-find-out',
    }))).toEqual([]);
    expect(flagsOf(QUESTIONNAIRE, answers({ 'ai-tasks': ['triage'] }))).toEqual(['ai-used']);
  });
});

describe('parseAnswerValue', () => {
  const q = (id: string) => {
    const found = questionById(id);
    if (!found) throw new Error(id);
    return found;
  };

  it('takes yes/no/unknown/refused/will-find-out for ynu questions, case-insensitively', () => {
    expect(parseAnswerValue(q('ai-used'), ' YES ')).toEqual({ ok: true, value: 'yes' });
    expect(parseAnswerValue(q('ai-used'), 'will-find-out')).toEqual({ ok: true, value: 'will-find-out' });
    expect(parseAnswerValue(q('ai-used'), 'maybe')).toMatchObject({ ok: false, message: expect.stringContaining('yes, no') });
  });

  it('takes comma-separated options for multi questions, in the options’ order, a non-answer only alone', () => {
    expect(parseAnswerValue(q('ai-tasks'), 'detection, triage,detection')).toEqual({ ok: true, value: ['triage', 'detection'] });
    expect(parseAnswerValue(q('ai-tasks'), 'unknown')).toEqual({ ok: true, value: 'unknown' });
    expect(parseAnswerValue(q('ai-tasks'), 'unknown,triage')).toMatchObject({ ok: false });
    expect(parseAnswerValue(q('ai-tasks'), 'telepathy')).toMatchObject({ ok: false, message: expect.stringContaining('reconstruction') });
    expect(parseAnswerValue(q('ai-tasks'), [])).toMatchObject({ ok: false });
  });

  it('takes one option for choice questions and free text for text questions', () => {
    expect(parseAnswerValue(q('processing-country'), 'other-country')).toEqual({ ok: true, value: 'other-country' });
    expect(parseAnswerValue(q('processing-country'), 'mars')).toMatchObject({ ok: false });
    expect(parseAnswerValue(q('ai-product'), '  BrainScan AI 2.1 by Acme  ')).toEqual({ ok: true, value: 'BrainScan AI 2.1 by Acme' });
    expect(parseAnswerValue(q('ai-product'), 'Refused')).toEqual({ ok: true, value: 'refused' });
    expect(parseAnswerValue(q('ai-product'), '   ')).toMatchObject({ ok: false });
  });
});
