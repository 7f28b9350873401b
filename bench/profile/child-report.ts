/**
 * The line a benchmark child process ends with: a marker, then JSON. Servers in a child may log to
 * stdout too, so the parent only trusts lines that start with the marker.
 */

/** Prefix of a child's result line on stdout. */
export const RESULT_MARKER = 'BENCH_RESULT ';

/** Prints `body` as a result line, with the process's peak resident set size (KiB) beside it. */
export function reportFromChild(body: object): void {
  process.stdout.write(
    `${RESULT_MARKER}${JSON.stringify({ ...body, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
  );
}
