/** Tests of masking (脱敏): per-kind masks, partial masks, keyed hashes, generalization and applying a column's masking. */
import { describe, expect, it } from 'vitest';
import type { ColumnMasking } from './dataset.js';
import {
  applyMasking,
  defaultMaskingFor,
  generalize,
  hashWithSalt,
  maskEmail,
  maskForKind,
  maskPersonName,
  maskPhone,
  partialMask,
} from './masking.js';

describe('the original masks', () => {
  it('keep their behaviour', () => {
    expect(maskPersonName(' 张三丰 ')).toBe('张**');
    expect(maskPersonName('李')).toBe('李*');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskEmail('zhang@example.com')).toBe('z***@example.com');
    expect(maskEmail('no-at-sign')).toBe('***');
  });
});

describe('partialMask', () => {
  it('keeps the given characters at both ends, counting code points', () => {
    expect(partialMask('abcdef', 2, 2)).toBe('ab**ef');
    expect(partialMask('张三丰', 1, 0)).toBe('张**');
    expect(partialMask('😀abc', 1, 1)).toBe('😀**c');
    expect(partialMask('abcdef', 0, 4, '#')).toBe('##cdef');
  });

  it('masks all but the first character when the kept parts would cover everything', () => {
    expect(partialMask('abc', 2, 2)).toBe('a**');
    expect(partialMask('abc', 3, 0)).toBe('a**');
    expect(partialMask('a', 0, 0)).toBe('*');
    expect(partialMask('', 1, 1)).toBe('');
  });
});

describe('maskForKind', () => {
  it('masks each kind the usual way', () => {
    expect(maskForKind('id_card', '11010519491231002X')).toBe('110***********002X');
    expect(maskForKind('mobile', '13812345678')).toBe('138****5678');
    expect(maskForKind('mobile', '+86 138-1234-5678')).toBe('138****5678');
    expect(maskForKind('bank_card', '6222021234567890123')).toBe('***************0123');
    expect(maskForKind('bank_card', '6222 0212 3456 7890')).toBe('**** **** **** 7890');
    expect(maskForKind('email', 'zhang.san@example.com')).toBe('z***@example.com');
    expect(maskForKind('credit_code', '91350100M000100Y43')).toBe('91350100********43');
    expect(maskForKind('licence_plate', '京A12345')).toBe('京A****5');
    expect(maskForKind('licence_plate', '粤B D12345')).toBe('粤B*****5');
    expect(maskForKind('person_name', '欧阳娜娜')).toBe('欧***');
  });

  it('cuts an address after its district, or keeps only its start when no district is recognized', () => {
    expect(maskForKind('address', '北京市朝阳区建国路88号')).toBe('北京市朝阳区');
    expect(maskForKind('address', '广东省深圳市南山区科技园路1号')).toBe('广东省深圳市南山区');
    expect(maskForKind('address', '科技园路1号腾讯大厦18楼1801室')).toBe('科技园路1号***');
    expect(maskForKind('address', '中山路12号')).toBe('中山路***');
  });
});

describe('hashWithSalt', () => {
  it('is HMAC-SHA256 keyed by the salt, cut to 16 hex digits', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(hashWithSalt('what do ya want for nothing?', 'Jefe')).toBe('h:5bdcc146bf60754e');
  });

  it('gives the same output for the same value and salt, and a different one otherwise', () => {
    const hashed = hashWithSalt('13812345678', 'sample-1');
    expect(hashed).toMatch(/^h:[0-9a-f]{16}$/);
    expect(hashWithSalt('13812345678', 'sample-1')).toBe(hashed);
    expect(hashWithSalt('13812345678', 'sample-2')).not.toBe(hashed);
    expect(hashWithSalt('13812345679', 'sample-1')).not.toBe(hashed);
  });
});

