/**
 * Child process of the profile benchmark, our side: the whole processing pipeline of a dataset
 * version (ingest → normalized Parquet → profile → personal information → rules → quality) on a CSV,
 * with the DuckDB limits of a processing job and a spill directory in the work dir. Prints each stage
 * as it starts on stderr, so a slow or crashing run shows where it was.
 * Usage: `node --import tsx run-pipeline.ts <csv> <work dir> [declared rules as JSON]`.
 */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ColumnRule, ProcessingStage } from '@shuliu/core';
import { DatasetsConfig } from '../../apps/server/src/config/datasets.config.js';
import { runPipeline } from '../../apps/server/src/modules/datasets/datasets.pipeline.js';
import { openDuckDb } from '../../apps/server/src/platform/duckdb/duckdb.js';
import { reportFromChild } from './child-report.js';

const [csv, workDir, rulesJson = '[]'] = process.argv.slice(2);
if (!csv || !workDir) throw new Error('usage: run-pipeline.ts <csv> <work dir> [rules as JSON]');
const rules = JSON.parse(rulesJson) as ColumnRule[];
const settings = DatasetsConfig.parse({});

const started = performance.now();
const stageStarts: Partial<Record<ProcessingStage, number>> = {};
const duckdb = await openDuckDb({
  threads: settings.SHULIU_DUCKDB_THREADS,
  memoryLimit: settings.SHULIU_DUCKDB_MEMORY_LIMIT,
  tempDir: join(workDir, 'duckdb-tmp'),
});
try {
  const result = await runPipeline({
    inputPath: csv,
    filename: basename(csv),
    workDir,
    duckdb,
    rules,
    updateFrequency: 'monthly',
    now: new Date(),
    onProgress: (stage) => {
      if (stage in stageStarts) return;
      const at = Math.round(performance.now() - started);
      stageStarts[stage] = at;
      process.stderr.write(`${stage} started at ${(at / 1000).toFixed(1)} s\n`);
    },
  });
  const elapsedMs = Math.round(performance.now() - started);
  const findings = result.findings ?? [];
  reportFromChild({
    elapsedMs,
    rows: result.profile?.rowCount ?? result.ingest.rowsRead,
    columns: result.columns.length,
    rowsRejected: result.ingest.rowsRejected,
    fatal: result.ingest.fatal,
    problems: result.ingest.problems.slice(0, 5).map((p) => `${p.code}: ${p.message}`),
    parquetBytes: result.parquetPath ? (await stat(result.parquetPath)).size : null,
    timings: result.profile?.timings ?? {},
    stageStarts,
    personalInfo: findings.map((f) => ({ column: f.column, kind: f.kind, matchRate: f.matchRate })),
    quality: result.quality ? { overall: result.quality.overall, grade: result.quality.grade } : null,
    dimensions: result.quality?.dimensions.map((d) => ({ dimension: d.dimension, score: d.score })) ?? [],
  });
} finally {
  duckdb.close();
}
