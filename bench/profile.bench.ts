/**
 * Processing speed of a dataset version. On a generated, realistic CSV (`--size-mb`, default 1024:
 * names, ID numbers, mobiles, bank cards, amounts, dates, free text, ~3 % empty cells) it compares,
 * in the same run and alternately (BENCH_PROFILE_ROUNDS, default 2):
 * - baseline: one raw DuckDB pass computing count, min, max and approximate distinct count of every
 *   column, straight from the CSV;
 * - ours: the whole pipeline a processing job runs (ingest → normalized Parquet → profile → personal
 *   information → rules → quality), with the job's DuckDB limits.
 * Each runs in its own process, so its peak RSS is its own. Targets: baseline time / our time ≥ 0.60,
 * our peak RSS ≤ 1.5 GiB. Then an upload (`--upload-mb`, default 512) through tus on loopback to a
 * real node, beside `fs.copyFile` of the same file. Writes bench/results/profile.json; the generated
 * files are deleted at the end unless `--keep` (a kept file is reused by the next run).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ColumnRule } from '@shuliu/core';
import { DatasetsConfig } from '../apps/server/src/config/datasets.config.js';
import { RESULTS_DIR } from './harness.js';
import { CATEGORIES, ensureCsv, type GeneratedCsv } from './profile/generate-csv.js';
import { runMeasuredChild, type ChildReport, type ChildRun } from './profile/measured-child.js';
import { printTextTable } from './profile/text-table.js';
import { measureUpload, type UploadFigures } from './profile/upload-throughput.js';

const TARGETS = { minRatio: 0.6, maxPeakRssGiB: 1.5 };
const SEED = 20_251_123;
const MIB = 1024 * 1024;
/** What a provider of this file would plausibly declare, so the rule checks do real work. */
const RULES: ColumnRule[] = [
  { column: '客户编号', required: true, unique: true, pattern: 'C[0-9]{7,}' },
  { column: '交易金额', type: 'decimal', min: -1_000_000, max: 1_000_000 },
  { column: '交易日期', type: 'date', min: '2023-01-01', max: '2024-12-31' },
  { column: '类别', allowed: CATEGORIES },
];

interface BaselineReport extends ChildReport {
  rows: number;
  columns: number;
  types: Record<string, string>;
}

interface PipelineReport extends ChildReport {
  rows: number;
  columns: number;
  rowsRejected: number;
  fatal: boolean;
  problems: string[];
  parquetBytes: number | null;
  timings: Record<string, number>;
  stageStarts: Record<string, number>;
  personalInfo: { column: string; kind: string; matchRate: number }[];
  quality: { overall: number; grade: string } | null;
  dimensions: { dimension: string; score: number }[];
}

/** One timed run of a side, or why it did not finish. */
type SideRun<T extends ChildReport> = { ok: true; run: ChildRun<T> } | { ok: false; error: string };