describe('generalize', () => {
  it('cuts dates to the year or the month', () => {
    expect(generalize('2024-03-05', 'year')).toBe('2024');
    expect(generalize('2024-03-05', 'month')).toBe('2024-03');
    expect(generalize('2024/3/5', 'month')).toBe('2024-03');
    expect(generalize('2024-03-05T10:20:30Z', 'month')).toBe('2024-03');
    expect(generalize('2024-03-05 10:20:30', 'year')).toBe('2024');
    expect(generalize('2024年3月5日', 'month')).toBe('2024-03');
    expect(generalize('2024-13-05', 'month')).toBe('*');
    expect(generalize('yesterday', 'year')).toBe('*');
  });

  it('puts numbers into buckets of the given width', () => {
    expect(generalize(1234, '1000')).toBe('1000–2000');
    expect(generalize('1,234.5', '1000')).toBe('1000–2000');
    expect(generalize(-5, '10')).toBe('-10–0');
    expect(generalize(0.35, '0.1')).toBe('0.3–0.4');
    expect(generalize('abc', '1000')).toBe('*');
    expect(generalize(5, '0')).toBe('*');
    expect(generalize(5, '-10')).toBe('*');
  });

  it('puts ages and years into decades', () => {
    expect(generalize(34, 'decade')).toBe('30–40');
    expect(generalize('1987', 'decade')).toBe('1980–1990');
    expect(generalize('1987-06-01', 'decade')).toBe('1980–1990');
  });

  it('cuts addresses to the province, city or district', () => {
    const address = '广东省深圳市南山区科技园路1号';
    expect(generalize(address, 'province')).toBe('广东省');
    expect(generalize(address, 'city')).toBe('广东省深圳市');
    expect(generalize(address, 'district')).toBe('广东省深圳市南山区');
    expect(generalize('北京市朝阳区建国路88号', 'city')).toBe('北京市');
    expect(generalize('建国路88号', 'district')).toBe('*');
  });

  it('keeps only the birth year of an ID number', () => {
    expect(generalize('11010519491231002X', 'birth_year')).toBe('1949');
    expect(generalize('110105491231002', 'birth_year')).toBe('1949');
    expect(generalize('13812345678', 'birth_year')).toBe('*');
  });

  it('gives * for an unknown level', () => {
    expect(generalize('2024-03-05', 'week')).toBe('*');
  });
});

describe('applyMasking', () => {
  const masking = (rest: Omit<ColumnMasking, 'column'>): ColumnMasking => ({ column: 'c', ...rest });
  const salt = 'salt-1';

  it('keeps, suppresses and leaves null alone', () => {
    expect(applyMasking(42, masking({ method: 'keep' }), { salt })).toBe(42);
    expect(applyMasking('13812345678', masking({ method: 'suppress' }), { salt })).toBeNull();
    expect(applyMasking(null, masking({ method: 'partial' }), { salt, kind: 'mobile' })).toBeNull();
  });

  it('masks partially with the given counts, else the kind’s usual mask, else the ends', () => {
    expect(
      applyMasking('13812345678', masking({ method: 'partial', keepStart: 2, keepEnd: 2 }), { salt }),
    ).toBe('13*******78');
    expect(applyMasking('13812345678', masking({ method: 'partial', keepEnd: 4 }), { salt })).toBe(
      '*******5678',
    );
    expect(applyMasking('+8613812345678', masking({ method: 'partial' }), { salt, kind: 'mobile' })).toBe(
      '138****5678',
    );
    expect(applyMasking('abcde', masking({ method: 'partial' }), { salt })).toBe('a***e');
  });

  it('hashes with the salt', () => {
    expect(applyMasking(12345, masking({ method: 'hash' }), { salt })).toBe(hashWithSalt('12345', salt));
  });

  it('generalizes at the given level, or at the kind’s default level', () => {
    expect(applyMasking(37, masking({ method: 'generalize', level: 'decade' }), { salt })).toBe('30–40');
    expect(
      applyMasking('北京市朝阳区建国路88号', masking({ method: 'generalize' }), { salt, kind: 'address' }),
    ).toBe('北京市朝阳区');
    expect(applyMasking('2024-03-05', masking({ method: 'generalize' }), { salt })).toBe('*');
  });
});

describe('defaultMaskingFor', () => {
  it('masks personal kinds, generalizes addresses and keeps credit codes', () => {
    expect(defaultMaskingFor('address')).toEqual({ method: 'generalize', level: 'district' });
    expect(defaultMaskingFor('credit_code')).toEqual({ method: 'keep' });
    const mobile = { column: 'phone', ...defaultMaskingFor('mobile') };
    expect(applyMasking('13812345678', mobile, { salt: 's', kind: 'mobile' })).toBe('138****5678');
    const id = { column: 'id', ...defaultMaskingFor('id_card') };
    expect(applyMasking('11010519491231002X', id, { salt: 's', kind: 'id_card' })).toBe('110***********002X');
  });
});
