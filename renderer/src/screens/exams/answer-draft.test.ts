import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../../shared/api/ai-record';
import { questionById, type Question } from '../../../../shared/questionnaire';
import { describeValue, draftFromAnswer, draftToInput, emptyDraft } from './answer-draft';

function q(id: string): Question {
  const found = questionById(id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

const stored = (over: Partial<Answer>): Answer => ({
  id: 1, examId: 1, questionId: 'ai-used', value: 'yes', detail: null, detailDate: null, by: 'Dr Lee', role: 'Radiologist',
  org: 'Mercy', how: 'phone', date: '2026-11-30', quote: 'We use it on every CT.', notes: null, carriedFromAnswerId: null,
  recordedAt: '2026-11-30T10:00:00Z', ...over,
});

describe('answer drafts', () => {
  it('turns a yes/no answer with who and how into the recordAnswer fields', () => {
    const draft = { ...emptyDraft('2026-12-02'), single: 'yes', by: 'Dr Lee', how: 'phone' as const, quote: 'We use it.' };
    const result = draftToInput(q('ai-used'), draft);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ value: 'yes', by: 'Dr Lee', how: 'phone', date: '2026-12-02', quote: 'We use it.' }) });
  });

  it('asks for an answer when nothing is chosen, beside the right field', () => {
    expect(draftToInput(q('ai-used'), emptyDraft('2026-12-02'))).toEqual({ ok: false, errors: { single: expect.stringContaining('Choose or type') } });
    expect(draftToInput(q('ai-tasks'), emptyDraft('2026-12-02'))).toEqual({ ok: false, errors: { multi: expect.stringContaining('Choose or type') } });
  });

  it('keeps multi answers in the questionnaire order and takes a non-answer instead', () => {
    const multi = draftToInput(q('ai-tasks'), { ...emptyDraft(''), multi: ['measurement', 'detection'] });
    expect(multi.ok && multi.value.value).toEqual(['detection', 'measurement']);
    const none = draftToInput(q('ai-tasks'), { ...emptyDraft(''), nonAnswer: 'will-find-out' });
    expect(none.ok && none.value.value).toBe('will-find-out');
  });

  it('rejects impossible dates with a message naming the field', () => {
    const result = draftToInput(q('told-about-ai'), { ...emptyDraft('2026-02-30'), multi: ['before'], detailDate: '2026-13-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.date).toMatch(/^When they answered: /);
      expect(result.errors.detailDate).toMatch(/^When you were told: /);
    }
  });

  it('refills the fields from a stored answer, non-answers included', () => {
    const yes = draftFromAnswer(q('ai-used'), stored({}));
    expect(yes).toMatchObject({ single: 'yes', nonAnswer: '', by: 'Dr Lee', how: 'phone', quote: 'We use it on every CT.' });
    const refused = draftFromAnswer(q('ai-product'), stored({ questionId: 'ai-product', value: 'refused' }));
    expect(refused).toMatchObject({ single: '', nonAnswer: 'refused' });
    const multi = draftFromAnswer(q('ai-tasks'), stored({ questionId: 'ai-tasks', value: ['detection'] }));
    expect(multi).toMatchObject({ multi: ['detection'], nonAnswer: '' });
    // Round trip: what was stored is what would be sent again.
    const again = draftToInput(q('ai-tasks'), multi);
    expect(again.ok && again.value.value).toEqual(['detection']);
  });

  it('describes values in plain words', () => {
    expect(describeValue(q('ai-used'), 'yes')).toBe('Yes');
    expect(describeValue(q('ai-tasks'), ['detection', 'measurement'])).toBe('Looked for findings, Measured something');
    expect(describeValue(q('ai-used'), 'will-find-out')).toBe('They will find out');
    expect(describeValue(q('ai-product'), 'Acme LungScan 2.1')).toBe('Acme LungScan 2.1');
  });
});
