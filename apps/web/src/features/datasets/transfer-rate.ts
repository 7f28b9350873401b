/**
 * Upload speed over a sliding window: the bytes sent in the last few seconds divided by the time
 * they took, so a stall shows as a falling speed instead of the average since the start.
 */

/** Seconds the speed is averaged over. */
const WINDOW_MS = 3000;

/** Keeps recent (time, bytes) samples and answers bytes per second. */
export interface RateMeter {
  /** Records that `bytes` in total had been sent at `atMs`; returns the current speed (bytes/s). */
  sample(bytes: number, atMs: number): number;
  /** Forgets every sample (after a pause, so the pause does not count as slow sending). */
  reset(): void;
}

/**
 * A meter of the sending speed.
 * @example const meter = createRateMeter(); meter.sample(0, 0); meter.sample(1024, 1000) // 1024
 */
export function createRateMeter(windowMs = WINDOW_MS): RateMeter {
  let samples: { at: number; bytes: number }[] = [];
  return {
    sample(bytes, atMs) {
      samples.push({ at: atMs, bytes });
      // Keep one sample at or before the window's start so the window is always full once possible.
      while (samples.length > 2 && (samples[1]?.at ?? atMs) <= atMs - windowMs) samples.shift();
      const first = samples[0];
      if (!first || atMs <= first.at) return 0;
      return Math.max(0, ((bytes - first.bytes) * 1000) / (atMs - first.at));
    },
    reset() {
      samples = [];
    },
  };
}
