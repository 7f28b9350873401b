/**
 * The publicity window (公示期) of a case on the notice page: how far through it we are and how much
 * is left, for the progress bar and the countdown. Pure, so the page and the tests share it.
 */

/** Where `now` falls in the window. */
export interface PublicityProgress {
  /** 0–100, rounded down; 100 once the window has ended. */
  percent: number;
  /** Milliseconds until the window ends; 0 once ended. */
  remainingMs: number;
  isEnded: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Progress through the window from `startedAt` to `endsAt` (ISO times) at `now`.
 * A window that has not started is at 0 %; an empty or inverted one counts as ended.
 */
export function publicityProgress(startedAt: string, endsAt: string, now: number): PublicityProgress {
  const start = Date.parse(startedAt);
  const end = Date.parse(endsAt);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start || now >= end) {
    return { percent: 100, remainingMs: 0, isEnded: true };
  }
  const elapsed = Math.max(0, now - start);
  return {
    percent: Math.floor((elapsed / (end - start)) * 100),
    remainingMs: end - now,
    isEnded: false,
  };
}

/** Time left split into whole days, hours and minutes (rounded up to the next minute). */
export interface RemainingParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Splits a remaining time for display; under a minute shows as 1 minute until it reaches 0. */
export function remainingParts(remainingMs: number): RemainingParts {
  const total = Math.max(0, Math.ceil(remainingMs / MINUTE) * MINUTE);
  return {
    days: Math.floor(total / DAY),
    hours: Math.floor((total % DAY) / HOUR),
    minutes: Math.floor((total % HOUR) / MINUTE),
  };
}

/**
 * Which countdown sentence fits: days+hours while more than a day is left, hours+minutes under a
 * day, minutes under an hour, ended at zero.
 */
export function countdownKey(parts: RemainingParts): 'days' | 'hours' | 'minutes' | 'ended' {
  if (parts.days > 0) return 'days';
  if (parts.hours > 0) return 'hours';
  if (parts.minutes > 0) return 'minutes';
  return 'ended';
}
