/**
 * A fixed-window counter per key (client address) kept in memory. Per process: behind a load balancer
 * with N copies the effective limit is N× — the per-account lockout (in the database) is the hard stop.
 */
import type { Clock } from '../../platform/clock.js';

/** Counts hits per key per window and says whether another is allowed. */
export function createRateLimiter(limit: number, windowMs: number, clock: Clock) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Records a hit for `key`; false when the key is over its limit in this window. */
    hit(key: string): boolean {
      const now = clock.now().getTime();
      if (windows.size > 50_000)
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      const current = windows.get(key);
      if (!current || now - current.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      current.count++;
      return current.count <= limit;
    },
  };
}
