/**
 * Shared pieces of the benchmarks: load runs with autocannon (its CLI in a child process, so the load
 * generator never shares an event loop with the server under test), the side-by-side table, and the
 * JSON written to bench/results/<name>.json.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const run = promisify(execFile);

/** Folder the benchmarks write their JSON to. */
export const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

/** How long and how hard each scenario is driven; BENCH_SECONDS overrides the duration. */
export interface LoadSettings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

/** Settings shared by every scenario of a run: 2 connections per core, 5 s, 1 s warm-up. */
export function loadSettings(): LoadSettings {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  return {
    seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 5,
    warmupSeconds: 1,
    connections: 2 * availableParallelism(),
  };
}

/** One measured scenario. */
export interface Measurement {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** Drives `url` (loopback only) for the configured time after a discarded warm-up run. */
export async function measure(
  scenario: string,
  url: string,
  settings: LoadSettings,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new Error(`benchmarks run on loopback only, not ${host}`);
  }
  await runAutocannon(url, settings.connections, settings.warmupSeconds, headers);
  const result = await runAutocannon(url, settings.connections, settings.seconds, headers);
  return {
    scenario,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Runs the autocannon CLI once and returns its JSON result. */
async function runAutocannon(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string>,
): Promise<autocannon.Result> {
  const args = [AUTOCANNON_CLI, '--json', '-c', String(connections), '-d', String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as autocannon.Result;
}

/** A row that could not be measured in this run, with the reason. */
export interface Skipped {
  scenario: string;
  reason: string;
}

/** Prints measurements beside the baseline (the first row) and the skipped rows. */
export function printTable(rows: Measurement[], skipped: Skipped[] = []): void {
  const baseline = rows[0]?.requestsPerSecond ?? 0;
  const table = [
    ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline'],
    ...rows.map((r) => [
      r.scenario,
      String(r.requestsPerSecond),
      String(r.p50Ms),
      String(r.p99Ms),
      baseline > 0 ? `${(r.requestsPerSecond / baseline).toFixed(2)}×` : '—',
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length))) ?? [];
  for (const row of table) {
    const cells = row.map((cell, i) =>
      i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
    );
    process.stdout.write(`  ${cells.join('  ')}\n`);
  }
  for (const row of rows) {
    if (row.non2xx > 0 || row.errors > 0)
      process.stdout.write(
        `  ! ${row.scenario}: ${row.non2xx} non-2xx answers, ${row.errors} errors/timeouts\n`,
      );
  }
  for (const s of skipped) process.stdout.write(`  - ${s.scenario}: skipped, ${s.reason}\n`);
}

/** Writes `bench/results/<name>.json` with the machine facts beside the figures. */
export async function writeResults(
  name: string,
  settings: LoadSettings,
  rows: Measurement[],
  skipped: Skipped[],
): Promise<string> {
  const file = join(RESULTS_DIR, `${name}.json`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const body = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
    settings,
    baseline: rows[0]?.scenario ?? null,
    rows: rows.map((r) => ({
      ...r,
      ratioToBaseline: rows[0] ? Number((r.requestsPerSecond / rows[0].requestsPerSecond).toFixed(3)) : null,
    })),
    skipped,
  };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
