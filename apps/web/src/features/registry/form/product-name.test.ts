import { describe, expect, it } from 'vitest';
import { composeName, nameProblemOf, providerShortName, splitProductName } from './product-name';

describe('providerShortName', () => {
  it('drops the legal form of a registered name', () => {
    expect(providerShortName('数流科技有限公司')).toBe('数流科技');
    expect(providerShortName('福建大数据集团有限公司')).toBe('福建大数据');
    expect(providerShortName('Shuliu Data Co., Ltd.')).toBe('Shuliu Data');
  });

  it('keeps a name that has no legal form', () => {
    expect(providerShortName('福州市交通运输局')).toBe('福州市交通运输局');
  });
});

describe('composeName and nameProblemOf', () => {
  const parts = { provider: ' 数流科技 ', subject: '城市道路交通流量', granularity: '路段级逐小时' };

  it('composes the four segments with the form label', () => {
    expect(composeName(parts, 'dataset')).toBe('数流科技·城市道路交通流量·数据集·路段级逐小时');
  });

  it('accepts a short name contained in the registered name', () => {
    expect(nameProblemOf(parts, 'dataset', '数流科技有限公司')).toBeNull();
  });

  it('names the problem when a part is missing or the provider does not match', () => {
    expect(nameProblemOf({ ...parts, subject: '' }, 'dataset', '数流科技有限公司')).toBe('segment_empty');
    expect(nameProblemOf(parts, 'dataset', '另一家公司')).toBe('provider_mismatch');
    expect(nameProblemOf(parts, undefined, '数流科技有限公司')).toBe('form_mismatch');
  });
});

describe('splitProductName', () => {
  it('splits a saved name back into parts and recognises the form', () => {
    expect(splitProductName('数流科技·交通流量·数据接口·路段级')).toEqual({
      provider: '数流科技',
      subject: '交通流量',
      granularity: '路段级',
      form: 'api',
    });
  });

  it('returns null for a name without four segments', () => {
    expect(splitProductName('交通流量数据')).toBeNull();
  });
});
