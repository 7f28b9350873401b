/**
 * When a publicity period (公示期) ends. Calendar days are whole 24-hour days from the start; working
 * days follow the statutory calendar (`chinese-days`: holidays and 调休 make-up working days) in
 * China Standard Time: the period ends at the midnight that closes the N-th working day after the
 * start date. A shortened test "day" counts every day, working or not.
 */
import chineseDays from 'chinese-days';
import type { DayKind } from '@shuliu/core';

/** One real day in milliseconds: the default of `SHULIU_PUBLICITY_DAY_MS`. */
export const REAL_DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The `YYYY-MM-DD` of `date` in China Standard Time. */
function cstDate(date: Date): string {
  return new Date(date.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when the CST date `day` (`YYYY-MM-DD`) is a working day in the statutory calendar. */
export function isWorkingDay(day: string): boolean {
  return chineseDays.isWorkday(day);
}

/**
 * The end of a publicity period of `days` of `kind` starting at `start`. `dayMs` other than a real
 * day (tests) makes the period exactly `days × dayMs` whatever the kind.
 */
export function publicityEndOf(start: Date, days: number, kind: DayKind, dayMs = REAL_DAY_MS): Date {
  if (dayMs !== REAL_DAY_MS || kind === 'calendar') return new Date(start.getTime() + days * dayMs);
  // Midnight CST at the start of the start date, as UTC milliseconds.
  let midnight = Date.parse(`${cstDate(start)}T00:00:00Z`) - CST_OFFSET_MS;
  let counted = 0;
  // At most a year of scanning: even the longest holiday runs leave far more than 60 working days.
  for (let i = 0; i < 366 && counted < days; i++) {
    midnight += REAL_DAY_MS;
    if (isWorkingDay(cstDate(new Date(midnight)))) counted += 1;
  }
  return new Date(midnight + REAL_DAY_MS);
}
