/**
 * Re-walks the event chain from the first event and recomputes every hash. Used by `shuliu verify-log`
 * and by tests that tamper with rows to prove a break is found.
 */
import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { GENESIS_HASH, hashEvent } from './event-hash.js';
import { events } from './events.tables.js';

/** Outcome of a walk: how many events were checked and the first break, if any. */
export interface ChainReport {
  checked: number;
  headHash: string;
  firstBreak: { seq: number; reason: 'prev_hash_mismatch' | 'hash_mismatch' | 'sequence_gap' } | null;
}

/** Walks the whole chain in pages of `pageSize` events. */
export async function verifyEventChain(db: Executor, pageSize = 5000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(events)
      .where(gt(events.seq, expectedSeq - 1))
      .orderBy(asc(events.seq))
      .limit(pageSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq)
        return { checked, headHash: prevHash, firstBreak: { seq: row.seq, reason: 'sequence_gap' } };
      if (row.prevHash !== prevHash)
        return { checked, headHash: prevHash, firstBreak: { seq: row.seq, reason: 'prev_hash_mismatch' } };
      const recomputed = hashEvent(prevHash, {
        seq: row.seq,
        id: row.id,
        type: row.type,
        actorId: row.actorId,
        organizationId: row.organizationId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        payload: row.payload,
        requestId: row.requestId,
        occurredAt: row.occurredAt.toISOString(),
      });
      if (recomputed !== row.hash)
        return { checked, headHash: prevHash, firstBreak: { seq: row.seq, reason: 'hash_mismatch' } };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) return { checked, headHash: prevHash, firstBreak: null };
  }
}
