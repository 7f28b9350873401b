/**
 * Runs a benchmark script in its own Node process (`node --import tsx`), so its memory is its own:
 * samples the child's peak resident set (`VmHWM` in /proc/<pid>/status) while it runs, passes its
 * stderr through indented, and hands back the result lines it prints (see child-report.ts).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { RESULT_MARKER } from './child-report.js';

/** Repository root: `--import tsx` resolves from the working directory. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE_MS = 100;

/** What every child reports, beside its own figures. */
export interface ChildReport {
  elapsedMs: number;
  /** `process.resourceUsage().maxRSS` when the child printed the report. */
  maxRssKiB: number;
}

/** A finished child: its last report, the peak RSS the parent saw and the wall time from spawn to exit. */
export interface ChildRun<T extends ChildReport> {
  report: T;
  /** Highest `VmHWM` sampled from /proc; null where /proc is unavailable. */
  sampledPeakKiB: number | null;
  wallMs: number;
}

/** A running child. */
export interface MeasuredChild {
  /** Resolves with the next result line the child prints (rejects if it exits first). */
  nextReport<T extends ChildReport>(): Promise<T>;
  /** Closes the child's stdin: a serving child takes it as the sign to stop. */
  closeInput(): void;
  /** Resolves when the child exits cleanly, with its last report; rejects with its stderr tail otherwise. */
  finished<T extends ChildReport>(): Promise<ChildRun<T>>;
}

/** Peak resident set (KiB) of `pid` so far, or null once it is gone. */
async function vmHwmKiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Starts `script` (a path relative to bench/profile) with `args`. */
export function startMeasuredChild(script: string, args: string[], stderrPrefix = '    │ '): MeasuredChild {
  const started = performance.now();
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let peak: number | null = null;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    void vmHwmKiB(child.pid).then((kib) => {
      if (kib !== null) peak = Math.max(peak ?? 0, kib);
    });
  }, SAMPLE_MS);

  const reports: string[] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  const stderrTail: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith(RESULT_MARKER)) return;
    reports.push(line.slice(RESULT_MARKER.length));
    wake?.();
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    process.stdout.write(`${stderrPrefix}${line}\n`);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearInterval(sampler);
      resolve(signal ? null : exitCode);
    });
  });
  const failure = (code: number | null) =>
    new Error(
      `${script} ${code === null ? 'was killed' : `exited with ${code}`} after ${((performance.now() - started) / 1000).toFixed(1)} s` +
        ` (peak RSS seen ${peak === null ? '?' : `${Math.round(peak / 1024)} MiB`}):\n${stderrTail.join('\n')}`,
    );

  return {
    async nextReport<T extends ChildReport>() {
      while (taken >= reports.length) {
        const code = await Promise.race([
          exited,
          new Promise<'line'>((resolve) => (wake = () => resolve('line'))),
        ]);
        wake = null;
        if (code !== 'line' && taken >= reports.length) throw failure(code);
      }
      return JSON.parse(reports[taken++] ?? 'null') as T;
    },
    closeInput: () => child.stdin.end(),
    async finished<T extends ChildReport>() {
      const code = await exited;
      const last = reports.at(-1);
      if (code !== 0 || last === undefined) throw failure(code);
      return {
        report: JSON.parse(last) as T,
        sampledPeakKiB: peak,
        wallMs: Math.round(performance.now() - started),
      };
    },
  };
}

/** Runs `script` to its end and returns its last report. */
export function runMeasuredChild<T extends ChildReport>(
  script: string,
  args: string[],
): Promise<ChildRun<T>> {
  const child = startMeasuredChild(script, args);
  child.closeInput();
  return child.finished<T>();
}
