/**
 * Progress of an ingest as one share (0–1) made of spans: each step reports its own 0–1 and the
 * span maps it into its slice of the whole. DuckDB statements are polled on a timer while they run.
 */
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';

/** Reports a step's own progress (0–1). */
export type ProgressSpan = (share: number) => void;

const POLL_MS = 250;
/** Even without movement the callback hears from us this often, so a watchdog sees the job alive. */
const HEARTBEAT_MS = 400;

/**
 * Turns a caller's callback into spans; never reports backwards and drops tiny, frequent steps.
 * While started, a heartbeat repeats the last share so steps that cannot measure themselves (a
 * DuckDB sniff, a count) never leave the caller without news for long.
 */
export class ProgressTracker {
  private last = 0;
  private lastAt = 0;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly onProgress: ((share: number) => void) | undefined) {}

  /** Starts the heartbeat; `stop` must follow. */
  start(): void {
    if (!this.onProgress || this.heartbeat) return;
    this.lastAt = Date.now();
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastAt >= HEARTBEAT_MS) this.report(this.last, true);
    }, HEARTBEAT_MS / 4);
  }

  /** Stops the heartbeat. */
  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** A span covering `from`..`to` of the whole. */
  span(from: number, to: number): ProgressSpan {
    return (share) => this.report(from + (to - from) * Math.min(1, Math.max(0, share)));
  }

  /** Reports the whole as done. */
  finish(): void {
    this.report(1, true);
  }

  private report(share: number, force = false): void {
    if (!this.onProgress || share < this.last) return;
    const now = Date.now();
    if (!force && share - this.last < 0.01 && now - this.lastAt < HEARTBEAT_MS) return;
    this.last = share;
    this.lastAt = now;
    this.onProgress(share);
  }
}

/** Asks DuckDB to track query progress (off by default) without printing a bar. */
export async function enableDuckDbProgress(duckdb: DuckDb): Promise<void> {
  await duckdb.run('SET enable_progress_bar = true');
  await duckdb.run('SET enable_progress_bar_print = false');
  await duckdb.run('SET progress_bar_time = 0');
}

/** Runs a statement while reporting DuckDB's own progress estimate to `span`. */
export async function runWithProgress(duckdb: DuckDb, sql: string, span: ProgressSpan): Promise<void> {
  const timer = setInterval(() => {
    const share = duckdb.progress();
    if (share !== null) span(share);
  }, POLL_MS);
  try {
    await duckdb.run(sql);
  } finally {
    clearInterval(timer);
  }
  span(1);
}

/** The `from`..`to` part of a span, for a step made of several. */
export function subSpan(span: ProgressSpan, from: number, to: number): ProgressSpan {
  return (share) => span(from + (to - from) * share);
}

/** A span that reports bytes processed out of a known total. */
export function byteCounter(span: ProgressSpan, total: number): (bytes: number) => void {
  let done = 0;
  return (bytes) => {
    done += bytes;
    if (total > 0) span(done / total);
  };
}
