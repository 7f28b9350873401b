import { describe, expect, it } from 'vitest';
import { indexProduct, provinceOf, tokensOf } from './catalog.indexing.js';
import { sampleDescription } from './catalog.test-support.js';

const provider = {
  name: '上海数流科技有限公司',
  creditCode: '91310115MA1K4AAAA1',
  participantCredentialNumber: 'SLX-P-2026-000001',
  divisionCode: '310115',
};

describe('indexProduct', () => {
  const row = indexProduct({
    productId: 'prd_1',
    organizationId: 'org_1',
    description: sampleDescription(),
    visibility: 'participants',
    provider,
    certificate: { number: 'SLX-RC-2026-000007', status: 'active' },
    listedAt: new Date('2026-03-01T00:00:00Z'),
    modifiedAt: new Date('2026-03-02T00:00:00Z'),
    publicUrl: 'https://node.example.cn',
  });

  it('fills the facet columns from the description and the provider’s province', () => {
    expect(row).toMatchObject({
      domain: 'transport',
      form: 'dataset',
      grade: 'GENERAL_2',
      pricingModel: 'subscription',
      priceFen: 100_000,
      region: '310000',
      openAttribute: 'conditional',
      visibility: 'participants',
      certificateNumber: 'SLX-RC-2026-000007',
      providerName: '上海数流科技有限公司',
    });
  });

  it('weights name tokens A, keywords B, summary and scenarios C, provider and name bigrams D', () => {
    expect(row.tokens.a.split(' ')).toContain('交通流量');
    expect(row.tokens.b.split(' ')).toEqual(['交通', '流量', 'traffic']);
    expect(row.tokens.c.split(' ')).toEqual(expect.arrayContaining(['拥堵', '治理', '改扩建']));
    expect(row.tokens.d.split(' ')).toEqual(expect.arrayContaining(['上海', '通流', '路交']));
  });

  it('masks personal data in the page document and links the certificate page', () => {
    const text = JSON.stringify(row.document);
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('张三丰');
    expect(row.document.certificate).toEqual({
      number: 'SLX-RC-2026-000007',
      status: 'active',
      path: '/certificates/SLX-RC-2026-000007',
      verifyUrl: 'https://node.example.cn/certificates/SLX-RC-2026-000007',
    });
    expect((row.document.policy as { '@type': string })['@type']).toBe('Offer');
  });
});

describe('provinceOf / tokensOf', () => {
  it('keeps the first two digits of a division code', () => {
    expect(provinceOf('440305')).toBe('440000');
    expect(provinceOf('x')).toBe('000000');
  });

  it('tokenizes English keywords lower-cased', () => {
    expect(tokensOf(sampleDescription({ keywords: ['Road-Traffic'] }), 'ACME').b).toBe('road traffic');
  });
});
