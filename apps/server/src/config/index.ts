/**
 * Configuration: one zod schema per area, parsed once at start. This is the only module that reads
 * process.env. Every problem is reported at once, so an operator fixes them in one pass.
 */
import type { z } from 'zod';
import { DatabaseConfig } from './database.config.js';
import { DatasetsConfig } from './datasets.config.js';
import { HttpConfig } from './http.config.js';
import { LogConfig } from './log.config.js';
import { NodeConfig } from './node.config.js';
import { RegistrationConfig } from './registration.config.js';
import { SecurityConfig } from './security.config.js';
import { StorageConfig } from './storage.config.js';

/** The areas of configuration, in the order docs/config.md lists them. */
export const CONFIG_AREAS = {
  node: NodeConfig,
  http: HttpConfig,
  database: DatabaseConfig,
  storage: StorageConfig,
  security: SecurityConfig,
  registration: RegistrationConfig,
  datasets: DatasetsConfig,
  log: LogConfig,
} as const;

type Areas = typeof CONFIG_AREAS;
/** Parsed configuration, one object per area. */
export type Config = { [K in keyof Areas]: z.infer<Areas[K]> };

/** Thrown when the environment holds invalid settings; `problems` lists every one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses every area from `env` (process.env by default), collecting all problems before failing. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const result: Partial<Record<keyof Areas, unknown>> = {};
  for (const [area, schema] of Object.entries(CONFIG_AREAS) as [keyof Areas, Areas[keyof Areas]][]) {
    const parsed = schema.safeParse(env);
    if (parsed.success) result[area] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return result as Config;
}

/** The node's public URL: configured, or derived from the port for a local node. */
export function publicUrlOf(config: Config, port = config.http.SHULIU_PORT): string {
  return (config.node.SHULIU_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
}
