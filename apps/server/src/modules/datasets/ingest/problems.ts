/**
 * Problems found while ingesting a file: a capped log (a file with a million bad rows must not produce
 * a million-entry report), the failure that ends an ingest for bad input, and masking of excerpts so a
 * report never carries a whole ID card or phone number.
 */
import type { IngestProblem } from '@shuliu/core';

/** Collects problems up to a cap and remembers whether any were dropped. */
export class ProblemLog {
  readonly problems: IngestProblem[] = [];
  truncated = false;

  constructor(private readonly max: number) {}

  /** Adds a problem, or marks the log truncated when it is full. */
  add(problem: IngestProblem): void {
    if (this.problems.length < this.max) this.problems.push(problem);
    else this.truncated = true;
  }

  /** Adds a problem even when the log is full, so the reason a file failed is never cut. */
  addFatal(problem: IngestProblem): void {
    this.problems.push(problem);
  }
}

/**
 * Thrown inside ingest when the file itself is bad; `ingestFile` turns it into a fatal report.
 * Every other error is an internal one and propagates.
 */
export class IngestFailure extends Error {
  /** `truncated`: more problems of the same kind existed than are listed. */
  constructor(
    readonly problems: IngestProblem[],
    readonly truncated = false,
  ) {
    super(problems.map((p) => p.code).join(', '));
    this.name = 'IngestFailure';
  }
}

/** Ends the ingest with one fatal problem. */
export function fail(
  code: string,
  message: string,
  extra: Omit<IngestProblem, 'code' | 'message'> = {},
): never {
  throw new IngestFailure([{ code, message, ...extra }]);
}

const EXCERPT_CHARS = 80;

/**
 * A short excerpt safe to show: cut to 80 characters, and every run of six or more digits keeps only
 * its first three and last two digits (`13812345678` → `138******78`).
 */
export function maskExcerpt(text: string): string {
  // Masking keeps the length, so masking before cutting never leaves a half-run unmasked.
  const masked = text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\d{6,}/g, (run) => `${run.slice(0, 3)}${'*'.repeat(run.length - 5)}${run.slice(-2)}`);
  const chars = Array.from(masked);
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : masked;
}
