/**
 * Catalog search: Chinese and English full text (jieba lexemes in a `simple` tsvector), fuzzy names
 * (pg_trgm for Latin script, Chinese bigrams as a fallback), facets with counts, sorting and keyset
 * paging. Visibility is part of the SQL filter, so restricted rows never reach results, facet counts
 * or totals.
 */
import type { Visibility } from '@shuliu/core';
import type { Db } from '../../platform/db/database.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { hasPlatformRole, type Principal } from '../../platform/http/principal.js';
import type { MembershipSource } from './catalog.ports.js';
import {
  catalogRepository as repo,
  FACETS,
  type Facet,
  type FacetCountRow,
  type SearchAfter,
  type SearchFilter,
  type SearchHit,
  type SortKey,
  type TextMatch,
} from './catalog.repository.js';
import { hanBigrams, tokenizeQuery } from './catalog.tokenizer.js';

/** Longest accepted query text, in characters. */
export const MAX_QUERY_CHARS = 200;
/** Facet values returned per facet (providers can be many; the others are small closed sets). */
const FACET_VALUES_MAX = 50;
/** How long facet counts of a query without text are reused (the catalog's landing page). */
const EMPTY_QUERY_FACETS_TTL_MS = 30_000;

export interface SearchQuery {
  q?: string | undefined;
  domain?: string | undefined;
  form?: string | undefined;
  grade?: string | undefined;
  pricingModel?: string | undefined;
  provider?: string | undefined;
  region?: string | undefined;
  openAttribute?: string | undefined;
  sort?: SortKey | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface FacetValue {
  value: string;
  label: string | null;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  nextCursor: string | null;
  total: number;
  /** False when counting stopped at the configured cap: `total` and facet counts are lower bounds. */
  totalIsExact: boolean;
  /** When counting stopped at the cap: the planner's estimate of all matches (no scan), else null. */
  estimatedTotal: number | null;
  facets: Record<Facet, FacetValue[]>;
  /** True when no row matched the words exactly and the results come from the fuzzy fallback. */
  fuzzy: boolean;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\s\p{P}\p{S}]+$/u;
const LATIN_WORD = /[\p{Script=Latin}\p{N}]{3,}/gu;

/** Which visibilities the caller may see: participants-only entries need a registered participant. */
export async function visibilitiesFor(
  principal: Principal,
  memberships: MembershipSource,
): Promise<Visibility[]> {
  if (principal.kind !== 'user') return ['public'];
  if (hasPlatformRole(principal, 'exchange_admin', 'exchange_reviewer', 'regulator'))
    return ['public', 'participants'];
  const organizations = await memberships.organizationsOf(principal.userId);
  return organizations.some((o) => o.participantId !== null) ? ['public', 'participants'] : ['public'];
}

/**
 * The text match of a query: its lexemes; for Latin-script queries also pg_trgm on names, each word of
 * three or more letters close to a word of the name (a typo still finds the product).
 */
export function textMatchOf(q: string | undefined): TextMatch {
  const text = q?.trim().normalize('NFKC') ?? '';
  if (text === '') return { kind: 'none' };
  const lexemes = tokenizeQuery(text);
  if (lexemes.length === 0) return { kind: 'nothing' };
  const trigramWords = LATIN_ONLY.test(text)
    ? [...new Set((text.toLowerCase().match(LATIN_WORD) ?? []).slice(0, 8))]
    : [];
  return { kind: 'lexemes', lexemes, trigramWords };
}

/** The fuzzy fallback for Chinese text: most of its character bigrams, or null when too short. */
export function bigramMatchOf(q: string | undefined): TextMatch | null {
  const bigrams = hanBigrams(q ?? '');
  if (bigrams.length < 2) return null;
  return { kind: 'bigrams', bigrams, atLeast: Math.max(2, Math.ceil(bigrams.length * 0.6)) };
}

function encodeAfter(sort: SortKey, hit: SearchHit): string {
  if (sort === 'newest') return encodeCursor({ at: hit.listedAt, id: hit.productId });
  const key = sort === 'relevance' ? hit.rank : hit.name;
  return Buffer.from(JSON.stringify([sort, key, hit.productId])).toString('base64url');
}

function invalidCursor(): AppError {
  return new AppError('http.validation_failed', 400, {
    issues: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

function decodeAfter(sort: SortKey, cursor: string | undefined): SearchAfter | null {
  if (!cursor) return null;
  if (sort === 'newest') {
    const position = decodeCursor(cursor);
    return position ? { sort, at: position.at, id: position.id } : null;
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(value) ||
    value[0] !== sort ||
    typeof value[1] !== 'string' ||
    typeof value[2] !== 'string'
  )
    throw invalidCursor();
  const [, key, id] = value as [string, string, string];
  if (sort === 'relevance') {
    if (!/^\d{1,6}(\.\d{1,6})?$/.test(key)) throw invalidCursor();
    return { sort, rank: key, id };
  }
  return { sort, name: key, id };
}

function emptyFacets(): Record<Facet, FacetValue[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, FacetValue[]>;
}

function shapeFacets(rows: FacetCountRow[]) {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = row.count;
    else facets[row.facet].push({ value: row.value, label: row.label, count: row.count });
  }
  for (const facet of FACETS) {
    facets[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    facets[facet] = facets[facet].slice(0, FACET_VALUES_MAX);
  }
  return { facets, total };
}

/** The search service. `countLimit` caps how many matching rows are counted (null: exact counts). */
export function createCatalogSearch(deps: {
  db: Db;
  memberships: MembershipSource;
  countLimit: number | null;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const facetCache = new Map<string, { at: number; rows: FacetCountRow[] }>();

  /** The empty query (the landing page) is counted exactly and cached; anything else up to the cap. */
  const isEmptyQuery = (filter: SearchFilter) =>
    filter.text.kind === 'none' && Object.keys(filter.equals).length === 0;
  const countLimitFor = (filter: SearchFilter) => (isEmptyQuery(filter) ? null : deps.countLimit);

  async function countFacets(filter: SearchFilter): Promise<FacetCountRow[]> {
    if (filter.text.kind !== 'none') return repo.facetCounts(deps.db, filter, countLimitFor(filter));
    const key = JSON.stringify(filter);
    const cached = facetCache.get(key);
    if (cached && now() - cached.at < EMPTY_QUERY_FACETS_TTL_MS) return cached.rows;
    const rows = await repo.facetCounts(deps.db, filter, countLimitFor(filter));
    if (facetCache.size > 1000) facetCache.clear();
    facetCache.set(key, { at: now(), rows });
    return rows;
  }

  async function run(filter: SearchFilter, sort: SortKey, after: SearchAfter | null, limit: number) {
    const [rows, counts] = await Promise.all([
      repo.searchPage(deps.db, filter, sort, after, limit),
      countFacets(filter),
    ]);
    const shaped = shapeFacets(counts);
    const cap = countLimitFor(filter);
    const isExact = cap === null || shaped.total <= cap;
    const estimatedTotal = isExact ? null : await repo.estimateMatches(deps.db, filter);
    return { rows, ...shaped, isExact, estimatedTotal };
  }

  return {
    /** Runs a search for `principal`. */
    async search(principal: Principal, query: SearchQuery): Promise<SearchResult> {
      if (query.q !== undefined && Array.from(query.q).length > MAX_QUERY_CHARS)
        throw badRequest('catalog.query_too_long', { max: MAX_QUERY_CHARS });
      const sort: SortKey = query.sort ?? (query.q?.trim() ? 'relevance' : 'newest');
      const after = decodeAfter(sort, query.cursor);
      const filter: SearchFilter = {
        visibilities: await visibilitiesFor(principal, deps.memberships),
        text: textMatchOf(query.q),
        equals: {
          domain: query.domain,
          form: query.form,
          grade: query.grade,
          pricingModel: query.pricingModel,
          provider: query.provider,
          region: query.region,
          openAttribute: query.openAttribute,
        },
      };
      for (const facet of FACETS) if (filter.equals[facet] === undefined) delete filter.equals[facet];
      let fuzzy = false;
      let result = await run(filter, sort, after, query.limit);
      // Fuzzy fallback for Chinese: run when the exact words match nothing, and keep using it on later
      // pages (the cursor of a fuzzy page is only valid in fuzzy mode).
      const bigrams = bigramMatchOf(query.q);
      if (result.total === 0 && bigrams) {
        const fuzzyFilter = { ...filter, text: bigrams };
        const retried = await run(fuzzyFilter, sort, after, query.limit);
        if (retried.total > 0) {
          result = retried;
          fuzzy = true;
        }
      }
      const page = result.rows.slice(0, query.limit);
      const last = page.at(-1);
      const total = result.total;
      return {
        hits: page,
        nextCursor: result.rows.length > query.limit && last ? encodeAfter(sort, last) : null,
        total,
        totalIsExact: result.isExact,
        estimatedTotal: result.estimatedTotal === null ? null : Math.max(result.estimatedTotal, total),
        facets: result.facets,
        fuzzy,
      };
    },

    /** Forgets cached facet counts (after a listing change on this node). */
    invalidate() {
      facetCache.clear();
    },
  };
}

export type CatalogSearch = ReturnType<typeof createCatalogSearch>;
