import { describe, expect, it } from 'vitest';
import { addDays, dayKey, daysBetween, isDayKey } from '../../../src/activity/days';

describe('calendar days', () => {
  it('names the local calendar day, not the UTC one', () => {
    expect(dayKey(new Date(2025, 0, 5, 0, 10))).toBe('2025-01-05');
    expect(dayKey(new Date(2025, 11, 31, 23, 50))).toBe('2025-12-31');
  });

  it('counts whole days across month, year and clock-change boundaries', () => {
    expect(daysBetween('2025-01-31', '2025-03-01')).toBe(29);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    // BST starts 30 March 2025 and ends 26 October 2025 in the UK: still whole days.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2025-03-31', '2025-03-29')).toBe(-2);
  });

  it('adds days forwards and backwards', () => {
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-06-10', -365)).toBe('2024-06-10');
  });

  it('accepts only real YYYY-MM-DD days', () => {
    expect(isDayKey('2025-06-10')).toBe(true);
    for (const bad of ['2025-02-30', '2025-6-10', '10/06/2025', '', 20250610, null, '2025-06-10T00:00'])
      expect(isDayKey(bad), String(bad)).toBe(false);
  });
});
