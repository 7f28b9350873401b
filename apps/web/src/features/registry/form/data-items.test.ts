import { describe, expect, it } from 'vitest';
import { guessSensitivity, hasPersonalItems, itemsFromHeader, parseCsvHeader } from './data-items';

describe('parseCsvHeader', () => {
  it('reads field names from the first line, comma or tab separated', () => {
    expect(parseCsvHeader('\uFEFFroad_id,"路段名称", flow\n1,a,2')).toEqual(['road_id', '路段名称', 'flow']);
    expect(parseCsvHeader('a\tb\tc')).toEqual(['a', 'b', 'c']);
  });

  it('drops blanks and duplicates', () => {
    expect(parseCsvHeader('a,,b,a, ')).toEqual(['a', 'b']);
    expect(parseCsvHeader('')).toEqual([]);
  });
});

describe('guessSensitivity', () => {
  it('flags personal and sensitive personal fields by name', () => {
    expect(guessSensitivity('姓名')).toBe('personal');
    expect(guessSensitivity('mobile_phone')).toBe('personal');
    expect(guessSensitivity('身份证号')).toBe('sensitive_personal');
    expect(guessSensitivity('road_id')).toBe('none');
  });
});

describe('itemsFromHeader and hasPersonalItems', () => {
  it('builds string rows with guessed sensitivity', () => {
    const items = itemsFromHeader('road_id,姓名');
    expect(items).toEqual([
      { name: 'road_id', type: 'string', description: '', sensitivity: 'none' },
      { name: '姓名', type: 'string', description: '', sensitivity: 'personal' },
    ]);
    expect(hasPersonalItems(items)).toBe(true);
    expect(hasPersonalItems(items.slice(0, 1))).toBe(false);
    expect(hasPersonalItems(undefined)).toBe(false);
  });
});
