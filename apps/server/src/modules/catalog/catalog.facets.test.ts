import { describe, expect, it } from 'vitest';
import { facetLexemesOf } from './catalog.indexing.js';
import { facetTsquery } from './catalog.repository.js';
import { textMatchOf } from './catalog.search.js';
import { tokenizeDocument, tokenizeQuery } from './catalog.tokenizer.js';

const FACET_LEXEME = /^f\./;

describe('facet lexemes', () => {
  it('are one lexeme per facet and visibility, with a dot no text token can contain', () => {
    expect(
      facetLexemesOf({
        domain: 'finance',
        form: 'dataset',
        grade: 'GENERAL_2',
        pricingModel: 'subscription',
        organizationId: 'org_1',
        region: '310000',
        openAttribute: 'conditional',
        visibility: 'participants',
      }),
    ).toEqual([
      'f.domain.finance',
      'f.form.dataset',
      'f.grade.GENERAL_2',
      'f.pricing.subscription',
      'f.provider.org_1',
      'f.region.310000',
      'f.open.conditional',
      'f.vis.participants',
    ]);
  });

  it('can never be produced by query or document text, however it is written', () => {
    const attempts = [
      'f.vis.participants',
      "'f.vis.participants'",
      'f.domain.finance & f.vis.public',
      'ｆ．ｖｉｓ．ｐａｒｔｉｃｉｐａｎｔｓ',
      'f\\.vis\\.public',
    ];
    for (const text of attempts) {
      for (const token of [...tokenizeQuery(text), ...tokenizeDocument(text)]) {
        expect(token).not.toMatch(FACET_LEXEME);
        expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      }
      const match = textMatchOf(text);
      if (match.kind === 'lexemes') expect(match.lexemes.join(' ')).not.toContain('.');
    }
  });
});

describe('facetTsquery', () => {
  const base = { text: { kind: 'none' as const }, equals: {} };
  it('ANDs the chosen facets and the visibilities the caller may see', () => {
    expect(
      facetTsquery({ ...base, visibilities: ['public'], equals: { domain: 'finance', form: 'dataset' } }),
    ).toBe("'f.domain.finance' & 'f.form.dataset' & ('f.vis.public')");
  });

  it('adds nothing for a caller who may see every visibility and chose no facet', () => {
    expect(facetTsquery({ ...base, visibilities: ['public', 'participants'] })).toBeNull();
    expect(
      facetTsquery({ ...base, visibilities: ['participants', 'public'], equals: { region: '310000' } }),
    ).toBe("'f.region.310000'");
  });

  it('matches nothing when no visibility is allowed, and quotes values so they stay one lexeme', () => {
    expect(facetTsquery({ ...base, visibilities: [] })).toBe("'f.vis'");
    expect(
      facetTsquery({ ...base, visibilities: ['public', 'participants'], equals: { provider: "o'x\\ | y" } }),
    ).toBe("'f.provider.o''x\\\\ | y'");
  });
});
