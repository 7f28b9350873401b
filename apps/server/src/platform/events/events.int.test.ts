import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../test/test-database.js';
import { recordEvent } from './events.js';
import { verifyEventChain } from './verify-log.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const sample = (n: number) => ({
  type: 'test.thing.happened',
  subjectType: 'thing',
  subjectId: `thing_${n}`,
  payload: { n, 名称: '测试' },
});

// drizzle wraps the driver's error; PostgreSQL's own message is the cause.
const appendOnly = { cause: { message: expect.stringMatching(/append-only/) as unknown } };

describe('event chain', () => {
  it('chains concurrent writers without gaps and verifies', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction((tx) => recordEvent(tx, systemClock, sample(i))),
      ),
    );
    const report = await verifyEventChain(database.db, 7);
    expect(report).toMatchObject({ checked: 20, firstBreak: null });
  });

  it('drops the event when its transaction rolls back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordEvent(tx, systemClock, sample(99));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const report = await verifyEventChain(database.db);
    expect(report.checked).toBe(20);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(
      database.db.execute(sql`UPDATE events SET type = 'forged' WHERE seq = 3`),
    ).rejects.toMatchObject(appendOnly);
    await expect(database.db.execute(sql`DELETE FROM events WHERE seq = 3`)).rejects.toMatchObject(
      appendOnly,
    );
  });

  it('finds the first tampered event when an administrator bypasses the trigger', async () => {
    await database.db.execute(sql`ALTER TABLE events DISABLE TRIGGER events_no_update`);
    await database.db.execute(sql`UPDATE events SET payload = '{"n": 1000}' WHERE seq = 5`);
    await database.db.execute(sql`ALTER TABLE events ENABLE TRIGGER events_no_update`);
    const report = await verifyEventChain(database.db, 3);
    expect(report.checked).toBe(4);
    expect(report.firstBreak).toEqual({ seq: 5, reason: 'hash_mismatch' });
  });
});
