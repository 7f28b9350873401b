import { describe, expect, it } from 'vitest';
import {
  addChip,
  offsetOf,
  operatorsFor,
  sortFromTable,
  toFiltersParam,
  toSortParam,
  type FilterChip,
} from './row-query';

describe('toFiltersParam', () => {
  it('sends the chips as the JSON array the server parses, values trimmed', () => {
    const chips: FilterChip[] = [
      { column: '城市', op: 'eq', value: ' 北京 ' },
      { column: '年龄', op: 'ge', value: '18' },
      { column: '备注', op: 'is_null' },
    ];
    expect(JSON.parse(toFiltersParam(chips) ?? 'null')).toEqual([
      { column: '城市', op: 'eq', value: '北京' },
      { column: '年龄', op: 'ge', value: '18' },
      { column: '备注', op: 'is_null' },
    ]);
  });

  it('leaves out chips without a value and sends nothing when none remain', () => {
    expect(toFiltersParam([{ column: '城市', op: 'contains', value: '  ' }])).toBeUndefined();
    expect(toFiltersParam([])).toBeUndefined();
  });

  it('drops a value given to a null check', () => {
    expect(toFiltersParam([{ column: 'a', op: 'not_null', value: 'x' }])).toBe(
      '[{"column":"a","op":"not_null"}]',
    );
  });
});

describe('sort', () => {
  it('reads antd sort orders as column:direction', () => {
    expect(toSortParam(sortFromTable('年龄', 'descend'))).toBe('年龄:desc');
    expect(toSortParam(sortFromTable('年龄', 'ascend'))).toBe('年龄:asc');
    expect(toSortParam(sortFromTable('年龄', null))).toBeUndefined();
    expect(sortFromTable(undefined, 'ascend')).toBeUndefined();
  });
});

describe('operatorsFor', () => {
  it('offers contains for text only and only presence tests for binary', () => {
    expect(operatorsFor('string')).toContain('contains');
    expect(operatorsFor('integer')).not.toContain('contains');
    expect(operatorsFor('boolean')).toEqual(['eq', 'ne', 'is_null', 'not_null']);
    expect(operatorsFor('binary')).toEqual(['is_null', 'not_null']);
  });
});

describe('addChip and offsetOf', () => {
  it('does not add the same chip twice', () => {
    const one: FilterChip = { column: 'a', op: 'eq', value: '1' };
    expect(addChip(addChip([], one), { ...one, value: ' 1' })).toHaveLength(1);
    expect(addChip([one], { ...one, value: '2' })).toHaveLength(2);
  });

  it('turns a 1-based page into an offset', () => {
    expect(offsetOf(1, 50)).toBe(0);
    expect(offsetOf(3, 50)).toBe(100);
    expect(offsetOf(0, 50)).toBe(0);
  });
});
