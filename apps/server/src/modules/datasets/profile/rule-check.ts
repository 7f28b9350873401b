/**
 * Checking a Parquet copy against column rules in one SQL pass: the rules a provider declared, and
 * for every column without a declared type the type its values suggest (a text column whose values
 * are at least 95% numbers or dates is held to that type). The accuracy and consistency dimensions of
 * the quality report are scored from the result.
 */
import type { ColumnRule, ColumnType, DatasetColumn } from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { quoteIdent, quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { parquetSource, physicalKindOf, textOf, type PhysicalKind } from './column-sql.js';
import { countParquetRows, sampledRowsSql } from './sample.js';
import { subsetModulus } from './stats-pass.js';

/** What a check tests. */
export const RULE_CHECK_KINDS = ['type', 'required', 'min', 'max', 'pattern', 'allowed', 'unique'] as const;
export type RuleCheckKind = (typeof RULE_CHECK_KINDS)[number];

/** One check of one column. */
export interface RuleCheck {
  check: RuleCheckKind;
  /** Declared by the provider, or inferred from the values (type only). */
  basis: 'declared' | 'inferred';
  /** What the values were held to: a type, a bound, a pattern… (for explanations). */
  expected: string;
  /** Values the check looked at. */
  checked: number;
  /** Values that broke it (for `unique`: values that repeat an earlier one, estimated on large files). */
  violations: number;
  /** Why the check could not run (an invalid pattern), in plain words (zh-CN). */
  error?: string;
}

export interface ColumnRuleViolations {
  column: string;
  /** A declared rule names a column the file does not have. */
  missing?: boolean;
  checks: RuleCheck[];
}

/** The outcome of checking every column: per column, per rule, how many values were checked and broke it. */
export interface RuleViolations {
  /** `declared` when the provider declared any rule. */
  basis: 'declared' | 'inferred';
  rows: number;
  columns: ColumnRuleViolations[];
}

/** Share of non-empty text values that must read as one type before the rest count as violations. */
export const DOMINANT_TYPE_SHARE = 0.95;
/**
 * Casting every text value is expensive (about 0.2 µs a failed cast: seconds on 10M rows), so a small
 * sample first picks the text columns that may have a dominant type; only they are cast in the pass.
 */
const SCREEN_ROWS = 5_000;
/** The share of the sample that makes a column a candidate (below the dominant share: samples vary). */
const SCREEN_SHARE = 0.8;

/** Type a column's values are held to when the provider declared none. */
const INFERABLE = [
  { expected: 'decimal', cast: 'DOUBLE' },
  { expected: 'date', cast: 'DATE' },
] as const;

interface PendingCheck {
  column: string;
  check: RuleCheckKind;
  basis: 'declared' | 'inferred';
  expected: string;
  /** The statement's output holding the count checked, or the count itself. */
  checked: string | number;
  /** The output holding the violations, less another output when given (`unique`: values − distinct). */
  violations: { alias: string; less?: string };
  /** Hash-subset divisor of a `unique` check's estimate. */
  scale?: number;
  error?: string;
}

/**
 * Counts, in one statement, the values breaking each declared rule and each inferred type.
 *
 * @example
 * const violations = await checkRules({ parquetPath, columns, rules, duckdb });
 */
export async function checkRules(o: {
  parquetPath: string;
  columns: readonly DatasetColumn[];
  rules: readonly ColumnRule[];
  duckdb: DuckDb;
}): Promise<RuleViolations> {
  const rows = await countParquetRows(o.duckdb, o.parquetPath);
  const modulus = subsetModulus(rows);
  const typed = new Set(o.rules.filter((r) => r.type !== undefined).map((r) => r.column));
  const mayHaveType = await screenTextColumns(
    o.duckdb,
    o.parquetPath,
    o.columns.filter((c) => physicalKindOf(c) === 'text' && !typed.has(c.name)),
    rows,
  );
  const select: string[] = [];
  const pending: PendingCheck[] = [];
  const inferred: { column: string; nonEmpty: string; castable: string[] }[] = [];
  const add = (sql: string): string => {
    const alias = `x${select.length}`;
    select.push(`${sql} AS ${alias}`);
    return alias;
  };
  const rulesByColumn = new Map<string, ColumnRule[]>();
  for (const rule of o.rules)
    rulesByColumn.set(rule.column, [...(rulesByColumn.get(rule.column) ?? []), rule]);

  for (const column of o.columns) {
    const q = quoteIdent(column.name);
    const kind = physicalKindOf(column);
    const text = textOf(column);
    const isFilled = kind === 'text' ? `(${q} <> '')` : `(${q} IS NOT NULL)`;
    const rules = rulesByColumn.get(column.name) ?? [];
    const declaredType = rules.find((r) => r.type !== undefined)?.type;
    const isInferred = declaredType === undefined && mayHaveType.has(column.name);
    // A column with nothing to check is not read at all.
    if (rules.length === 0 && !isInferred) continue;
    const filled = add(`count_if(${isFilled})`);

    if (isInferred) {
      inferred.push({
        column: column.name,
        nonEmpty: filled,
        castable: INFERABLE.map((t) =>
          add(`count_if(${isFilled} AND TRY_CAST(${q} AS ${t.cast}) IS NOT NULL)`),
        ),
      });
    }
    for (const rule of rules) {
      const declare = (
        check: RuleCheckKind,
        expected: string,
        checked: string | number,
        violations: string | { alias: string; less?: string },
        extra: Pick<PendingCheck, 'scale' | 'error'> = {},
      ): void => {
        const counted = typeof violations === 'string' ? { alias: violations } : violations;
        pending.push({
          column: column.name,
          check,
          basis: 'declared',
          expected,
          checked,
          violations: counted,
          ...extra,
        });
      };
      if (rule.type !== undefined) {
        declare(
          'type',
          rule.type,
          filled,
          add(`count_if(${isFilled} AND ${castFails(q, text, kind, rule.type)})`),
        );
      }
      if (rule.required === true) {
        const missing = kind === 'text' ? `${q} IS NULL OR ${q} = ''` : `${q} IS NULL`;
        declare('required', '必填', rows, add(`count_if(${missing})`));
      }
      for (const bound of ['min', 'max'] as const) {
        const limit = rule[bound];
        if (limit === undefined) continue;
        const { value, literal } = comparable(q, text, kind, limit);
        const op = bound === 'min' ? '<' : '>';
        declare(
          bound,
          String(limit),
          add(`count_if(${value} IS NOT NULL)`),
          add(`count_if(${value} ${op} ${literal})`),
        );
      }
      if (rule.pattern !== undefined) {
        const error = await patternError(o.duckdb, rule.pattern);
        if (error !== null) {
          declare('pattern', rule.pattern, 0, add('0'), { error });
        } else {
          declare(
            'pattern',
            rule.pattern,
            filled,
            add(`count_if(${isFilled} AND NOT regexp_full_match(${text}, ${quoteLiteral(rule.pattern)}))`),
          );
        }
      }
      if (rule.allowed !== undefined) {
        const list = rule.allowed.map(quoteLiteral).join(', ');
        const outside = list === '' ? 'true' : `${text} NOT IN (${list})`;
        declare('allowed', rule.allowed.join('、'), filled, add(`count_if(${isFilled} AND ${outside})`));
      }
      if (rule.unique === true) {
        const keep = modulus > 1 ? ` AND hash(${q}) % ${modulus} = 0` : '';
        const subset = add(`count_if(${q} IS NOT NULL${keep})`);
        const distinct = add(`count(DISTINCT ${q}) FILTER (WHERE ${q} IS NOT NULL${keep})`);
        declare('unique', '唯一', filled, { alias: subset, less: distinct }, { scale: modulus });
      }
    }
  }

  const [row = {}] =
    select.length > 0
      ? await o.duckdb.all(`SELECT ${select.join(', ')} FROM ${parquetSource(o.parquetPath)}`)
      : [];
  const read = (alias: string | number): number =>
    typeof alias === 'number' ? alias : Number(row[alias] ?? 0);

  const byColumn = new Map<string, ColumnRuleViolations>(
    o.columns.map((c) => [c.name, { column: c.name, checks: [] }]),
  );
  for (const check of inferred) {
    const nonEmpty = read(check.nonEmpty);
    INFERABLE.forEach((type, i) => {
      const castable = read(check.castable[i] ?? 0);
      const dominant = nonEmpty > 0 && castable / nonEmpty >= DOMINANT_TYPE_SHARE;
      const entry = byColumn.get(check.column);
      // Only the first dominant type counts (a column of dates is not also held to numbers).
      if (!dominant || !entry || entry.checks.some((c) => c.check === 'type')) return;
      entry.checks.push({
        check: 'type',
        basis: 'inferred',
        expected: type.expected,
        checked: nonEmpty,
        violations: nonEmpty - castable,
      });
    });
  }
  for (const p of pending) {
    const entry = byColumn.get(p.column);
    if (!entry) continue;
    const counted =
      read(p.violations.alias) - (p.violations.less === undefined ? 0 : read(p.violations.less));
    const violations = Math.max(0, Math.round(counted * (p.scale ?? 1)));
    entry.checks.push({
      check: p.check,
      basis: p.basis,
      expected: p.expected,
      checked: read(p.checked),
      violations,
      ...(p.error === undefined ? {} : { error: p.error }),
    });
  }
  const known = new Set(o.columns.map((c) => c.name));
  const missing = [...rulesByColumn.keys()]
    .filter((name) => !known.has(name))
    .map((name): ColumnRuleViolations => ({ column: name, missing: true, checks: [] }));
  return {
    basis: o.rules.length > 0 ? 'declared' : 'inferred',
    rows,
    columns: [...byColumn.values(), ...missing],
  };
}

/** The text columns whose sampled values are mostly numbers or dates. */
async function screenTextColumns(
  duckdb: DuckDb,
  parquetPath: string,
  columns: readonly DatasetColumn[],
  rows: number,
): Promise<Set<string>> {
  if (columns.length === 0) return new Set();
  const select = columns.flatMap((_, i) => [
    `count_if(c${i} <> '') AS f${i}`,
    ...INFERABLE.map((t, j) => `count_if(TRY_CAST(c${i} AS ${t.cast}) IS NOT NULL) AS t${i}_${j}`),
  ]);
  const sample = sampledRowsSql({ parquetPath, columns, rows, sampleRows: SCREEN_ROWS });
  const [row = {}] = await duckdb.all(`SELECT ${select.join(', ')} FROM (${sample})`);
  return new Set(
    columns
      .filter((_, i) => {
        const filled = Number(row[`f${i}`] ?? 0);
        return (
          filled > 0 && INFERABLE.some((_, j) => Number(row[`t${i}_${j}`] ?? 0) / filled >= SCREEN_SHARE)
        );
      })
      .map((c) => c.name),
  );
}

/** A condition true where a filled value is not of `type`. */
function castFails(q: string, text: string, kind: PhysicalKind, type: ColumnType): string {
  switch (type) {
    case 'string':
    case 'binary':
      return 'false';
    case 'integer':
      if (kind === 'number') return `${q} <> trunc(${q})`;
      return `coalesce(TRY_CAST(${text} AS DOUBLE) <> trunc(TRY_CAST(${text} AS DOUBLE)), true)`;
    case 'decimal':
      return kind === 'number' ? 'false' : `TRY_CAST(${text} AS DOUBLE) IS NULL`;
    case 'boolean':
      return kind === 'boolean' ? 'false' : `TRY_CAST(${text} AS BOOLEAN) IS NULL`;
    case 'date':
      return kind === 'temporal' ? 'false' : `TRY_CAST(${text} AS DATE) IS NULL`;
    case 'datetime':
      return kind === 'temporal' ? 'false' : `TRY_CAST(${text} AS TIMESTAMP) IS NULL`;
  }
}

const DATE_BOUND = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;

/** The column and the bound in a form that compares: numbers, timestamps or text. */
function comparable(
  q: string,
  text: string,
  kind: PhysicalKind,
  bound: number | string,
): { value: string; literal: string } {
  const asNumber = typeof bound === 'number' ? bound : Number(bound);
  if (
    typeof bound === 'number' ||
    (bound.trim() !== '' && Number.isFinite(asNumber) && !DATE_BOUND.test(bound))
  ) {
    return { value: kind === 'number' ? q : `TRY_CAST(${text} AS DOUBLE)`, literal: String(asNumber) };
  }
  if (DATE_BOUND.test(bound)) {
    return {
      value: kind === 'temporal' ? `CAST(${q} AS TIMESTAMP)` : `TRY_CAST(${text} AS TIMESTAMP)`,
      literal: `CAST(${quoteLiteral(bound)} AS TIMESTAMP)`,
    };
  }
  return { value: text, literal: quoteLiteral(bound) };
}

/** Null when DuckDB accepts the pattern, else why not (the whole pass would fail on it). */
async function patternError(duckdb: DuckDb, pattern: string): Promise<string | null> {
  try {
    await duckdb.all(`SELECT regexp_full_match('', ${quoteLiteral(pattern)})`);
    return null;
  } catch (error) {
    return `规则中的正则表达式无效（${error instanceof Error ? error.message : String(error)}），请按 RE2 语法修改。`;
  }
}
