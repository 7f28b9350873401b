/**
 * The product page is the catalog's hottest read (harvesters, search results, shared links). Its JSON
 * is the `document` column as stored: this cache keeps the serialized text, its ETag and its visibility
 * per product for a short time, so a page is read from PostgreSQL at most once per TTL per node, and
 * concurrent misses share one read. Visibility is checked on every request by the caller, never cached
 * per viewer. Changes made on this node clear the cache at once; other nodes serve a page up to TTL
 * stale (docs/decisions/0008-catalog-page-cache.md).
 */
import { createHash } from 'node:crypto';

/** A product page ready to send. */
export interface CachedPage {
  /** The JSON body (the stored document's text). */
  body: string;
  /** Strong ETag of the body, quoted. */
  etag: string;
  visibility: string;
}

/** How long a page is reused. */
export const PAGE_CACHE_TTL_MS = 2_000;
/** Pages kept at most; the oldest go first. */
export const PAGE_CACHE_MAX_ENTRIES = 10_000;

/** The strong ETag of a body: a hash of its bytes, so every node gives the same tag for the same page. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** True when an If-None-Match header names `etag` (or `*`); weak tags compare by their opaque part. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * A per-node cache of product pages in front of `load` (null: no such listed product; also cached, so a
 * flood of unknown ids costs one read each per TTL).
 */
export function createPageCache(deps: {
  load: (productId: string) => Promise<{ document: string; visibility: string } | null>;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const ttl = deps.ttlMs ?? PAGE_CACHE_TTL_MS;
  const max = deps.maxEntries ?? PAGE_CACHE_MAX_ENTRIES;
  const now = deps.now ?? Date.now;
  const entries = new Map<string, { at: number; page: CachedPage | null }>();
  const loading = new Map<string, Promise<CachedPage | null>>();
  let generation = 0;

  async function fill(productId: string): Promise<CachedPage | null> {
    const started = generation;
    const row = await deps.load(productId);
    const page = row && { body: row.document, etag: etagOf(row.document), visibility: row.visibility };
    // A change committed while this read ran may not be in it: do not keep it past the change.
    if (started === generation) {
      if (entries.size >= max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(productId, { at: now(), page });
    }
    return page;
  }

  return {
    /** The page of `productId`, from the cache when fresh. */
    get(productId: string): Promise<CachedPage | null> {
      const entry = entries.get(productId);
      if (entry && now() - entry.at < ttl) return Promise.resolve(entry.page);
      if (entry) entries.delete(productId);
      let pending = loading.get(productId);
      if (!pending) {
        pending = fill(productId).finally(() => loading.delete(productId));
        loading.set(productId, pending);
      }
      return pending;
    },

    /** Forgets every page (after a listing change committed on this node). */
    clear() {
      generation++;
      entries.clear();
      loading.clear();
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
