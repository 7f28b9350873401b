/**
 * What the preview table sends to `GET …/rows`: the page as offset/limit, the clicked column sort as
 * `column:asc|desc`, and the filter chips as the JSON array the server parses. Operators offered per
 * column type match the server's (`filter-condition.ts`): `contains` for text only, booleans have no
 * order, binary values can only be tested for presence.
 */
import type { ColumnType, FilterOperator } from '@shuliu/core';

/** One filter the user added in the filter bar. */
export interface FilterChip {
  column: string;
  op: FilterOperator;
  /** Typed text; absent for `is_null` / `not_null`. */
  value?: string;
}

/** The sort of one column, as antd's table reports it. */
export interface ColumnSort {
  column: string;
  direction: 'asc' | 'desc';
}

const COMPARISONS: readonly FilterOperator[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const NULL_CHECKS: readonly FilterOperator[] = ['is_null', 'not_null'];

/** Operators a column of `type` can be filtered with. */
export function operatorsFor(type: ColumnType): readonly FilterOperator[] {
  switch (type) {
    case 'string':
      return [...COMPARISONS, 'contains', ...NULL_CHECKS];
    case 'integer':
    case 'decimal':
    case 'date':
    case 'datetime':
      return [...COMPARISONS, ...NULL_CHECKS];
    case 'boolean':
      return ['eq', 'ne', ...NULL_CHECKS];
    case 'binary':
      return NULL_CHECKS;
  }
}

/** True when the operator compares against a typed value (everything but the null checks). */
export function needsValue(op: FilterOperator): boolean {
  return op !== 'is_null' && op !== 'not_null';
}

/** True when the chip can be sent: a value-taking operator has a non-blank value. */
export function isCompleteChip(chip: FilterChip): boolean {
  return !needsValue(chip.op) || (chip.value ?? '').trim() !== '';
}

/**
 * The `filters` query parameter: a JSON array, or undefined when there is nothing to filter by.
 * Values stay text; the server reads them as the column's type and says so when one does not fit.
 * @example toFiltersParam([{ column: '城市', op: 'eq', value: '北京' }]) // '[{"column":"城市","op":"eq","value":"北京"}]'
 */
export function toFiltersParam(chips: readonly FilterChip[]): string | undefined {
  const complete = chips.filter(isCompleteChip);
  if (complete.length === 0) return undefined;
  return JSON.stringify(
    complete.map((chip) =>
      needsValue(chip.op)
        ? { column: chip.column, op: chip.op, value: (chip.value ?? '').trim() }
        : { column: chip.column, op: chip.op },
    ),
  );
}

/** The `sort` query parameter, e.g. `年龄:desc`; undefined when unsorted. */
export function toSortParam(sort: ColumnSort | undefined): string | undefined {
  return sort ? `${sort.column}:${sort.direction}` : undefined;
}

/** Reads antd's sorter (`ascend` / `descend` / null) as a column sort. */
export function sortFromTable(
  column: unknown,
  order: 'ascend' | 'descend' | null | undefined,
): ColumnSort | undefined {
  if (typeof column !== 'string' || !order) return undefined;
  return { column, direction: order === 'ascend' ? 'asc' : 'desc' };
}

/** Adds a chip unless the same one is already there (same column, operator and value). */
export function addChip(chips: readonly FilterChip[], chip: FilterChip): FilterChip[] {
  const key = chipKey(chip);
  return chips.some((c) => chipKey(c) === key) ? [...chips] : [...chips, chip];
}

/** A stable key of a chip, for React lists and de-duplication. */
export function chipKey(chip: FilterChip): string {
  return JSON.stringify([chip.column, chip.op, needsValue(chip.op) ? (chip.value ?? '').trim() : null]);
}

/** The offset of a 1-based page. */
export function offsetOf(page: number, pageSize: number): number {
  return Math.max(0, (Math.floor(page) - 1) * pageSize);
}
