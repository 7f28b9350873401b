import { describe, expect, it } from 'vitest';
import { coverageLabel, evidenceOf, readProduct, readResource } from './description-readers';

const resource = {
  name: '城市道路交通流量',
  dataItems: [],
  rights: ['holding'],
  source: { method: 'self_collected', description: '' },
  legalityEvidenceIds: ['att_1', 'att_2'],
};
const product = {
  name: '数流科技·城市道路交通流量·数据集·路段级逐小时',
  form: 'dataset',
  scenarios: [],
  pricing: { model: 'one_off', amountFen: 100, unit: 'order' },
  usagePolicy: { permissions: [], prohibitions: [] },
  rightsChain: [{ resourceId: 'res_1', right: 'operation', licenceEvidenceIds: ['att_9'] }],
  sample: { attachmentId: 'att_s' },
  quality: { statement: 'ok', reportAttachmentId: 'att_q' },
};

describe('description readers', () => {
  it('recognizes a resource and a product by their defining fields', () => {
    expect(readResource(resource)?.name).toBe('城市道路交通流量');
    expect(readProduct(resource)).toBeNull();
    expect(readProduct(product)?.form).toBe('dataset');
    expect(readResource(product)).toBeNull();
    expect(readResource(null)).toBeNull();
    expect(readProduct(['x'])).toBeNull();
  });

  it('lists every attachment a description points at, with its role', () => {
    expect(evidenceOf(resource)).toEqual([
      { id: 'att_1', role: 'legality' },
      { id: 'att_2', role: 'legality' },
    ]);
    expect(evidenceOf(product)).toEqual([
      { id: 'att_9', role: 'licence' },
      { id: 'att_s', role: 'sample' },
      { id: 'att_q', role: 'quality' },
    ]);
    expect(evidenceOf({})).toEqual([]);
  });
});

describe('coverageLabel', () => {
  it('names a province, keeps a city or county code beside its province, and reads 100000 as the country', () => {
    expect(coverageLabel('320000', 'zh')).toBe('江苏省');
    expect(coverageLabel('320100', 'zh')).toBe('江苏省 320100');
    expect(coverageLabel('320100', 'en')).toBe('Jiangsu 320100');
    expect(coverageLabel('100000', 'zh')).toBe('全国');
    expect(coverageLabel('990000', 'zh')).toBe('990000');
  });
});
