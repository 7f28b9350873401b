import { describe, expect, it } from 'vitest';
import {
  parseCatalogParams,
  selectedFacetCount,
  toCatalogParams,
  toggleFacetValue,
  toSearchQuery,
  type CatalogFilter,
} from './catalog-url';

const base: CatalogFilter = { q: '', facets: {}, sort: 'relevance' };

describe('catalog URL state', () => {
  it('reads the query, the facets and the sort', () => {
    const filter = parseCatalogParams(
      new URLSearchParams('q=%E4%BA%A4%E9%80%9A&domain=transport&grade=GENERAL_2&sort=newest'),
    );
    expect(filter).toEqual({
      q: '交通',
      facets: { domain: 'transport', grade: 'GENERAL_2' },
      sort: 'newest',
    });
  });

  it('ignores unknown sorts, parameters and facet values, and cuts long queries', () => {
    const filter = parseCatalogParams(
      new URLSearchParams(`q=${'数'.repeat(300)}&sort=drop%20table&form=&color=red&domain=weather&region=31`),
    );
    expect(filter.sort).toBe('relevance');
    expect(filter.facets).toEqual({});
    expect(filter.q).toHaveLength(200);
  });

  it('writes only what differs from the default and round-trips', () => {
    expect(toCatalogParams(base).toString()).toBe('');
    const filter: CatalogFilter = { q: ' 气象 ', facets: { region: '310000' }, sort: 'name' };
    const params = toCatalogParams(filter);
    expect(params.toString()).toBe('q=%E6%B0%94%E8%B1%A1&region=310000&sort=name');
    expect(parseCatalogParams(params)).toEqual({ ...filter, q: '气象' });
  });

  it('checking a value replaces the facet’s choice; unchecking clears it', () => {
    const api = toggleFacetValue(base, 'form', 'api', true);
    const dataset = toggleFacetValue(api, 'form', 'dataset', true);
    expect(dataset.facets.form).toBe('dataset');
    expect(selectedFacetCount(dataset)).toBe(1);
    expect(toggleFacetValue(dataset, 'form', 'api', false).facets.form).toBe('dataset');
    expect(toggleFacetValue(dataset, 'form', 'dataset', false).facets).toEqual({});
  });

  it('builds the search query, leaving relevance to the server when there is no text', () => {
    expect(toSearchQuery({ ...base, facets: { domain: 'finance' } }, 'c1')).toEqual({
      q: undefined,
      sort: undefined,
      cursor: 'c1',
      domain: 'finance',
    });
    expect(toSearchQuery({ ...base, q: '交通' }, undefined)).toMatchObject({ q: '交通', sort: 'relevance' });
  });
});
