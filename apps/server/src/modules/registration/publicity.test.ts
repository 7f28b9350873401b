import { describe, expect, it } from 'vitest';
import { isWorkingDay, publicityEndOf } from './publicity.js';

describe('publicity end', () => {
  it('counts calendar days as whole 24-hour days', () => {
    const start = new Date('2026-09-30T02:00:00Z');
    expect(publicityEndOf(start, 3, 'calendar').toISOString()).toBe('2026-10-03T02:00:00.000Z');
  });

  it('skips the National Day holiday and counts the make-up Saturday when counting working days', () => {
    // 2026: 10-01..10-07 are holidays; Saturday 10-10 is a make-up working day (调休).
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    const start = new Date('2026-09-30T02:00:00Z'); // 10:00 CST on Wednesday 30 September
    // Working days after the start date: 10-08, 10-09, 10-10 → ends at midnight CST closing 10-10.
    expect(publicityEndOf(start, 3, 'working').toISOString()).toBe('2026-10-10T16:00:00.000Z');
    // Ten working days: 10-08, 09, 10, 12, 13, 14, 15, 16, 19, 20 → midnight closing Tuesday 10-20.
    expect(publicityEndOf(start, 10, 'working').toISOString()).toBe('2026-10-20T16:00:00.000Z');
  });

  it('counts working days over an ordinary weekend', () => {
    const friday = new Date('2026-03-06T08:00:00Z');
    // Mon 9, Tue 10 → ends at midnight CST closing Tuesday.
    expect(publicityEndOf(friday, 2, 'working').toISOString()).toBe('2026-03-10T16:00:00.000Z');
  });

  it('treats every day as the configured length when days are shortened for tests', () => {
    const start = new Date('2026-10-01T00:00:00Z');
    expect(publicityEndOf(start, 10, 'working', 2000).getTime() - start.getTime()).toBe(20_000);
    expect(publicityEndOf(start, 3, 'calendar', 2000).getTime() - start.getTime()).toBe(6000);
  });
});