function numberArg(name: string, fallback: number): number {
  const at = process.argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  const raw = at < 0 ? undefined : (process.argv[at]?.split('=')[1] ?? process.argv[at + 1]);
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function runSide<T extends ChildReport>(
  script: string,
  csv: string,
  workDir: string,
  extraArgs: string[] = [],
): Promise<SideRun<T>> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    return { ok: true, run: await runMeasuredChild<T>(script, [csv, workDir, ...extraArgs]) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

const log = (line = '') => process.stdout.write(`${line}\n`);
const mib = (kib: number | null) => (kib === null ? '—' : String(Math.round(kib / 1024)));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const rate = (bytes: number, ms: number) => (bytes / MIB / (ms / 1000)).toFixed(1);
const loadText = (load: number[]) => load.map((l) => l.toFixed(2)).join(' ');
/** Peak RSS of a run: the larger of the child's own figure and what the parent sampled. */
const peakOf = (run: ChildRun<ChildReport>) => Math.max(run.report.maxRssKiB, run.sampledPeakKiB ?? 0);
const fastest = <T extends ChildReport>(sides: SideRun<T>[]) =>
  sides.reduce<ChildRun<T> | undefined>(
    (best, side) =>
      side.ok && (!best || side.run.report.elapsedMs < best.report.elapsedMs) ? side.run : best,
    undefined,
  );

/** Runs the profile benchmark and writes bench/results/profile.json. */
export default async function runProfileBenchmark(): Promise<void> {
  const loadAtStart = loadavg();
  const sizeMb = numberArg('--size-mb', 1024);
  const uploadMb = numberArg('--upload-mb', 512);
  const rounds = Math.max(1, Math.floor(Number(process.env.BENCH_PROFILE_ROUNDS ?? 2)) || 2);
  const dir = join(tmpdir(), 'shuliu-bench-profile');
  const duckdb = DatasetsConfig.parse({});
  log(`  load average ${loadText(loadAtStart)}; files in ${dir}`);

  const csv = await ensureCsv({ dir, sizeMb, seed: SEED });
  log(describeCsv(csv));
  log(
    `  DuckDB per side: ${duckdb.SHULIU_DUCKDB_THREADS} threads, ${duckdb.SHULIU_DUCKDB_MEMORY_LIMIT}; ${rounds} round(s), baseline and ours alternately\n`,
  );
  const profile = await compareProfile(csv, rounds, dir);
  const upload = await compareUpload(uploadMb === sizeMb ? csv : null, uploadMb, dir);

  const loadAtEnd = loadavg();
  log(`\n  load average at start ${loadText(loadAtStart)}, at end ${loadText(loadAtEnd)}`);
  const file = join(RESULTS_DIR, 'profile.json');
  await mkdir(RESULTS_DIR, { recursive: true });
  const results = {
    benchmark: 'profile',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    settings: {
      sizeMb,
      uploadMb,
      rounds,
      seed: SEED,
      duckdb: { threads: duckdb.SHULIU_DUCKDB_THREADS, memoryLimit: duckdb.SHULIU_DUCKDB_MEMORY_LIMIT },
      rules: RULES,
    },
    targets: TARGETS,
    csv: { bytes: csv.bytes, rows: csv.rows, generationMs: csv.generationMs, reused: csv.reused },
    ...profile,
    upload,
  };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`  wrote ${file}`);
  if (process.argv.includes('--keep')) log(`  kept ${dir} (--keep)`);
  else await rm(dir, { recursive: true, force: true });
}

/** Baseline and pipeline, alternately, `rounds` times; prints the table and the verdicts. */
async function compareProfile(csv: GeneratedCsv, rounds: number, dir: string) {
  const baselines: SideRun<BaselineReport>[] = [];
  const ours: SideRun<PipelineReport>[] = [];
  const table = [['side', 'round', 'time s', 'MiB/s', 'peak RSS MiB (child / sampled)']];
  const addRow = (label: string, round: number, side: SideRun<ChildReport>) => {
    if (!side.ok) return table.push([label, String(round), 'failed', '', '']);
    const { report, sampledPeakKiB } = side.run;
    const time = report.elapsedMs;
    const peaks = `${mib(report.maxRssKiB)} / ${mib(sampledPeakKiB)}`;
    return table.push([label, String(round), seconds(time), rate(csv.bytes, time), peaks]);
  };
  for (let round = 1; round <= rounds; round++) {
    log(`  round ${round}: baseline …`);
    const baseline = await runSide<BaselineReport>('run-baseline.ts', csv.path, join(dir, 'work-baseline'));
    baselines.push(baseline);
    addRow('DuckDB aggregate pass (baseline)', round, baseline);
    log(`  round ${round}: full pipeline …`);
    const rules = JSON.stringify(RULES);
    const pipeline = await runSide<PipelineReport>('run-pipeline.ts', csv.path, join(dir, 'work-pipeline'), [
      rules,
    ]);
    ours.push(pipeline);
    addRow('full pipeline (ours)', round, pipeline);
  }
  log('');
  printTextTable(table, 2);

  const bestBaseline = fastest(baselines);
  const bestOurs = fastest(ours);
  const ratio = bestBaseline && bestOurs ? bestBaseline.report.elapsedMs / bestOurs.report.elapsedMs : null;
  const finished = ours.flatMap((side) => (side.ok ? [peakOf(side.run)] : []));
  const ourPeakKiB = finished.length > 0 ? Math.max(...finished) : null;
  const ratioMet = ratio === null ? null : ratio >= TARGETS.minRatio;
  const peakRssMet = ourPeakKiB === null ? null : ourPeakKiB <= TARGETS.maxPeakRssGiB * MIB;
  const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
  log('');
  log(
    `  ratio baseline / ours (fastest of each): ${ratio === null ? '—' : ratio.toFixed(2)} · target ≥ ${TARGETS.minRatio}: ${verdict(ratioMet)}`,
  );
  log(
    `  peak RSS of ours (highest round): ${mib(ourPeakKiB)} MiB · target ≤ ${TARGETS.maxPeakRssGiB} GiB: ${verdict(peakRssMet)}`,
  );
  for (const [name, sides] of [
    ['baseline', baselines],
    ['pipeline', ours],
  ] as const)
    for (const [i, side] of sides.entries())
      if (!side.ok) log(`  ! ${name} round ${i + 1} failed: ${side.error}`);
  if (bestOurs) describePipeline(bestOurs.report, bestBaseline?.report ?? null);
  return {
    rounds: baselines.map((baseline, i) => ({ round: i + 1, baseline, ours: ours[i] ?? null })),
    summary: {
      bestBaselineMs: bestBaseline?.report.elapsedMs ?? null,
      bestOursMs: bestOurs?.report.elapsedMs ?? null,
      ratio: ratio === null ? null : Number(ratio.toFixed(3)),
      ratioMet,
      ourPeakRssKiB: ourPeakKiB,
      peakRssMet,
    },
  };
}

/** The upload beside plain copies of the same file; prints the table. Never throws. */
async function compareUpload(
  generated: GeneratedCsv | null,
  uploadMb: number,
  dir: string,
): Promise<UploadFigures | { error: string }> {
  log(`\n  upload of ${uploadMb} MiB …`);
  try {
    const file = generated ?? (await ensureCsv({ dir, sizeMb: uploadMb, seed: SEED }));
    const workDir = join(dir, 'work-upload');
    await mkdir(workDir, { recursive: true });
    const upload = await measureUpload({ file: file.path, workDir });
    await rm(workDir, { recursive: true, force: true });
    const baseline = upload.transfers[0]?.mibPerSecond ?? 0;
    log('');
    printTextTable([
      ['transfer', 'time s', 'MiB/s', 'vs baseline'],
      ...upload.transfers.map((t) => [
        t.scenario,
        seconds(t.ms),
        t.mibPerSecond.toFixed(1),
        baseline > 0 ? `${(t.mibPerSecond / baseline).toFixed(3)}×` : '—',
      ]),
    ]);
    const nodePeak = Math.max(upload.nodePeakRssKiB, upload.nodeSampledPeakKiB ?? 0);
    log(`  node (database: ${upload.database}) peak RSS over start, upload and stop: ${mib(nodePeak)} MiB`);
    return upload;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ! upload failed: ${message}`);
    return { error: message };
  }
}

function describeCsv(csv: GeneratedCsv): string {
  const size = `${(csv.bytes / MIB).toFixed(0)} MiB CSV, ${csv.rows.toLocaleString()} rows`;
  return csv.reused
    ? `  reusing the ${size} from an earlier run`
    : `  generated a ${size} in ${seconds(csv.generationMs)} s (${rate(csv.bytes, csv.generationMs)} MiB/s; not part of the comparison)`;
}

/** Where the pipeline's time went, and what it found. */
function describePipeline(r: PipelineReport, baseline: BaselineReport | null): void {
  const stages = Object.entries(r.timings)
    .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
    .join(' · ');
  log(`  stage timings of the fastest pipeline round (s): ${stages}`);
  log(
    `  rows ${r.rows.toLocaleString()}${baseline ? ` (baseline counted ${baseline.rows.toLocaleString()})` : ''} · rejected ${r.rowsRejected} · columns ${r.columns} · Parquet ${r.parquetBytes === null ? '—' : `${(r.parquetBytes / MIB).toFixed(0)} MiB`}`,
  );
  log(
    `  personal information: ${r.personalInfo.map((f) => `${f.column} (${f.kind}, ${(f.matchRate * 100).toFixed(0)} %)`).join(', ') || 'none'}`,
  );
  log(
    `  quality ${r.quality ? `${r.quality.overall} (${r.quality.grade})` : '—'}: ${r.dimensions.map((d) => `${d.dimension} ${d.score}`).join(' · ')}`,
  );
  if (r.problems.length > 0) log(`  ingest problems: ${r.problems.join(' | ')}`);
}
