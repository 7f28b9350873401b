/**
 * The only queries on `credential_status_lists`.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { createStatusList, type StatusPurpose } from '@shuliu/core';
import type { Executor, Tx } from '../db/database.js';
import { newId } from '../ids.js';
import { credentialStatusLists as lists } from './status-lists.tables.js';

/** An index handed out in a status list. */
export interface AllocatedIndex {
  listId: string;
  index: number;
}

/**
 * Hands out the next index of the oldest list of `purpose` that has room, locking that list's row
 * until the caller's transaction ends; opens a new list when all are full.
 */
export async function allocateStatusIndex(
  tx: Tx,
  purpose: StatusPurpose,
  sizeBits: number,
  now: Date,
): Promise<AllocatedIndex> {
  const [open] = await tx
    .select({ id: lists.id, nextIndex: lists.nextIndex })
    .from(lists)
    .where(and(eq(lists.purpose, purpose), lt(lists.nextIndex, lists.sizeBits)))
    .orderBy(asc(lists.id))
    .limit(1)
    .for('update');
  if (open) {
    await tx
      .update(lists)
      .set({ nextIndex: open.nextIndex + 1, updatedAt: now })
      .where(eq(lists.id, open.id));
    return { listId: open.id, index: open.nextIndex };
  }
  const id = newId('stl');
  const bits = createStatusList(sizeBits);
  await tx.insert(lists).values({
    id,
    purpose,
    sizeBits: bits.length * 8,
    bits,
    nextIndex: 1,
    createdAt: now,
    updatedAt: now,
  });
  return { listId: id, index: 0 };
}

/**
 * Sets or clears one bit in SQL, so concurrent changes to one list never overwrite each other.
 * Only handed-out indexes of a list of `purpose` may change; returns false when none matched.
 */
export async function writeStatusBit(
  db: Executor,
  change: { listId: string; purpose: StatusPurpose; index: number; value: boolean; now: Date },
): Promise<boolean> {
  // PostgreSQL numbers bits from the least significant end of each byte; the spec from the most.
  const pgBit = Math.floor(change.index / 8) * 8 + (7 - (change.index % 8));
  const rows = await db
    .update(lists)
    .set({
      bits: sql`set_bit(${lists.bits}, ${pgBit}, ${change.value ? 1 : 0})`,
      revision: sql`${lists.revision} + 1`,
      updatedAt: change.now,
    })
    .where(
      and(
        eq(lists.id, change.listId),
        eq(lists.purpose, change.purpose),
        lt(sql`${change.index}::integer`, lists.nextIndex),
      ),
    )
    .returning({ id: lists.id });
  return rows.length > 0;
}

/** A list's identity and revision, without its bits (cheap: decides whether a cached copy is current). */
export async function findStatusListHead(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: lists.id,
      purpose: lists.purpose,
      nextIndex: lists.nextIndex,
      revision: lists.revision,
    })
    .from(lists)
    .where(eq(lists.id, id));
  return row ?? null;
}

/** A whole list, bits included. */
export async function findStatusList(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: lists.id,
      purpose: lists.purpose,
      bits: lists.bits,
      revision: lists.revision,
      updatedAt: lists.updatedAt,
    })
    .from(lists)
    .where(eq(lists.id, id));
  return row ?? null;
}
