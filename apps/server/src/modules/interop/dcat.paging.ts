/**
 * Paging of the DCAT catalog: keyset cursors for harvesters (stable while entries change, the
 * default) or page numbers for people, over entries in (modified_at, product_id) ascending order so an
 * incremental harvest with `modified_since` resumes where it stopped. Bad values are 400s with codes
 * that say what to send instead.
 */
import { badRequest } from '../../platform/http/errors.js';

/** A keyset position: the exact `modified_at` (microseconds, UTC) and the product id of a row. */
export interface CatalogCursor {
  at: string;
  id: string;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const CURSOR_ID = /^prd_[0-9a-z]{1,64}$/;

/** Encodes a position as an opaque base64url token. */
export function encodeCatalogCursor(cursor: CatalogCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** Decodes a token made by `encodeCatalogCursor`, or returns null for anything else. */
export function decodeCatalogCursor(token: string): CatalogCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string') return null;
    if (!CURSOR_AT.test(at) || Number.isNaN(Date.parse(at)) || !CURSOR_ID.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
/** Page numbers cost an OFFSET scan: beyond this many rows, harvest with the cursor instead. */
export const MAX_OFFSET = 100_000;

/** The raw query of `/catalog.{ttl,jsonld}`. */
export interface RawCatalogQuery {
  page?: string | undefined;
  cursor?: string | undefined;
  limit?: string | undefined;
  modified_since?: string | undefined;
}

/** A validated catalog query. */
export interface CatalogQuery {
  limit: number;
  modifiedSince: Date | null;
  page: number | null;
  after: CatalogCursor | null;
  /** The cursor as sent, to repeat it in the page's own URL. */
  cursor: string | null;
}

const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;
/** ISO 8601 date or date-time (with optional fraction and zone). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function badPaging(parameter: string, value: string) {
  return badRequest('interop.bad_paging', { parameter, value: value.slice(0, 100), maxLimit: MAX_LIMIT });
}

/** Parses an ISO 8601 date or date-time, or throws `interop.bad_modified_since`. */
export function parseModifiedSince(value: string | undefined): Date | null {
  if (value === undefined || value === '') return null;
  const date = new Date(value);
  if (!ISO_8601.test(value) || Number.isNaN(date.getTime()))
    throw badRequest('interop.bad_modified_since', { value: value.slice(0, 100) });
  return date;
}

/** Validates the catalog query. */
export function parseCatalogQuery(raw: RawCatalogQuery): CatalogQuery {
  let limit = DEFAULT_LIMIT;
  if (raw.limit !== undefined) {
    if (!POSITIVE_INTEGER.test(raw.limit) || Number(raw.limit) > MAX_LIMIT)
      throw badPaging('limit', raw.limit);
    limit = Number(raw.limit);
  }
  if (raw.page !== undefined && raw.cursor !== undefined) throw badPaging('page', raw.page);
  let page: number | null = null;
  if (raw.page !== undefined) {
    if (!POSITIVE_INTEGER.test(raw.page) || (Number(raw.page) - 1) * limit > MAX_OFFSET)
      throw badPaging('page', raw.page);
    page = Number(raw.page);
  }
  let after: CatalogCursor | null = null;
  if (raw.cursor !== undefined) {
    after = decodeCatalogCursor(raw.cursor);
    if (!after) throw badPaging('cursor', raw.cursor);
  }
  return {
    limit,
    modifiedSince: parseModifiedSince(raw.modified_since),
    page,
    after,
    cursor: raw.cursor ?? null,
  };
}

/** URL of the catalog in `ext` with `params` (absent values left out). */
function catalogUrl(base: string, params: Record<string, string | number | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) search.set(key, String(value));
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}

/** The Hydra links of a page: its own URL, the first page, and the next/previous when they exist. */
export function catalogPageLinks(
  base: string,
  query: CatalogQuery,
  last: CatalogCursor | null,
  hasMore: boolean,
) {
  const common = {
    limit: query.limit === DEFAULT_LIMIT ? null : query.limit,
    modified_since: query.modifiedSince ? query.modifiedSince.toISOString() : null,
  };
  if (query.page !== null) {
    return {
      pageUrl: catalogUrl(base, { ...common, page: query.page }),
      firstUrl: catalogUrl(base, { ...common, page: 1 }),
      nextUrl: hasMore ? catalogUrl(base, { ...common, page: query.page + 1 }) : null,
      previousUrl: query.page > 1 ? catalogUrl(base, { ...common, page: query.page - 1 }) : null,
    };
  }
  return {
    pageUrl: catalogUrl(base, { ...common, cursor: query.cursor }),
    firstUrl: catalogUrl(base, common),
    nextUrl: hasMore && last ? catalogUrl(base, { ...common, cursor: encodeCatalogCursor(last) }) : null,
    previousUrl: null,
  };
}
