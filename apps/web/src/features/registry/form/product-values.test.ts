import { describe, expect, it } from 'vitest';
import {
  allowedDeliveries,
  emptyProductValues,
  productFieldOf,
  productFormValuesOf,
  productStepsFor,
  toProductDescription,
} from './product-values';

const values = () => ({
  ...emptyProductValues({ provider: '数流科技', contact: { name: '张三', email: 'a@b.cn' } }),
  nameParts: { provider: '数流科技', subject: '交通流量', granularity: '路段级' },
  form: 'api' as const,
  pricing: { model: 'per_call' as const, amountYuan: 0.05, unit: 'call' },
  api: { endpoint: ' https://api.example.cn/flow ', method: 'GET' as const },
  scenarios: [{ title: '交通规划', description: '' }, { title: ' ' }],
});

describe('toProductDescription', () => {
  it('leaves empty quality and contact fields out of a draft instead of sending ""', () => {
    // The server validates every field a draft carries: an empty phone or statement would be refused.
    const d = toProductDescription({
      ...values(),
      quality: { statement: '  ' },
      contact: { name: '张三', phone: ' ', email: 'a@b.cn' },
    });
    expect(d.quality).toEqual({});
    expect(d.contact).toEqual({ name: '张三', email: 'a@b.cn' });
    const filled = toProductDescription({
      ...values(),
      quality: { statement: ' 逐日校核 ' },
      contact: { name: '张三', phone: '139 1234 5678', email: 'a@b.cn' },
    });
    expect(filled.quality).toEqual({ statement: '逐日校核' });
    expect(filled.contact).toEqual({ name: '张三', phone: '13912345678', email: 'a@b.cn' });
  });

  it('composes the name, converts the price to fen and drops empty scenarios', () => {
    const d = toProductDescription(values());
    expect(d.name).toBe('数流科技·交通流量·数据接口·路段级');
    expect(d.pricing).toEqual({ model: 'per_call', amountFen: 5, unit: 'call' });
    expect(d.scenarios).toEqual([{ title: '交通规划' }]);
    expect(d.api).toEqual({ endpoint: 'https://api.example.cn/flow', method: 'GET' });
  });

  it('prices public-welfare products at zero and leaves the API out of other forms', () => {
    const d = toProductDescription({
      ...values(),
      form: 'dataset',
      pricing: { model: 'free_public_welfare', amountYuan: 12 },
    });
    expect(d.pricing).toEqual({ model: 'free_public_welfare', amountFen: 0, unit: 'order' });
    expect(d.api).toBeUndefined();
  });

  it('keeps complete dataset references only, with a sample when one is picked', () => {
    const d = toProductDescription({
      ...values(),
      datasets: [
        { datasetId: 'dst_1', versionNumber: 2, sampleId: 'smp_1' },
        { datasetId: 'dst_2', versionNumber: 1 },
        { datasetId: 'dst_3' },
        undefined,
      ],
    });
    expect(d.datasets).toEqual([
      { datasetId: 'dst_1', versionNumber: 2, sampleId: 'smp_1' },
      { datasetId: 'dst_2', versionNumber: 1 },
    ]);
    expect(toProductDescription(productFormValuesOf(d)).datasets).toEqual(d.datasets);
    expect(toProductDescription({ ...values(), datasets: [{ datasetId: 'dst_3' }] })).not.toHaveProperty(
      'datasets',
    );
  });

  it('round-trips through productFormValuesOf', () => {
    const d = toProductDescription(values());
    expect(toProductDescription(productFormValuesOf(d))).toEqual(d);
  });
});

describe('wizard helpers', () => {
  it('shows the API step only for API products', () => {
    expect(productStepsFor('api').map((s) => s.key)).toContain('api');
    expect(productStepsFor('dataset').map((s) => s.key)).not.toContain('api');
  });

  it('keeps only the delivery methods the form allows', () => {
    expect(allowedDeliveries('api', ['file_download', 'api_access'])).toEqual(['api_access']);
    expect(allowedDeliveries('saas', ['file_download'])).toEqual(['online_service']);
  });

  it('maps description paths onto the wizard fields', () => {
    expect(productFieldOf(['name'])).toEqual(['nameParts', 'subject']);
    expect(productFieldOf(['pricing', 'amountFen'])).toEqual(['pricing', 'amountYuan']);
    expect(productFieldOf(['rightsChain', 1, 'licenceEvidenceIds'])).toEqual([
      'rightsChain',
      1,
      'licenceEvidence',
    ]);
    expect(productFieldOf(['scenarios'])).toEqual(['scenarios']);
  });
});
