/**
 * What every module's `register(deps)` receives. Passed explicitly at start; no service locator.
 */
import type { Config } from '../config/index.js';
import type { Clock } from './clock.js';
import type { NodeKey } from './crypto/node-key.js';
import type { Database } from './db/database.js';
import type { Jobs } from './jobs/jobs.js';
import type { Logger } from './log.js';
import type { Mailer } from './mail/mailer.js';
import type { BlobStore } from './storage/blob-store.js';

export interface PlatformDeps {
  config: Config;
  database: Database;
  clock: Clock;
  storage: BlobStore;
  nodeKey: NodeKey;
  jobs: Jobs;
  log: Logger;
  mailer: Mailer;
  /** Public base URL of this node, without trailing slash. */
  publicUrl: string;
}
