/**
 * A whole node on a fresh test database, without a listening socket: tests call `request(...)`,
 * which goes through the real middleware chain, routes, services and PostgreSQL.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/index.js';
import { openPlatform } from '../node.js';
import { ManualClock, systemClock, type Clock } from '../platform/clock.js';
import { createLogger } from '../platform/log.js';
import { MemoryMailer } from '../platform/mail/mailer.js';
import { createTestDatabase } from './test-database.js';

export interface TestNode {
  /** Sends a request to the app, e.g. `request('/api/health')`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  platform: Awaited<ReturnType<typeof openPlatform>>;
  clock: Clock;
  /** Mail the node sent (reset links…). */
  mailer: MemoryMailer;
  close(): Promise<void>;
}

/** Starts a node on a fresh database with its own data dir. `env` overrides settings. */
export async function startTestNode(
  options: { env?: Record<string, string>; manualClock?: boolean } = {},
): Promise<TestNode> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shuliu-test-'));
  const database = await createTestDatabase();
  const config = loadConfig({
    SHULIU_DATA_DIR: dataDir,
    SHULIU_SEED_DEMO: 'false',
    SHULIU_LOG_LEVEL: 'silent',
    // Every test client shares one address; tests of the limiter itself set it low.
    SHULIU_LOGIN_RATE_PER_MINUTE: '100000',
    ...options.env,
  });
  const clock = options.manualClock ? new ManualClock(new Date()) : systemClock;
  const mailer = new MemoryMailer();
  const platform = await openPlatform(config, { database, clock, log: createLogger('silent'), mailer });
  return {
    request: (path, init) => Promise.resolve(platform.built.app.request(path, init)),
    platform,
    clock,
    mailer,
    async close() {
      await platform.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
