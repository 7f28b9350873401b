/**
 * The only file of the catalog module with queries. Search runs as two statements on the same filter:
 * the page (ranked, keyset-paged) and the facet counts plus total in one GROUPING SETS pass.
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import { events } from '../../platform/events/events.tables.js';
import { VISIBILITIES } from '@shuliu/core';
import { facetLexeme, type CatalogRow, type FacetLexemeKey } from './catalog.indexing.js';
import { catalogEntries as t } from './catalog.tables.js';

/** Facet columns, in the order of the GROUPING SETS. */
export const FACETS = [
  'domain',
  'form',
  'grade',
  'pricingModel',
  'provider',
  'region',
  'openAttribute',
] as const;
export type Facet = (typeof FACETS)[number];

const FACET_COLUMNS: Record<Facet, string> = {
  domain: 'domain',
  form: 'form',
  grade: 'grade',
  pricingModel: 'pricing_model',
  provider: 'organization_id',
  region: 'region',
  openAttribute: 'open_attribute',
};

/** How the text of a query is matched. */
export type TextMatch =
  | { kind: 'none' }
  | { kind: 'nothing' }
  /** All query lexemes (AND); or, for Latin-script queries, every word close to a word of the name (pg_trgm). */
  | { kind: 'lexemes'; lexemes: string[]; trigramWords: string[] }
  /** Fuzzy fallback: at least `atLeast` of the Chinese bigrams occur. */
  | { kind: 'bigrams'; bigrams: string[]; atLeast: number };

export type SortKey = 'relevance' | 'newest' | 'name';

/** The filtered set a search is over. Visibility is always part of it. */
export interface SearchFilter {
  visibilities: readonly string[];
  text: TextMatch;
  equals: Partial<Record<Facet, string>>;
}

/** Keyset position after the last row of the previous page. */
export type SearchAfter =
  | { sort: 'relevance'; rank: string; id: string }
  | { sort: 'newest'; at: Date; id: string }
  | { sort: 'name'; name: string; id: string };

export interface SearchHit {
  productId: string;
  organizationId: string;
  providerName: string;
  name: string;
  summary: string;
  domain: string;
  form: string;
  grade: string;
  pricingModel: string;
  priceFen: number | null;
  region: string;
  openAttribute: string;
  visibility: string;
  certificateNumber: string;
  listedAt: Date;
  rank: string;
}

export interface FacetCountRow {
  facet: Facet | 'total';
  value: string;
  label: string | null;
  count: number;
}

function tsqueryOf(text: TextMatch): SQL {
  switch (text.kind) {
    case 'lexemes':
      // plainto_tsquery reads plain text: operators and quotes in it are only separators, never syntax.
      return sql`plainto_tsquery('simple', ${text.lexemes.join(' ')})`;
    case 'bigrams':
      return sql`array_to_string(ARRAY(SELECT quote_literal(b) FROM unnest(${sql.param(text.bigrams)}::text[]) b), ' | ')::tsquery`;
    case 'none':
    case 'nothing':
      return sql`NULL::tsquery`;
  }
}

/** One lexeme in tsquery syntax, quoted (a quote is doubled, a backslash escaped): never an operator. */
const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const FACET_LEXEME_KEYS: Record<Facet, FacetLexemeKey> = {
  domain: 'domain',
  form: 'form',
  grade: 'grade',
  pricingModel: 'pricing',
  provider: 'provider',
  region: 'region',
  openAttribute: 'open',
};

/**
 * The facet filters and the visibility of a search as a tsquery over the facet lexemes indexed with the
 * text (`'f.domain.finance' & 'f.vis.public'`), so the GIN index does the filtering together with the
 * words; null when nothing is filtered (a caller who may see every visibility, no facet chosen).
 */
export function facetTsquery(filter: SearchFilter): string | null {
  const parts: string[] = [];
  for (const facet of FACETS) {
    const value = filter.equals[facet];
    if (value !== undefined) parts.push(quoteLexeme(facetLexeme(FACET_LEXEME_KEYS[facet], value)));
  }
  if (!VISIBILITIES.every((v) => filter.visibilities.includes(v))) {
    const allowed = filter.visibilities.map((v) => quoteLexeme(facetLexeme('vis', v)));
    // No visibility at all: a lexeme no row has, so nothing matches (the column predicate agrees).
    parts.push(allowed.length === 0 ? quoteLexeme('f.vis') : `(${allowed.join(' | ')})`);
  }
  return parts.length === 0 ? null : parts.join(' & ');
}

