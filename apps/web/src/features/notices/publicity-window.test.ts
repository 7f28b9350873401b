import { describe, expect, it } from 'vitest';
import { countdownKey, publicityProgress, remainingParts } from './publicity-window';

const START = '2026-03-01T00:00:00Z';
const END = '2026-03-04T00:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('publicityProgress', () => {
  it('is a third through a three-day window after one day', () => {
    const progress = publicityProgress(START, END, at('2026-03-02T00:00:00Z'));
    expect(progress).toEqual({ percent: 33, remainingMs: 2 * 86_400_000, isEnded: false });
  });

  it('is at 0 % before the window starts and ended after it', () => {
    expect(publicityProgress(START, END, at('2026-02-28T00:00:00Z')).percent).toBe(0);
    expect(publicityProgress(START, END, at('2026-03-04T00:00:00Z'))).toEqual({
      percent: 100,
      remainingMs: 0,
      isEnded: true,
    });
  });

  it('treats a broken window as ended rather than dividing by zero', () => {
    expect(publicityProgress(END, START, at(START)).isEnded).toBe(true);
    expect(publicityProgress('not a date', END, at(START)).isEnded).toBe(true);
  });
});

describe('remainingParts and countdownKey', () => {
  it('splits into days, hours and minutes, rounding up to the minute', () => {
    const parts = remainingParts(2 * 86_400_000 + 3 * 3_600_000 + 61_000);
    expect(parts).toEqual({ days: 2, hours: 3, minutes: 2 });
    expect(countdownKey(parts)).toBe('days');
  });

  it('chooses the finest unit as the end approaches', () => {
    expect(countdownKey(remainingParts(5 * 3_600_000))).toBe('hours');
    expect(countdownKey(remainingParts(10_000))).toBe('minutes');
    expect(countdownKey(remainingParts(0))).toBe('ended');
    expect(countdownKey(remainingParts(-5))).toBe('ended');
  });
});
