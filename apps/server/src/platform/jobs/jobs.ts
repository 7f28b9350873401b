/**
 * Durable background jobs on pg-boss, stored in the same PostgreSQL as everything else, so jobs
 * survive restarts and spread over several server copies.
 */
import PgBoss from 'pg-boss';
import type { Logger } from '../log.js';

/** The job queue seen by modules. */
export interface Jobs {
  /** Enqueues a job on `queue` (created on first use). */
  send(
    queue: string,
    data: object,
    options?: { startAfter?: Date | number; singletonKey?: string },
  ): Promise<string | null>;
  /** Registers a handler for `queue`. */
  work<T extends object>(queue: string, handler: (data: T) => Promise<void>): Promise<void>;
  /** Runs `queue` on a cron schedule (UTC); one schedule per queue, kept in the database, so N copies fire once. */
  schedule(queue: string, cron: string, data?: object): Promise<void>;
  /** True when the queue's store answers (health check). */
  isHealthy(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts pg-boss on `url`. */
export async function startJobs(url: string, log: Logger): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, max: 4 });
  let isStopping = false;
  // While stopping, the database may go away under pg-boss's last queries: expected, not an error.
  boss.on('error', (error: Error) => {
    if (isStopping) log.debug('job queue error while stopping', { error: error.message });
    else log.error('job queue error', { error: error.message });
  });
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (queue: string) => {
    if (created.has(queue)) return;
    await boss.createQueue(queue);
    created.add(queue);
  };
  return {
    async send(queue, data, options = {}) {
      await ensureQueue(queue);
      return boss.send(queue, data, options);
    },
    async work<T extends object>(queue: string, handler: (data: T) => Promise<void>) {
      await ensureQueue(queue);
      await boss.work<T>(queue, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    async schedule(queue, cron, data = {}) {
      await ensureQueue(queue);
      await boss.schedule(queue, cron, data, { tz: 'UTC' });
    },
    async isHealthy() {
      try {
        await boss.getQueues();
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      isStopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