function textCondition(text: TextMatch, facets: string | null): SQL | undefined {
  const withFacets = (query: SQL) => (facets === null ? query : sql`(${query} && ${facets}::tsquery)`);
  const facetsOnly = facets === null ? undefined : sql`search @@ ${facets}::tsquery`;
  switch (text.kind) {
    case 'none':
      return facetsOnly;
    case 'nothing':
      return sql`false`;
    case 'lexemes': {
      const lexical = sql`search @@ ${withFacets(tsqueryOf(text))}`;
      if (text.trigramWords.length === 0) return lexical;
      const fuzzy = sql.join(
        text.trigramWords.map((w) => sql`${w} <% name`),
        sql` AND `,
      );
      return sql`(${lexical} OR (${fuzzy}${facetsOnly ? sql` AND ${facetsOnly}` : sql``}))`;
    }
    case 'bigrams':
      return sql`(search @@ ${withFacets(tsqueryOf(text))} AND (SELECT count(*) FROM unnest(${sql.param(text.bigrams)}::text[]) b WHERE search @@ quote_literal(b)::tsquery) >= ${text.atLeast})`;
  }
}

/**
 * The WHERE clause of a search. Words, facets and visibility are one tsquery for the GIN index; the
 * visibility column predicate stays beside it as the guarantee that restricted rows never match, even
 * if a row's lexemes were wrong. Facet columns are not repeated: the planner would count their
 * selectivity twice and underestimate the matches.
 */
function whereOf(filter: SearchFilter): SQL {
  const parts: SQL[] = [sql`visibility = ANY(${sql.param(filter.visibilities)}::text[])`];
  // With neither words nor facets (the landing page), visibility alone matches most rows: the index
  // would not help, and the column predicate is cheaper than a tsquery on every row.
  const isUnfiltered = filter.text.kind === 'none' && Object.keys(filter.equals).length === 0;
  const text = isUnfiltered ? undefined : textCondition(filter.text, facetTsquery(filter));
  if (text) parts.push(text);
  return sql.join(parts, sql` AND `);
}

/** The relevance of a row, rounded so that keyset comparisons are exact. */
function rankOf(text: TextMatch): SQL {
  switch (text.kind) {
    case 'lexemes':
      return text.trigramWords.length > 0
        ? sql`round((ts_rank(search, ${tsqueryOf(text)}) + word_similarity(${text.trigramWords.join(' ')}, name) * 0.1)::numeric, 6)`
        : sql`round(ts_rank(search, ${tsqueryOf(text)})::numeric, 6)`;
    case 'bigrams':
      return sql`round(ts_rank(search, ${tsqueryOf(text)})::numeric, 6)`;
    case 'none':
    case 'nothing':
      return sql`0::numeric`;
  }
}

function orderOf(sort: SortKey): SQL {
  switch (sort) {
    case 'relevance':
      // Ties on rank keep a stable order by id; the cursor carries both.
      return sql`rank DESC, product_id DESC`;
    case 'newest':
      return sql`listed_at DESC, product_id DESC`;
    case 'name':
      return sql`name ASC, product_id ASC`;
  }
}

function afterOf(after: SearchAfter | null): SQL {
  if (!after) return sql`true`;
  switch (after.sort) {
    case 'relevance':
      return sql`(rank, product_id) < (${after.rank}::numeric, ${after.id})`;
    case 'newest':
      return sql`(listed_at, product_id) < (${after.at.toISOString()}::timestamptz, ${after.id})`;
    case 'name':
      return sql`(name, product_id) > (${after.name}, ${after.id})`;
  }
}

const HIT_COLUMNS = sql`product_id AS "productId", organization_id AS "organizationId", provider_name AS "providerName",
  name, summary, domain, form, grade, pricing_model AS "pricingModel", price_fen AS "priceFen", region,
  open_attribute AS "openAttribute", visibility, certificate_number AS "certificateNumber", listed_at AS "listedAt"`;

/** How many of the newest matches a relevance-sorted search ranks (and pages through). */
export const RANK_CANDIDATES = 1000;

