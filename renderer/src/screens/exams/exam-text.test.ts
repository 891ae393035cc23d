import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE } from '../../../../shared/questionnaire';
import { PASSAGE_TERMS } from '../../../../shared/ai-record/passages';
import { examKind, examLabel, highlightParts, progressText } from './exam-text';
import { questionForTerm } from './passage-questions';

describe('exam wording', () => {
  it('names an exam by date and kind', () => {
    expect(examLabel({ date: '2026-03-12', studyDate: null, modality: 'CT', bodyPart: 'Chest', studyDescription: null })).toBe('12 March 2026, CT scan of the chest');
    expect(examLabel({ date: null, studyDate: '20250101', modality: null, bodyPart: null, studyDescription: 'MR KNEE' })).toBe('1 January 2025, MR KNEE');
    expect(examKind({ modality: 'Bone density scan', bodyPart: null, studyDescription: null })).toBe('Bone density scan');
    expect(progressText(7, 23)).toBe('7 of 23 answered');
  });

  it('finds the phrase inside the cleaned context, across a split hyphen and line break', () => {
    const context = 'Your images may be deidentified and shared with partners.';
    expect(highlightParts(context, 'de-\nidentified')?.match).toBe('deidentified');
    expect(highlightParts('Data may be used to train AI models.', 'train\n AI')).toEqual({ before: 'Data may be used to ', match: 'train AI', after: ' models.' });
    expect(highlightParts(context, 'Deidentified')).toEqual({ before: 'Your images may be ', match: 'deidentified', after: ' and shared with partners.' });
    expect(highlightParts('We never sell data.', 'commercial')).toBeNull();
  });

  it('maps every passage term group to a question that exists', () => {
    const ids = new Set(QUESTIONNAIRE.questions.map((q) => q.id));
    for (const term of PASSAGE_TERMS) expect(ids.has(questionForTerm(term)), term).toBe(true);
  });
});
