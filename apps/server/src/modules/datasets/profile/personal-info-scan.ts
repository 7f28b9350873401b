/**
 * Personal-information scan of a normalized Parquet copy: detection runs on the profile's sample (in
 * JavaScript, with check digits), then every finding whose kind has an SQL shape is re-measured over
 * all rows in one statement, so a reported match rate is exact rather than a sample's guess.
 */
import {
  detectColumn,
  isPersonalKind,
  maskForKind,
  PERSONAL_INFO_DETECTORS,
  type DatasetColumn,
  type DatasetProfile,
  type PersonalInfoFinding,
  type PersonalInfoKind,
} from '@shuliu/core';
import type { DuckDb } from '../../../platform/duckdb/duckdb.js';
import { quoteIdent, quoteLiteral } from '../../../platform/duckdb/duckdb.js';
import { parquetSource, physicalKindOf } from './column-sql.js';
import { countParquetRows } from './sample.js';

/** Whitespace `detectColumn` trims (JavaScript's `trim`, less the rare kinds), in RE2 syntax. */
const SQL_SPACE = '[\\s\\x{3000}\\x{a0}\\x{feff}]*';

/**
 * Finds personal information in the text and integer columns (phone and card numbers are often
 * stored as integers). Findings with an SQL shape get `fullScan: true` and their match rate over all
 * rows; `validRate` and the examples stay those of the sample. A sample that is the whole file is
 * already a full scan. `fullScanThreshold` (default 0): the sample match rate below which a finding is
 * left as the sample measured it.
 *
 * @example
 * const findings = await scanPersonalInfo({ parquetPath, columns, sample, duckdb });
 */
export async function scanPersonalInfo(o: {
  parquetPath: string;
  columns: readonly DatasetColumn[];
  sample: Record<string, (string | null)[]>;
  duckdb: DuckDb;
  fullScanThreshold?: number;
}): Promise<PersonalInfoFinding[]> {
  const scanned = o.columns.filter(isScannable);
  const sampleRows = Math.max(0, ...scanned.map((c) => o.sample[c.name]?.length ?? 0));
  const rows = scanned.length > 0 ? await countParquetRows(o.duckdb, o.parquetPath) : 0;
  const isWholeFile = sampleRows >= rows;
  const findings = scanned.flatMap((column) =>
    detectColumn(column.name, o.sample[column.name] ?? [], { fullScan: isWholeFile }),
  );
  if (isWholeFile) return findings;

  const threshold = o.fullScanThreshold ?? 0;
  const toMeasure = findings.filter(
    (f) => f.matchRate >= threshold && PERSONAL_INFO_DETECTORS[f.kind].sqlPattern !== null,
  );
  if (toMeasure.length === 0) return findings;
  const columnsByName = new Map(scanned.map((c) => [c.name, c]));
  const measured = await measureMatchRates(
    o.duckdb,
    o.parquetPath,
    toMeasure.flatMap((f) => {
      const column = columnsByName.get(f.column);
      const pattern = PERSONAL_INFO_DETECTORS[f.kind].sqlPattern;
      return column && pattern !== null ? [{ column, kind: f.kind, pattern }] : [];
    }),
  );
  return findings.map((finding) => {
    const full = measured.get(measurementKey(finding.column, finding.kind));
    if (!full) return finding;
    return {
      ...finding,
      matchRate: full.examined > 0 ? full.matches / full.examined : 0,
      examined: full.examined,
      fullScan: true,
    };
  });
}

/** Text, and integers (an ID, phone or card number stored as a number). */
function isScannable(column: DatasetColumn): boolean {
  const kind = physicalKindOf(column);
  return kind === 'text' || (kind === 'number' && column.type === 'integer');
}

interface Measurement {
  column: DatasetColumn;
  kind: PersonalInfoKind;
  pattern: string;
}

function measurementKey(column: string, kind: PersonalInfoKind): string {
  return `${kind}\u0000${column}`;
}

/** One statement over all (column, pattern) pairs: matches and non-blank values per pair. */
async function measureMatchRates(
  duckdb: DuckDb,
  parquetPath: string,
  pairs: readonly Measurement[],
): Promise<Map<string, { matches: number; examined: number }>> {
  const select: string[] = [];
  const examinedAlias = new Map<string, string>();
  pairs.forEach((pair, i) => {
    const q = quoteIdent(pair.column.name);
    const isText = physicalKindOf(pair.column) === 'text';
    // Values are matched trimmed, as in the sample: the SQL pattern tolerates surrounding whitespace.
    const pattern = isText
      ? `${SQL_SPACE}(?:${unanchored(pair.pattern)})${SQL_SPACE}`
      : unanchored(pair.pattern);
    const value = isText ? q : `CAST(${q} AS VARCHAR)`;
    select.push(`count_if(regexp_full_match(${value}, ${quoteLiteral(pattern)})) AS m${i}`);
    if (!examinedAlias.has(pair.column.name)) {
      const alias = `e${examinedAlias.size}`;
      examinedAlias.set(pair.column.name, alias);
      // Only the empty string is left out: trimming every value would double the statement's cost,
      // and whitespace-only values are rare enough to count as examined.
      select.push(isText ? `count_if(${q} <> '') AS ${alias}` : `count(${q}) AS ${alias}`);
    }
  });
  const [row = {}] = await duckdb.all(`SELECT ${select.join(', ')} FROM ${parquetSource(parquetPath)}`);
  const result = new Map<string, { matches: number; examined: number }>();
  pairs.forEach((pair, i) => {
    const alias = examinedAlias.get(pair.column.name) ?? '';
    result.set(measurementKey(pair.column.name, pair.kind), {
      matches: Number(row[`m${i}`] ?? 0),
      examined: Number(row[alias] ?? 0),
    });
  });
  return result;
}

/** `^(?:x)$` → `x`: `regexp_full_match` anchors by itself, and the whitespace goes around. */
function unanchored(pattern: string): string {
  return pattern.startsWith('^') && pattern.endsWith('$') ? pattern.slice(1, -1) : pattern;
}

/**
 * The profile with top values, min and max masked in every column that holds personal information
 * (by the finding with the highest match rate; organization codes are not personal and stay). Min and
 * max are values from the data too, so they are masked with the top values.
 *
 * @example
 * const shown = maskProfileTopValues(profile, findings);
 */
export function maskProfileTopValues(
  profile: DatasetProfile,
  findings: readonly PersonalInfoFinding[],
): DatasetProfile {
  const kindByColumn = new Map<string, PersonalInfoFinding>();
  for (const finding of findings) {
    if (!isPersonalKind(finding.kind)) continue;
    const current = kindByColumn.get(finding.column);
    if (!current || finding.matchRate > current.matchRate) kindByColumn.set(finding.column, finding);
  }
  return {
    ...profile,
    timings: { ...profile.timings },
    columns: profile.columns.map((column) => {
      const finding = kindByColumn.get(column.name);
      if (!finding) return column;
      const mask = (value: string | null): string | null =>
        value === null ? null : maskForKind(finding.kind, value);
      return {
        ...column,
        min: mask(column.min),
        max: mask(column.max),
        topValues: column.topValues.map((top) => ({
          value: maskForKind(finding.kind, top.value),
          count: top.count,
        })),
      };
    }),
  };
}