/** The search statements, exported so the benchmark can EXPLAIN exactly what the service runs. */
export const searchSql = {
  /** One page of hits, keyset-paged, `limit + 1` rows. */
  page: (filter: SearchFilter, sort: SortKey, after: SearchAfter | null, limit: number) => sql`
      SELECT * FROM (
        SELECT ${HIT_COLUMNS}, listed_at, product_id, ${rankOf(filter.text)} AS rank
        FROM ${
          sort === 'relevance'
            ? // Rank only the newest matches: ts_rank reads every candidate's tsvector, and a broad query
              // matches hundreds of thousands of rows. Narrow queries have fewer matches: exact ranking.
              sql`(SELECT * FROM catalog_entries WHERE ${whereOf(filter)}
                   ORDER BY listed_at DESC, product_id DESC LIMIT ${RANK_CANDIDATES}) candidates`
            : sql`catalog_entries WHERE ${whereOf(filter)}`
        }
      ) hits
      WHERE ${afterOf(after)}
      ORDER BY ${orderOf(sort)}
      LIMIT ${limit + 1}`,

  /** Facet counts and the total in one GROUPING SETS pass, over at most `countLimit + 1` rows when capped. */
  facets: (filter: SearchFilter, countLimit: number | null) => {
    const columns = FACETS.map((f) => sql.identifier(FACET_COLUMNS[f]));
    const list = sql.join(columns, sql`, `);
    const source = sql`SELECT ${list}, provider_name FROM catalog_entries WHERE ${whereOf(filter)}${
      countLimit === null ? sql`` : sql` LIMIT ${countLimit + 1}`
    }`;
    const sets = sql.join([...columns.map((c) => sql`(${c})`), sql`()`], sql`, `);
    return sql`
      SELECT ${list}, max(provider_name) AS provider_name, count(*)::int AS n
      FROM (${source}) matched
      GROUP BY GROUPING SETS (${sets})`;
  },
};

/**
 * pg_trgm's default word-similarity threshold (0.6) misses one-letter typos in short words
 * (`wether` ~ `weather` is 0.5); Latin-script queries run with this one, set for their transaction only.
 */
const WORD_SIMILARITY_THRESHOLD = 0.45;

/** Runs `query` with the fuzzy-name threshold when the filter uses pg_trgm, else directly. */
async function withThreshold<T>(db: Executor, filter: SearchFilter, query: (db: Executor) => Promise<T>) {
  if (filter.text.kind !== 'lexemes' || filter.text.trigramWords.length === 0) return query(db);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
    );
    return query(tx);
  });
}

