/** What the CLI and tests may import from the server. */
export { loadConfig, ConfigError, CONFIG_AREAS, publicUrlOf, type Config } from './config/index.js';
export { startNode, openPlatform, type RunningNode } from './node.js';
export { openDatabase, connectDatabase, type Database } from './platform/db/database.js';
export { migrateDatabase } from './platform/db/migrate.js';
export { verifyEventChain, type ChainReport } from './platform/events/verify-log.js';
export { buildApp, OPENAPI_INFO } from './app.js';
export { seedDemo, formatDemoLogins, type DemoLogin } from './seed/demo-seed.js';
export { resetDatabase } from './platform/db/reset.js';
