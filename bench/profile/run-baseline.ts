/**
 * Child process of the profile benchmark, baseline side: one raw DuckDB aggregate pass over a CSV
 * (auto-detected) — count, min, max and approximate distinct count of every column — with the same
 * DuckDB limits as a processing job. Usage: `node --import tsx run-baseline.ts <csv> <work dir>`.
 */
import { join } from 'node:path';
import { DatasetsConfig } from '../../apps/server/src/config/datasets.config.js';
import { openDuckDb, quoteIdent, quoteLiteral } from '../../apps/server/src/platform/duckdb/duckdb.js';
import { reportFromChild } from './child-report.js';

const [csv, workDir] = process.argv.slice(2);
if (!csv || !workDir) throw new Error('usage: run-baseline.ts <csv> <work dir>');
const settings = DatasetsConfig.parse({});

const started = performance.now();
const duckdb = await openDuckDb({
  threads: settings.SHULIU_DUCKDB_THREADS,
  memoryLimit: settings.SHULIU_DUCKDB_MEMORY_LIMIT,
  tempDir: join(workDir, 'duckdb-tmp'),
});
try {
  const source = `read_csv(${quoteLiteral(csv)})`;
  const described = await duckdb.all(`DESCRIBE SELECT * FROM ${source}`);
  const names = described.map((row) => String(row.column_name));
  const aggregates = names.flatMap((name, i) => {
    const c = quoteIdent(name);
    return [
      `count(${c}) AS n${i}`,
      `min(${c}) AS min${i}`,
      `max(${c}) AS max${i}`,
      `approx_count_distinct(${c}) AS d${i}`,
    ];
  });
  const [row] = await duckdb.all(`SELECT count(*) AS rows, ${aggregates.join(', ')} FROM ${source}`);
  reportFromChild({
    elapsedMs: Math.round(performance.now() - started),
    rows: Number(row?.rows ?? 0),
    columns: names.length,
    types: Object.fromEntries(described.map((r) => [String(r.column_name), String(r.column_type)])),
  });
} finally {
  duckdb.close();
}