export const catalogRepository = {
  /** The planner's estimate of the matching rows (no scan): shown when counting stopped at the cap. */
  async estimateMatches(db: Executor, filter: SearchFilter): Promise<number> {
    const { rows } = await withThreshold(db, filter, (x) =>
      x.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
        sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM catalog_entries WHERE ${whereOf(filter)}`,
      ),
    );
    return Math.round(rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  },

  /** One page of hits, `limit + 1` rows (the extra one tells whether more follow). */
  async searchPage(
    db: Executor,
    filter: SearchFilter,
    sort: SortKey,
    after: SearchAfter | null,
    limit: number,
  ): Promise<SearchHit[]> {
    const { rows } = await withThreshold(db, filter, (x) =>
      x.execute<Record<string, unknown>>(searchSql.page(filter, sort, after, limit)),
    );
    return rows.map((r) => {
      const hit = r as unknown as SearchHit;
      return { ...hit, listedAt: new Date(hit.listedAt), priceFen: toNumberOrNull(hit.priceFen) };
    });
  },

  /**
   * Facet counts and the total in one pass (GROUPING SETS). With `countLimit`, only the first
   * `countLimit + 1` matching rows are counted, and the caller reports the figures as a lower bound.
   */
  async facetCounts(db: Executor, filter: SearchFilter, countLimit: number | null): Promise<FacetCountRow[]> {
    const { rows } = await withThreshold(db, filter, (x) =>
      x.execute<Record<string, string | number | null>>(searchSql.facets(filter, countLimit)),
    );
    return rows.map((row) => {
      const facet = FACETS.find((f) => row[FACET_COLUMNS[f]] !== null);
      const count = Number(row.n);
      if (!facet) return { facet: 'total', value: '', label: null, count };
      return {
        facet,
        value: String(row[FACET_COLUMNS[facet]]),
        label: facet === 'provider' ? String(row.provider_name) : null,
        count,
      };
    });
  },

  /**
   * The product page lookup: the stored document as JSON text (sent as is, never parsed and
   * re-serialized) and its visibility. The public page is the hottest read of the catalog, so it is a
   * named prepared statement, planned once per connection; prepared on first use.
   */
  prepareFindPage: (db: Db) => {
    const prepare = () =>
      db
        .select({ document: sql<string>`${t.document}::text`, visibility: t.visibility })
        .from(t)
        .where(eq(t.productId, sql.placeholder('id')))
        .limit(1)
        .prepare('catalog_find_page');
    let statement: ReturnType<typeof prepare> | undefined;
    return async (productId: string) => {
      statement ??= prepare();
      return (await statement.execute({ id: productId }))[0] ?? null;
    };
  },

  /** Writes (or rewrites) the catalog row of a product. */
  async upsert(db: Executor, row: CatalogRow) {
    await catalogRepository.insertMany(db, [row], true);
  },

  /**
   * Inserts rows in one statement through `unnest` arrays (the benchmark's seeder uses it for batches);
   * `replace` overwrites an existing row of the same product.
   */
  async insertMany(db: Executor, rows: readonly CatalogRow[], replace = false) {
    if (rows.length === 0) return;
    const col = <T>(pick: (r: CatalogRow) => T) => sql.param(rows.map(pick));
    await db.execute(sql`
      INSERT INTO catalog_entries (product_id, organization_id, provider_name, name, summary, domain, form, grade,
        pricing_model, price_fen, region, open_attribute, visibility, certificate_number, search, document,
        listed_at, modified_at)
      SELECT u.product_id, u.organization_id, u.provider_name, u.name, u.summary, u.domain, u.form, u.grade,
        u.pricing_model, u.price_fen, u.region, u.open_attribute, u.visibility, u.certificate_number,
        setweight(to_tsvector('simple', u.ta), 'A') || setweight(to_tsvector('simple', u.tb), 'B')
          || setweight(to_tsvector('simple', u.tc), 'C') || setweight(to_tsvector('simple', u.td), 'D')
          || array_to_tsvector(string_to_array(u.tf, ' ')),
        u.document::jsonb, u.listed_at, u.modified_at
      FROM unnest(
        ${col((r) => r.productId)}::text[], ${col((r) => r.organizationId)}::text[],
        ${col((r) => r.providerName)}::text[], ${col((r) => r.name)}::text[], ${col((r) => r.summary)}::text[],
        ${col((r) => r.domain)}::text[], ${col((r) => r.form)}::text[], ${col((r) => r.grade)}::text[],
        ${col((r) => r.pricingModel)}::text[], ${col((r) => (r.priceFen === null ? null : String(r.priceFen)))}::bigint[],
        ${col((r) => r.region)}::text[], ${col((r) => r.openAttribute)}::text[], ${col((r) => r.visibility)}::text[],
        ${col((r) => r.certificateNumber)}::text[], ${col((r) => r.tokens.a)}::text[], ${col((r) => r.tokens.b)}::text[],
        ${col((r) => r.tokens.c)}::text[], ${col((r) => r.tokens.d)}::text[],
        ${col((r) => r.facetLexemes.join(' '))}::text[],
        ${col((r) => JSON.stringify(r.document))}::text[], ${col((r) => r.listedAt.toISOString())}::timestamptz[],
        ${col((r) => r.modifiedAt.toISOString())}::timestamptz[]
      ) AS u(product_id, organization_id, provider_name, name, summary, domain, form, grade, pricing_model,
        price_fen, region, open_attribute, visibility, certificate_number, ta, tb, tc, td, tf, document, listed_at,
        modified_at)
      ${
        replace
          ? sql`ON CONFLICT (product_id) DO UPDATE SET organization_id = EXCLUDED.organization_id,
              provider_name = EXCLUDED.provider_name, name = EXCLUDED.name, summary = EXCLUDED.summary,
              domain = EXCLUDED.domain, form = EXCLUDED.form, grade = EXCLUDED.grade,
              pricing_model = EXCLUDED.pricing_model, price_fen = EXCLUDED.price_fen, region = EXCLUDED.region,
              open_attribute = EXCLUDED.open_attribute, visibility = EXCLUDED.visibility,
              certificate_number = EXCLUDED.certificate_number, search = EXCLUDED.search,
              document = EXCLUDED.document, modified_at = EXCLUDED.modified_at`
          : sql``
      }`);
  },

  /** Removes a product from the catalog; true when it was there. */
  async remove(db: Executor, productId: string): Promise<boolean> {
    const removed = await db.delete(t).where(eq(t.productId, productId)).returning({ id: t.productId });
    return removed.length > 0;
  },

  /** When the product was first listed in its current listing (kept across re-indexing). */
  async listedAtOf(db: Executor, productId: string): Promise<Date | null> {
    const [row] = await db
      .select({ listedAt: t.listedAt })
      .from(t)
      .where(eq(t.productId, productId))
      .limit(1);
    return row?.listedAt ?? null;
  },

  /** The latest listing event of a product (listed or delisted), to know why it was delisted. */
  async lastListingEvent(db: Executor, productId: string, types: readonly string[]) {
    const [row] = await db
      .select({ type: events.type, payload: events.payload })
      .from(events)
      .where(
        and(
          eq(events.subjectType, 'product'),
          eq(events.subjectId, productId),
          sql`${events.type} = ANY(${sql.param(types)}::text[])`,
        ),
      )
      .orderBy(desc(events.seq))
      .limit(1);
    return row ?? null;
  },
};

function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
