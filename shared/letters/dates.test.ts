import { describe, expect, it } from 'vitest';
import { addDays, addYears, complaintDeadline, daysBetween, isCalendarDate, longDate } from './dates';

describe('letter dates', () => {
  it('computes the 180-day complaint limit across month ends, year ends and leap years', () => {
    expect(complaintDeadline('2023-01-01')).toBe('2023-06-30');
    expect(complaintDeadline('2024-01-01')).toBe('2024-06-29'); // 29 February counts
    expect(complaintDeadline('2025-09-15')).toBe('2026-03-14'); // over the new year and a 28-day February
    expect(complaintDeadline('2027-09-15')).toBe('2028-03-13'); // ... and a 29-day one
    expect(complaintDeadline('2026-08-31')).toBe('2027-02-27');
    expect(complaintDeadline('2024-02-29')).toBe('2024-08-27');
    expect(daysBetween('2024-02-29', complaintDeadline('2024-02-29'))).toBe(180);
  });

  it('adds days and years, keeping 29 February inside the calendar', () => {
    expect(addDays('2026-12-02', 30)).toBe('2027-01-01');
    expect(addDays('2026-12-02', 60)).toBe('2027-01-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addYears('2026-12-02', -6)).toBe('2020-12-02');
    expect(addYears('2024-02-29', -6)).toBe('2018-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts days between dates and refuses dates that do not exist', () => {
    expect(daysBetween('2026-12-02', '2026-11-30')).toBe(-2);
    expect(daysBetween('2024-03-30', '2024-03-31')).toBe(1); // a US/EU clock change would not shift it
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('writes dates the way a US office expects', () => {
    expect(longDate('2026-12-02')).toBe('December 2, 2026');
    expect(longDate('2027-01-31')).toBe('January 31, 2027');
  });
});
