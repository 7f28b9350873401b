/**
 * Recording events: the only way a module says "this happened". Call inside the transaction that makes
 * the change; the event commits or rolls back with it.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/database.js';
import { newId } from '../ids.js';
import { GENESIS_HASH, hashEvent, type HashedEvent } from './event-hash.js';
import { events } from './events.tables.js';

/** What a module supplies to record an event. */
export interface NewEvent {
  /** `<module>.<entity>.<past-verb>` */
  type: string;
  actorId?: string | null;
  organizationId?: string | null;
  subjectType: string;
  subjectId: string;
  payload?: Record<string, unknown>;
  requestId?: string | null;
}

/** Lock key serializing chain appends (any 64-bit constant unique to this purpose). */
const CHAIN_LOCK = 7_305_117_001;

/** Appends `event` to the hash chain inside the caller's transaction and returns its stored form. */
export async function recordEvent(
  tx: Executor,
  clock: Clock,
  event: NewEvent,
): Promise<HashedEvent & { hash: string }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: events.seq, hash: events.hash })
    .from(events)
    .orderBy(desc(events.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const hashed: HashedEvent = {
    seq,
    id: newId('evt'),
    type: event.type,
    actorId: event.actorId ?? null,
    organizationId: event.organizationId ?? null,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payload: event.payload ?? {},
    requestId: event.requestId ?? null,
    occurredAt: clock.now().toISOString(),
  };
  const hash = hashEvent(prevHash, hashed);
  await tx.insert(events).values({ ...hashed, occurredAt: new Date(hashed.occurredAt), prevHash, hash });
  return { ...hashed, hash };
}

/** The events about one subject, oldest first (timelines, audit views). */
export async function listEventsOf(db: Executor, subjectType: string, subjectId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)))
    .orderBy(asc(events.seq));
}
