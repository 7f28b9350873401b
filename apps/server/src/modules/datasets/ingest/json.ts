/**
 * JSON arrays of objects and NDJSON: DuckDB reads the records; nested objects and arrays become JSON
 * text columns so the normalized copy is flat. A malformed file fails with the line (NDJSON) or
 * record (array) where it breaks.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { describeSource, normalizeColumnNames, planColumns, type SourceColumn } from './columns.js';
import type { IngestContext } from './context.js';
import { countNormalizedRows, isInputError, numberAfter, writeNormalized } from './normalize.js';
import { fail } from './problems.js';
import type { ProgressSpan } from './progress.js';

/** Smallest object size DuckDB is allowed for one JSON record. */
const MIN_OBJECT_BYTES = 16 * 1024 * 1024;

/** Reads a UTF-8 JSON or NDJSON file into the normalized copy. */
export async function ingestJson(
  ctx: IngestContext,
  path: string,
  kind: 'json' | 'ndjson',
  span: ProgressSpan,
): Promise<void> {
  // NDJSON lines were held to the line limit already (×2: GB18030 grows when it becomes UTF-8).
  const maxObject = Math.max(MIN_OBJECT_BYTES, ctx.limits.maxLineBytes * 2 + 1024);
  const format = kind === 'ndjson' ? 'newline_delimited' : 'auto';
  const relation = `read_json(${quoteLiteral(path)}, format='${format}', records=true, maximum_object_size=${maxObject})`;
  let columns: SourceColumn[];
  try {
    columns = await describeSource(ctx.duckdb, relation);
  } catch (error) {
    return jsonFailure(error, path, kind);
  }
  const plan = planColumns(columns, normalizeColumnNames(columns.map((column) => column.name)), 'to_json');
  try {
    await writeNormalized(ctx, relation, plan.selectList, span);
  } catch (error) {
    return jsonFailure(error, path, kind);
  }
  ctx.report.rowsRead = await countNormalizedRows(ctx);
  if (ctx.report.rowsRead === 0) {
    ctx.log.add({ code: 'no_rows', message: 'JSON 文件中没有记录；版本已创建，但没有可分析的数据' });
  }
}

async function jsonFailure(error: unknown, path: string, kind: 'json' | 'ndjson'): Promise<never> {
  if (!isInputError(error)) throw error;
  const { message } = error;
  if (/expected records/.test(message)) {
    return fail(
      'not_records',
      'JSON 需要是对象数组（[{…}, {…}]）或每行一个对象（NDJSON），且至少有一条记录，请调整后重新上传',
    );
  }
  if (/maximum_object_size/.test(message)) {
    return fail(
      'object_too_large',
      'JSON 中有一条记录过大，可能整个文件是一个对象；请改为对象数组或每行一个对象后重新上传',
    );
  }
  if (kind === 'ndjson') {
    const line = await findBadNdjsonLine(path);
    if (line !== null) {
      return fail('invalid_json', `第 ${line} 行不是完整的 JSON 对象，请修正该行后重新上传`, { line });
    }
  }
  const record = numberAfter(message, /record\/value (\d+)/);
  const where = record === undefined ? '文件中' : `第 ${record} 条记录`;
  return fail('invalid_json', `${where}的 JSON 格式有误（如缺少引号、逗号或括号），请修正后重新上传`);
}

/** The first non-blank NDJSON line that is not a JSON object, or null. */
async function findBadNdjsonLine(path: string): Promise<number | null> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      if (!isJsonObject(line)) return number;
    }
    return null;
  } finally {
    lines.close();
  }
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
