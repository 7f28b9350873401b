/**
 * Parquet uploads: checked for column types the platform can show and profile, then rewritten to
 * the normalized layout (zstd, fixed row groups, no unsigned/128-bit integers, UUID or TIME).
 */
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { describeSource, normalizeColumnNames, planColumns, type SourceColumn } from './columns.js';
import type { IngestContext } from './context.js';
import { countNormalizedRows, isInputError, writeNormalized } from './normalize.js';
import { IngestFailure, fail } from './problems.js';
import type { ProgressSpan } from './progress.js';

/** Reads a Parquet file into the normalized copy; nested and interval columns fail the version. */
export async function ingestParquet(ctx: IngestContext, path: string, span: ProgressSpan): Promise<void> {
  const relation = `read_parquet(${quoteLiteral(path)})`;
  let columns: SourceColumn[];
  try {
    columns = await describeSource(ctx.duckdb, relation);
  } catch (error) {
    return invalidParquet(error);
  }
  if (columns.length === 0) fail('no_columns', 'Parquet 文件没有任何列，请检查导出设置');
  const plan = planColumns(columns, normalizeColumnNames(columns.map((column) => column.name)), 'reject');
  if (plan.unsupported.length > 0) {
    throw new IngestFailure(
      plan.unsupported.map((column) => ({
        code: 'unsupported_type',
        column: column.name,
        message: `列「${column.name}」的类型 ${column.type} 不受支持，请展开为普通列后重新上传`,
      })),
    );
  }
  try {
    await writeNormalized(ctx, relation, plan.selectList, span);
  } catch (error) {
    return invalidParquet(error);
  }
  ctx.report.rowsRead = await countNormalizedRows(ctx);
  if (ctx.report.rowsRead === 0) {
    ctx.log.add({ code: 'no_rows', message: 'Parquet 文件没有数据行；版本已创建，但没有可分析的数据' });
  }
}

function invalidParquet(error: unknown): never {
  if (!isInputError(error)) throw error;
  return fail('invalid_parquet', 'Parquet 文件已损坏或无法读取，请重新导出后上传');
}
