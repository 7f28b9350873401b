import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api-client';
import {
  defaultMaskingPlan,
  generalizeLevelsFor,
  hasPersonalFindings,
  kindByColumn,
  refusedColumnsOf,
  toMaskingRequest,
} from './masking-plan';

describe('defaultMaskingPlan', () => {
  it('masks columns with findings the kind’s usual way and keeps the rest', () => {
    const plan = defaultMaskingPlan(
      ['姓名', '身份证号', '住址', '统一社会信用代码', '城市'],
      [
        { column: '姓名', kind: 'person_name', matchRate: 0.9 },
        { column: '身份证号', kind: 'id_card', matchRate: 1 },
        { column: '住址', kind: 'address', matchRate: 0.8 },
        { column: '统一社会信用代码', kind: 'credit_code', matchRate: 1 },
      ],
    );
    expect(plan).toEqual({
      姓名: { column: '姓名', method: 'partial' },
      身份证号: { column: '身份证号', method: 'partial' },
      住址: { column: '住址', method: 'generalize', level: 'district' },
      统一社会信用代码: { column: '统一社会信用代码', method: 'keep' },
      城市: { column: '城市', method: 'keep' },
    });
    expect(toMaskingRequest(plan, Object.keys(plan)).map((m) => m.column)).toEqual([
      '姓名',
      '身份证号',
      '住址',
    ]);
  });

  it('uses the best-matching kind when a column matched several', () => {
    const kinds = kindByColumn([
      { column: '号码', kind: 'bank_card', matchRate: 0.3 },
      { column: '号码', kind: 'mobile', matchRate: 0.95 },
    ]);
    expect(kinds.get('号码')).toBe('mobile');
  });
});

describe('hasPersonalFindings', () => {
  it('does not count credit codes, which identify organizations', () => {
    expect(hasPersonalFindings([{ kind: 'credit_code' }])).toBe(false);
    expect(hasPersonalFindings([{ kind: 'credit_code' }, { kind: 'mobile' }])).toBe(true);
    expect(hasPersonalFindings(null)).toBe(false);
  });
});

describe('generalizeLevelsFor', () => {
  it('offers address levels for addresses and birth year for ID numbers', () => {
    expect(generalizeLevelsFor('string', 'address')).toEqual(['province', 'city', 'district']);
    expect(generalizeLevelsFor('string', 'id_card')).toEqual(['birth_year']);
    expect(generalizeLevelsFor('date', undefined)).toContain('month');
    expect(generalizeLevelsFor('boolean', undefined)).toEqual([]);
  });
});

describe('refusedColumnsOf', () => {
  it('reads the columns a refused publication names', () => {
    const error = new ApiError(422, 'datasets.sample.unmasked_personal_info', '…', {
      columns: ['身份证号', '手机'],
    });
    expect(refusedColumnsOf(error)).toEqual(['身份证号', '手机']);
  });

  it('is empty for any other error', () => {
    expect(
      refusedColumnsOf(new ApiError(409, 'datasets.sample.illegal_transition', '…', { columns: ['a'] })),
    ).toEqual([]);
    expect(refusedColumnsOf(new Error('x'))).toEqual([]);
  });
});
