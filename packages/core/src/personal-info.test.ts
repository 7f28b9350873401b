/** Tests of personal-information validators and column detection, on values with real check digits. */
import { describe, expect, it } from 'vitest';
import { completeCreditCode } from './credit-code.js';
import type { PersonalInfoFinding } from './dataset.js';
import {
  containsUnmaskedPersonalInfo,
  detectColumn,
  isBankCardNumber,
  isChineseIdNumber,
  isEmail,
  isLicencePlate,
  isMobileNumber,
  looksLikeAddress,
  looksLikePersonName,
  luhnValid,
  PERSONAL_INFO_DETECTORS,
} from './personal-info.js';

// Check digits are computed here independently of the code under test, from the standards.

/** Appends the GB 11643 (ISO 7064 MOD 11-2) check character. */
function completeIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (weights[i] ?? 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

/** Appends the Luhn check digit. */
function completeCardNumber(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body.charAt(body.length - 1 - i));
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** A different last character, so the check fails. */
function breakCheck(value: string): string {
  const last = value.charAt(value.length - 1);
  return value.slice(0, -1) + (last === '0' ? '1' : '0');
}

/** Deterministic pseudo-random numbers (mulberry32), so a test sees the same "random" ids every run. */
function randomDigits(seed: number): (length: number) => string {
  let state = seed;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (length) => {
    let digits = String(1 + Math.floor(next() * 9));
    while (digits.length < length) digits += String(Math.floor(next() * 10));
    return digits;
  };
}

/** Valid ID numbers for Beijing Chaoyang, born on consecutive days of 1985, sequence numbers varying. */
function idNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const birth = new Date(Date.UTC(1985, 0, 1 + (i % 365)));
    const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
    return completeIdNumber(`110105${date}${String(i % 1000).padStart(3, '0')}`);
  });
}

function kindsOf(findings: PersonalInfoFinding[]): string[] {
  return findings.map((finding) => finding.kind);
}

describe('isChineseIdNumber', () => {
  it('agrees with the published GB 11643 example, whose check character is X', () => {
    expect(completeIdNumber('11010519491231002')).toBe('11010519491231002X');
    expect(isChineseIdNumber('11010519491231002X')).toBe(true);
    expect(isChineseIdNumber('11010519491231002x')).toBe(true);
  });

  it('accepts computed numbers and rejects each with a wrong check character', () => {
    for (const id of idNumbers(40)) {
      expect(isChineseIdNumber(id)).toBe(true);
      expect(isChineseIdNumber(breakCheck(id))).toBe(false);
    }
  });

  it('rejects unknown provinces, impossible or future birth dates and wrong lengths', () => {
    expect(isChineseIdNumber(completeIdNumber('99010519491231002'))).toBe(false);
    expect(isChineseIdNumber(completeIdNumber('11010519490230002'))).toBe(false);
    expect(isChineseIdNumber(completeIdNumber('11010518991231002'))).toBe(false);
    expect(isChineseIdNumber(completeIdNumber(`110105${new Date().getFullYear() + 1}0101002`))).toBe(false);
    expect(isChineseIdNumber(completeIdNumber('11010520000229002'))).toBe(true);
    expect(isChineseIdNumber(completeIdNumber('11010519000229002'))).toBe(false);
    expect(isChineseIdNumber('1101051949123100')).toBe(false);
  });
});

describe('luhnValid and isBankCardNumber', () => {
  it('agrees with the well-known Visa test number', () => {
    expect(completeCardNumber('411111111111111')).toBe('4111111111111111');
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('4111-1111')).toBe(false);
  });

  it('accepts 13–19 digit cards with spaces or dashes and rejects a wrong check digit', () => {
    const card = completeCardNumber('622202123456789012');
    expect(card).toHaveLength(19);
    expect(isBankCardNumber(card)).toBe(true);
    expect(isBankCardNumber(breakCheck(card))).toBe(false);
    expect(isBankCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(isBankCardNumber('4111-1111-1111-1111')).toBe(true);
    expect(isBankCardNumber(completeCardNumber('41111111111'))).toBe(false);
    expect(isBankCardNumber(completeCardNumber('4111111111111111111'))).toBe(false);
  });
});

