import { describe, expect, it } from 'vitest';
import { IsoDate, ProvenanceInput, ReceivedDate, isRealDate } from './domain';

describe('dates in requests', () => {
  it.each(['2024-03-20', '2024-02-29', '2000-02-29', '1999-12-31'])('%s exists', (text) => {
    expect(isRealDate(text)).toBe(true);
    expect(IsoDate.safeParse(text).success).toBe(true);
  });

  it.each(['9999-99-99', '2024-13-01', '2024-00-10', '2024-04-31', '2023-02-29', '1900-02-29', '0000-01-01', '2024-3-20'])('%s is refused', (text) => {
    expect(IsoDate.safeParse(text).success).toBe(false);
  });

  it('explains a date that does not exist in plain words', () => {
    const r = ProvenanceInput.safeParse({ sourceLabel: 'CD', receivedDate: '9999-99-99' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('That date does not exist');
  });

  it('refuses a received date in the future, accepts today', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(ReceivedDate.safeParse(today).success).toBe(true);
    const r = ReceivedDate.safeParse('2999-01-01');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('in the future');
  });
});
