import { describe, expect, it } from 'vitest';
import { composeProductName, findProductNameProblem, toOdrlOffer, type UsagePolicy } from './product.js';

const provider = '北京数流科技有限公司';

describe('the product naming rule', () => {
  it('accepts provider·subject·form·granularity', () => {
    expect(
      findProductNameProblem('数流科技·城市道路交通流量·数据集·路段级逐小时', {
        providerName: provider,
        form: 'dataset',
      }),
    ).toBeNull();
    expect(
      findProductNameProblem('数流科技 · 企业信用 · API · 企业级', { providerName: provider, form: 'api' }),
    ).toBeNull();
  });
  it('names each problem', () => {
    const check = (name: string, form: 'dataset' | 'api' = 'dataset') =>
      findProductNameProblem(name, { providerName: provider, form });
    expect(check('城市交通流量数据集')).toBe('segment_count');
    expect(check('数流科技··数据集·小时')).toBe('segment_empty');
    expect(check(`数流科技·${'长'.repeat(41)}·数据集·小时`)).toBe('segment_too_long');
    expect(check('别家公司·交通流量·数据集·小时')).toBe('provider_mismatch');
    expect(check('数流科技·交通流量·数据报告·小时')).toBe('form_mismatch');
    expect(check('数流科技·交通流量·数据集·小时', 'api')).toBe('form_mismatch');
  });
  it('composes names that pass the rule', () => {
    const name = composeProductName({
      provider: '数流科技',
      subject: '气象观测',
      form: 'model',
      granularity: '站点级',
    });
    expect(name).toBe('数流科技·气象观测·数据模型·站点级');
    expect(findProductNameProblem(name, { providerName: provider, form: 'model' })).toBeNull();
  });
});

describe('usage policy as ODRL', () => {
  it('maps each closed constraint to an ODRL left operand', () => {
    const policy: UsagePolicy = {
      permissions: [
        {
          action: 'use',
          constraints: [
            { kind: 'purpose', anyOf: ['credit_assessment'] },
            { kind: 'period', from: '2026-01-01', to: '2026-12-31' },
            { kind: 'count', max: 10000 },
            { kind: 'region', anyOf: ['310000'] },
            { kind: 'recipient_role', anyOf: ['buyer'] },
          ],
        },
      ],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    };
    const offer = toOdrlOffer(policy, { policy: 'urn:p:1', target: 'urn:t:1', assigner: 'did:web:x' });
    expect(offer['@type']).toBe('Offer');
    const operands = offer.permission[0]?.constraint?.map((c) => c['leftOperand']);
    expect(operands).toEqual(['purpose', 'dateTime', 'dateTime', 'count', 'spatial', 'recipient']);
    expect(offer.prohibition).toEqual([{ target: 'urn:t:1', action: 'distribute' }]);
  });
});
