/**
 * Starting and stopping a node: config → database → migrations → jobs → keys → HTTP.
 * The CLI's `start` calls `startNode`; integration tests call `openPlatform` on their own database.
 */
import { join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { publicUrlOf, type Config } from './config/index.js';
import { buildApp, type BuiltApp } from './app.js';
import { seedDemo, type DemoLogin } from './seed/demo-seed.js';
import { systemClock, type Clock } from './platform/clock.js';
import { loadNodeKey } from './platform/crypto/node-key.js';
import { openDatabase, connectDatabase, type Database } from './platform/db/database.js';
import { findFreePort } from './platform/db/embedded.js';
import { migrateDatabase } from './platform/db/migrate.js';
import type { PlatformDeps } from './platform/deps.js';
import { startJobs } from './platform/jobs/jobs.js';
import { createLogger, type Logger } from './platform/log.js';
import { createBlobStore } from './platform/storage/create-blob-store.js';
import { createLogMailer, type Mailer } from './platform/mail/mailer.js';

/** Opens everything a node needs on `database` and builds the app (no listening socket). */
export async function openPlatform(
  config: Config,
  options: { database?: Database; clock?: Clock; log?: Logger; port?: number; mailer?: Mailer } = {},
): Promise<{ deps: PlatformDeps; built: BuiltApp; close(): Promise<void> }> {
  const log = options.log ?? createLogger(config.log.SHULIU_LOG_LEVEL);
  const dataDir = resolve(config.database.SHULIU_DATA_DIR);
  const database =
    options.database ?? (await openDatabase(config.database, (line) => log.debug('postgres', { line })));
  await migrateDatabase(database);
  const jobs = await startJobs(database.url, log);
  const publicUrl = publicUrlOf(config, options.port);
  const nodeKey = await loadNodeKey(join(dataDir, 'keys'), publicUrl);
  const storage = createBlobStore(config.storage, dataDir);
  const deps: PlatformDeps = {
    config,
    database,
    clock: options.clock ?? systemClock,
    storage,
    nodeKey,
    jobs,
    log,
    mailer: options.mailer ?? createLogMailer(log),
    publicUrl,
  };
  const built = buildApp(deps);
  await built.start();
  return {
    deps,
    built,
    async close() {
      await jobs.stop();
      if (!options.database) await database.close();
    },
  };
}

/** A running node. */
export interface RunningNode {
  url: string;
  /** Demo logins when this start seeded the demo exchange (first start only). */
  demoLogins: DemoLogin[];
  deps: PlatformDeps;
  built: BuiltApp;
  stop(): Promise<void>;
}

/** Starts a node: opens the platform, seeds demo data when configured, and listens. */
export async function startNode(
  config: Config,
  hooks: { afterOpen?: (deps: PlatformDeps, built: BuiltApp) => Promise<void> } = {},
): Promise<RunningNode> {
  // Port 0 means "any free port": pick it now, because the node's public URL (and DID) include it.
  const port = config.http.SHULIU_PORT || (await findFreePort());
  const platform = await openPlatform(config, { port });
  await hooks.afterOpen?.(platform.deps, platform.built);
  const isFirstStart = !(await platform.built.services.accounts.auth.hasAnyUser());
  const demoLogins =
    config.security.SHULIU_SEED_DEMO && isFirstStart
      ? await seedDemo(platform.built, { password: config.security.SHULIU_DEMO_PASSWORD })
      : [];
  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: platform.built.app.fetch, port, hostname: config.http.SHULIU_HOST }, () =>
      resolveServer(s),
    );
  });
  platform.deps.log.info('node started', {
    url: `http://localhost:${port}`,
    did: platform.deps.nodeKey.did,
    embedded: platform.deps.database.isEmbedded,
  });
  return {
    url: `http://localhost:${port}`,
    demoLogins,
    deps: platform.deps,
    built: platform.built,
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      await platform.close();
    },
  };
}

export { connectDatabase };