describe('shape validators', () => {
  it('recognizes mainland mobile numbers with and without the country code', () => {
    for (const mobile of [
      '13812345678',
      '+86 138 1234 5678',
      '0086-13812345678',
      '8613812345678',
      '138-1234-5678',
    ]) {
      expect(isMobileNumber(mobile)).toBe(true);
    }
    for (const other of ['12812345678', '1381234567', '010-12345678', '138123456789']) {
      expect(isMobileNumber(other)).toBe(false);
    }
  });

  it('recognizes e-mail addresses', () => {
    expect(isEmail('zhang.san+data@example.com.cn')).toBe(true);
    expect(isEmail('zhang@localhost')).toBe(false);
    expect(isEmail('zhang san@example.com')).toBe(false);
    expect(isEmail('@example.com')).toBe(false);
  });

  it('recognizes ordinary, new-energy and special licence plates', () => {
    for (const plate of [
      '京A12345',
      '京A·12345',
      '粤BD12345',
      '粤B D12345',
      '粤B12345D',
      '沪AF1234',
      '京A1234学',
      '粤Z1234港',
    ]) {
      expect(isLicencePlate(plate)).toBe(true);
    }
    for (const other of ['京I12345', '京A1234', '京AO1234', 'A12345', '哈A12345', '京A123456']) {
      expect(isLicencePlate(other)).toBe(false);
    }
  });

  it('takes text naming both an area and a street for an address', () => {
    expect(looksLikeAddress('北京市朝阳区建国路88号')).toBe(true);
    expect(looksLikeAddress('广东省深圳市南山区科技园路1号')).toBe(true);
    expect(looksLikeAddress('浙江省杭州市西湖区文三路90号东部软件园3栋201室')).toBe(true);
    expect(looksLikeAddress('北京市朝阳区')).toBe(false);
    expect(looksLikeAddress('建国路88号')).toBe(false);
    expect(looksLikeAddress('北京市朝阳区建国路' + '8'.repeat(80))).toBe(false);
  });

  it('takes short Han words starting with a surname for names, but not organizations or totals', () => {
    for (const name of ['张三', '王小明', '欧阳娜娜', '诸葛亮', '阿卜杜拉·买买提']) {
      expect(looksLikePersonName(name)).toBe(true);
    }
    for (const word of [
      '有限公司',
      '北京',
      '上海',
      '合计',
      '其他',
      '未知',
      '男',
      '女',
      '蔬菜',
      '高新区',
      'Zhang San',
      '张三丰之家园',
    ]) {
      expect(looksLikePersonName(word)).toBe(false);
    }
  });

  it('has SQL pre-filters that accept what the in-memory shapes accept', () => {
    const samples: Record<string, string> = {
      id_card: '11010519491231002X',
      mobile: '+86 138 1234 5678',
      bank_card: '4111 1111 1111 1111',
      email: 'zhang@example.com',
      credit_code: '91350100M000100Y43',
      licence_plate: '粤B D12345',
    };
    for (const [kind, detector] of Object.entries(PERSONAL_INFO_DETECTORS)) {
      const sample = samples[kind];
      if (detector.sqlPattern === null || sample === undefined) continue;
      // RE2 has no look-around or back-references; the patterns must not rely on them.
      expect(detector.sqlPattern).not.toMatch(/\(\?[=!<]|\\[1-9]/);
      expect(new RegExp(detector.sqlPattern).test(sample)).toBe(true);
      expect(detector.matches(sample)).toBe(true);
    }
    expect(PERSONAL_INFO_DETECTORS.address.sqlPattern).toBeNull();
    expect(PERSONAL_INFO_DETECTORS.person_name.sqlPattern).toBeNull();
  });
});

describe('detectColumn', () => {
  it('reports a column of ID numbers as ID numbers only, with masked examples', () => {
    const ids = idNumbers(200);
    const findings = detectColumn('证件号码', [...ids, null, '  ', '']);
    expect(kindsOf(findings)).toEqual(['id_card']);
    const [finding] = findings;
    expect(finding).toMatchObject({
      column: '证件号码',
      matchRate: 1,
      validRate: 1,
      examined: 200,
      nameHint: true,
    });
    expect(finding?.examples).toHaveLength(5);
    expect(finding?.examples[0]).toBe(`110***********${ids[0]?.slice(-4)}`);
    expect(finding?.fullScan).toBe(false);
  });

  it('reports a few valid ID numbers in a column whose name says nothing', () => {
    const values = [...idNumbers(10), ...Array.from({ length: 90 }, (_, i) => `备注${i}`)];
    const findings = detectColumn('col_7', values, { fullScan: true });
    expect(findings).toEqual([expect.objectContaining({ kind: 'id_card', matchRate: 0.1, fullScan: true })]);
  });

  it('does not report random 16-digit order ids as bank cards, but does report Luhn-valid cards', () => {
    const digits = randomDigits(42);
    const orderIds = Array.from({ length: 1000 }, () => digits(16));
    expect(detectColumn('订单号', orderIds)).toEqual([]);
    expect(detectColumn('card_no', orderIds)).toEqual([]);

    const cards = Array.from({ length: 1000 }, () => completeCardNumber('622202' + digits(12).slice(0, 12)));
    const findings = detectColumn('收款账号', cards);
    expect(kindsOf(findings)).toEqual(['bank_card']);
    expect(findings[0]).toMatchObject({ matchRate: 1, validRate: 1 });
    expect(findings[0]?.examples[0]).toMatch(/^\*{15}\d{4}$/);

    // Named as cards, half failing Luhn (bad data, still card numbers): reported.
    const halfValid = cards.map((card, i) =>
      i % 2 === 0 ? card : card.slice(0, -1) + String((Number(card.at(-1)) + 1) % 10),
    );
    expect(kindsOf(detectColumn('银行卡号', halfValid))).toEqual(['bank_card']);
    expect(detectColumn('流水号', halfValid)).toEqual([]);
  });

  it('counts a mobile number with the country code as a mobile, not a 13-digit card', () => {
    // Each also passes Luhn, so only the rule "a mobile is never a card" keeps them from being cards.
    const values = Array.from({ length: 50 }, (_, i) =>
      completeCardNumber(`86138${String(1_000_000 + i * 7919)}`),
    );
    expect(values.every((value) => isMobileNumber(value) && isBankCardNumber(value))).toBe(true);
    expect(kindsOf(detectColumn('contact', values))).toEqual(['mobile']);
  });

  it('reports an all-digit credit code column as credit codes, not ID numbers or cards', () => {
    const codes = Array.from({ length: 300 }, (_, i) =>
      completeCreditCode(`9111000010${String(i).padStart(7, '0')}`),
    );
    const withLetters = Array.from({ length: 100 }, (_, i) =>
      completeCreditCode(`91350100M${String(i).padStart(4, '0')}00Y4`),
    );
    const findings = detectColumn('统一社会信用代码', [...codes, ...withLetters]);
    expect(kindsOf(findings)).toEqual(['credit_code']);
    expect(findings[0]).toMatchObject({ matchRate: 1, validRate: 1 });
    expect(containsUnmaskedPersonalInfo(findings)).toEqual([]);
  });

  it('reports 10% mobile numbers in a column named 手机号, and nothing below 5%', () => {
    const values = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? `139${String(10_000_000 + i)}` : '待补充',
    );
    const findings = detectColumn('手机号', values);
    expect(findings).toEqual([expect.objectContaining({ kind: 'mobile', matchRate: 0.1, nameHint: true })]);
    expect(findings[0]?.examples[0]).toBe('139****0000');

    const few = Array.from({ length: 100 }, (_, i) => (i < 4 ? `139${String(10_000_000 + i)}` : '待补充'));
    expect(detectColumn('手机号', few)).toEqual([]);
  });

  it('lowers the bar for names when the column is called 联系人', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 10 ? '张伟' : '见附件'));
    expect(kindsOf(detectColumn('联系人', values))).toEqual(['person_name']);
    expect(detectColumn('备注', values)).toEqual([]);
  });

  it('reports several kinds in one column, most frequent first', () => {
    const values = [
      ...Array.from({ length: 6 }, (_, i) => `1381234567${i}`),
      ...Array.from({ length: 4 }, (_, i) => `user${i}@example.com`),
    ];
    const findings = detectColumn('联系方式', values);
    expect(kindsOf(findings)).toEqual(['mobile', 'email']);
    expect(findings.map((f) => f.matchRate)).toEqual([0.6, 0.4]);
    expect(findings[1]?.examples).toEqual([
      'u***@example.com',
      'u***@example.com',
      'u***@example.com',
      'u***@example.com',
    ]);
  });

  it('finds plates, addresses and names', () => {
    expect(kindsOf(detectColumn('x', ['京A12345', '粤BD12345', '沪C88888']))).toEqual(['licence_plate']);
    expect(kindsOf(detectColumn('x', ['北京市朝阳区建国路88号', '广东省深圳市南山区科技园路1号']))).toEqual([
      'address',
    ]);
    const names = ['张', '王', '李', '赵', '陈', '刘'].flatMap((s) =>
      ['伟', '芳', '娜', '敏'].map((g) => s + g),
    );
    expect(kindsOf(detectColumn('x', [...names, '有限公司']))).toEqual(['person_name']);
    expect(kindsOf(detectColumn('姓名', ['张伟', '王芳', '李娜']))).toEqual(['person_name']);
    // A city column starts with surname characters but repeats a few values: not names.
    const cities = Array.from(
      { length: 200 },
      (_, i) => ['武汉', '成都', '高邮', '黄山', '周口'][i % 5] ?? '',
    );
    expect(detectColumn('城市', cities)).toEqual([]);
    expect(detectColumn('x', ['蔬菜', '水果', '饮料', '其他'])).toEqual([]);
    expect(detectColumn('x', [null, ' '])).toEqual([]);
  });

  it('handles 100,000 values in one pass', () => {
    const ids = idNumbers(10_000);
    const digits = randomDigits(7);
    const values = Array.from({ length: 100_000 }, (_, i) =>
      i % 10 === 0 ? (ids[i / 10] ?? null) : digits(16),
    );
    const findings = detectColumn('user_ref', values);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'id_card', matchRate: 0.1, examined: 100_000 }),
    ]);
  });
});

describe('containsUnmaskedPersonalInfo', () => {
  it('names each column with a personal kind once, leaving out credit codes', () => {
    const finding = (column: string, kind: PersonalInfoFinding['kind']): PersonalInfoFinding => ({
      column,
      kind,
      matchRate: 1,
      examined: 1,
      fullScan: false,
      examples: [],
      nameHint: false,
    });
    expect(
      containsUnmaskedPersonalInfo([
        finding('a', 'mobile'),
        finding('b', 'credit_code'),
        finding('a', 'email'),
        finding('c', 'person_name'),
      ]),
    ).toEqual(['a', 'c']);
  });
});
