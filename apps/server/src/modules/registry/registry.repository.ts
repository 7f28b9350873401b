/**
 * The only file of the registry module with queries. Resources and products share their column
 * layout, so each query exists once per table with the same shape.
 */
import { and, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { containingPattern } from '../../platform/db/like.js';
import type { CursorPosition } from '../../platform/http/cursor.js';
import { dataProducts, dataResources } from './registry.tables.js';

export type ResourceRow = typeof dataResources.$inferSelect;
export type ProductRow = typeof dataProducts.$inferSelect;
export type ResourceInsert = typeof dataResources.$inferInsert;
export type ProductInsert = typeof dataProducts.$inferInsert;

/** Filters of a list page. `organizationIds` undefined = every organization (staff). */
export interface SubjectFilter {
  organizationIds?: string[];
  status?: string;
  q?: string;
  cursor: CursorPosition | null;
  limit: number;
}

type Table = typeof dataResources | typeof dataProducts;

function whereOf(t: Table, f: SubjectFilter): SQL | undefined {
  return and(
    f.organizationIds ? inArray(t.organizationId, f.organizationIds) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
    f.q ? ilike(t.name, containingPattern(f.q)) : undefined,
  );
}

/** Keyset condition: rows strictly after the cursor in (created_at desc, id desc) order. */
const after = (t: Table, c: CursorPosition | null) =>
  c ? sql`(${t.createdAt}, ${t.id}) < (${c.at.toISOString()}::timestamptz, ${c.id})` : undefined;

export const registryRepository = {
  findResource: async (db: Executor, id: string, forUpdate = false) => {
    const query = db.select().from(dataResources).where(eq(dataResources.id, id)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },
  findProduct: async (db: Executor, id: string, forUpdate = false) => {
    const query = db.select().from(dataProducts).where(eq(dataProducts.id, id)).limit(1);
    return (await (forUpdate ? query.for('update') : query))[0];
  },
  findResources: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db.select().from(dataResources).where(inArray(dataResources.id, ids)),

  insertResource: async (db: Executor, row: ResourceInsert) =>
    (await db.insert(dataResources).values(row).returning())[0],
  insertProduct: async (db: Executor, row: ProductInsert) =>
    (await db.insert(dataProducts).values(row).returning())[0],

  /** Applies `patch` and bumps the version. */
  updateResource: async (db: Executor, id: string, patch: Partial<ResourceInsert>) =>
    (
      await db
        .update(dataResources)
        .set({ ...patch, version: sql`${dataResources.version} + 1` })
        .where(eq(dataResources.id, id))
        .returning()
    )[0],
  updateProduct: async (db: Executor, id: string, patch: Partial<ProductInsert>) =>
    (
      await db
        .update(dataProducts)
        .set({ ...patch, version: sql`${dataProducts.version} + 1` })
        .where(eq(dataProducts.id, id))
        .returning()
    )[0],

  /** Records a connectivity result; not an edit of the description, so the version stays. */
  setConnectivity: async (db: Executor, id: string, connectivity: Record<string, unknown>) =>
    (await db.update(dataProducts).set({ connectivity }).where(eq(dataProducts.id, id)).returning())[0],

  /** Records the listing state; not an edit of the description, so the version stays. */
  setListingStatus: (db: Executor, id: string, listingStatus: string) =>
    db.update(dataProducts).set({ listingStatus }).where(eq(dataProducts.id, id)),

  deleteResource: (db: Executor, id: string) => db.delete(dataResources).where(eq(dataResources.id, id)),
  deleteProduct: (db: Executor, id: string) => db.delete(dataProducts).where(eq(dataProducts.id, id)),

  /** A page of resources (newest first) and the count matching the filters. */
  async listResources(db: Executor, f: SubjectFilter) {
    const where = whereOf(dataResources, f);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(dataResources)
        .where(and(where, after(dataResources, f.cursor)))
        .orderBy(desc(dataResources.createdAt), desc(dataResources.id))
        .limit(f.limit + 1),
      db.select({ n: count() }).from(dataResources).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
  /** A page of products (newest first) and the count matching the filters. */
  async listProducts(db: Executor, f: SubjectFilter) {
    const where = whereOf(dataProducts, f);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(dataProducts)
        .where(and(where, after(dataProducts, f.cursor)))
        .orderBy(desc(dataProducts.createdAt), desc(dataProducts.id))
        .limit(f.limit + 1),
      db.select({ n: count() }).from(dataProducts).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },
};
