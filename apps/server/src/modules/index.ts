/**
 * The modules of this node, in mounting order. Each exposes `register(deps)` in its index.ts and
 * returns its router, optional request middleware and its public service.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { PlatformDeps } from '../platform/deps.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { registerAccounts } from './accounts/index.js';
import { systemRoutes } from './system/system.routes.js';

/** Registers every module and collects what the app mounts. */
export function registerModules(deps: PlatformDeps) {
  const accounts = registerAccounts(deps);
  const middleware: MiddlewareHandler<AppEnv>[] = [accounts.middleware];
  const routers: OpenAPIHono<AppEnv>[] = [systemRoutes(deps), accounts.router];
  const services = { accounts: accounts.service };
  return { middleware, routers, services };
}
