/**
 * The catalog's search state lives in the URL (`/catalog?q=交通&domain=transport&sort=newest`) so a
 * search can be bookmarked, shared and restored with the back button. These helpers convert between
 * the query string and the filter the page sends to the server. The search API takes one value per
 * facet, so checking a value in a panel replaces the previous choice of that facet.
 */
import {
  DATA_DOMAINS,
  DATA_GRADES,
  OPEN_ATTRIBUTES,
  PRICING_MODELS,
  PRODUCT_FORMS,
  type DataDomain,
  type DataGrade,
  type OpenAttribute,
  type PricingModel,
  type ProductForm,
} from '@shuliu/core';

/** The facets the catalog counts and filters by, in the order the panels show them. */
export const CATALOG_FACETS = [
  'domain',
  'form',
  'grade',
  'pricingModel',
  'provider',
  'region',
  'openAttribute',
] as const;
export type CatalogFacet = (typeof CATALOG_FACETS)[number];

/** Orders the results can be sorted in; `relevance` only means something with a query. */
export const CATALOG_SORTS = ['relevance', 'newest', 'name'] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** The longest search text sent to the server (longer input is cut, never rejected). */
export const MAX_QUERY_LENGTH = 200;

/** The chosen value of each facet (unset: not narrowed), typed as the search API takes them. */
export interface CatalogFacets {
  domain?: DataDomain;
  form?: ProductForm;
  grade?: DataGrade;
  pricingModel?: PricingModel;
  /** Provider organization id. */
  provider?: string;
  /** Province-level division code, e.g. `310000`. */
  region?: string;
  openAttribute?: OpenAttribute;
}

/** What the catalog page searches for. */
export interface CatalogFilter {
  q: string;
  facets: CatalogFacets;
  sort: CatalogSort;
}

function isSort(value: string | null): value is CatalogSort {
  return CATALOG_SORTS.some((sort) => sort === value);
}

function oneOf<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((item) => item === value);
}

/**
 * `facets` with `facet` set to `value` when the value is valid for it (a known term, a 6-digit
 * division code, a plausible id); an invalid value leaves the facet unset, so a mistyped URL
 * never makes the search fail.
 */
export function withFacet(facets: CatalogFacets, facet: CatalogFacet, value: string): CatalogFacets {
  const next = { ...facets };
  delete next[facet];
  switch (facet) {
    case 'domain':
      return { ...next, domain: oneOf(DATA_DOMAINS, value) };
    case 'form':
      return { ...next, form: oneOf(PRODUCT_FORMS, value) };
    case 'grade':
      return { ...next, grade: oneOf(DATA_GRADES, value) };
    case 'pricingModel':
      return { ...next, pricingModel: oneOf(PRICING_MODELS, value) };
    case 'openAttribute':
      return { ...next, openAttribute: oneOf(OPEN_ATTRIBUTES, value) };
    case 'region':
      return /^\d{6}$/.test(value) ? { ...next, region: value } : next;
    case 'provider':
      return value.length > 0 && value.length <= 64 ? { ...next, provider: value } : next;
  }
}

/** Drops unset facets so filters compare (and serialize into query keys) the same way. */
function compact(facets: CatalogFacets): CatalogFacets {
  return Object.fromEntries(Object.entries(facets).filter(([, v]) => v !== undefined));
}

/**
 * Reads the filter from the query string; unknown parameters, invalid values and unknown sorts
 * are ignored.
 * @example parseCatalogParams(new URLSearchParams('q=交通&domain=transport')).facets.domain // 'transport'
 */
export function parseCatalogParams(params: URLSearchParams): CatalogFilter {
  let facets: CatalogFacets = {};
  for (const facet of CATALOG_FACETS) {
    const value = params.get(facet)?.trim();
    if (value) facets = withFacet(facets, facet, value);
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    facets: compact(facets),
    sort: isSort(sort) ? sort : 'relevance',
  };
}

/** Writes the filter as a query string, leaving out what is empty or default. */
export function toCatalogParams(filter: CatalogFilter): URLSearchParams {
  const params = new URLSearchParams();
  const q = filter.q.trim();
  if (q) params.set('q', q);
  for (const facet of CATALOG_FACETS) {
    const value = filter.facets[facet];
    if (value) params.set(facet, value);
  }
  if (filter.sort !== 'relevance') params.set('sort', filter.sort);
  return params;
}

/** The filter with `value` of `facet` chosen (`checked`) or cleared. */
export function toggleFacetValue(
  filter: CatalogFilter,
  facet: CatalogFacet,
  value: string,
  checked: boolean,
): CatalogFilter {
  if (checked) return { ...filter, facets: compact(withFacet(filter.facets, facet, value)) };
  if (filter.facets[facet] !== value) return filter;
  const facets = { ...filter.facets };
  delete facets[facet];
  return { ...filter, facets };
}

/** How many facets are narrowed. */
export function selectedFacetCount(filter: CatalogFilter): number {
  return CATALOG_FACETS.filter((facet) => filter.facets[facet] !== undefined).length;
}

/**
 * The query the search API takes. Without search text, relevance means nothing: the server's
 * default order (newest) applies.
 */
export function toSearchQuery(filter: CatalogFilter, cursor: string | undefined) {
  const q = filter.q.trim();
  return {
    q: q || undefined,
    sort: filter.sort === 'relevance' && !q ? undefined : filter.sort,
    cursor,
    ...filter.facets,
  };
}
