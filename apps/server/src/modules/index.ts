/**
 * The modules of this node, in mounting order. Each exposes `register(deps)` in its index.ts and
 * returns its router, optional request middleware and its public service.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { PlatformDeps } from '../platform/deps.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { systemRoutes } from './system/system.routes.js';

/** Registers every module and collects what the app mounts. */
export function registerModules(deps: PlatformDeps) {
  const middleware: MiddlewareHandler<AppEnv>[] = [];
  const routers: OpenAPIHono<AppEnv>[] = [systemRoutes(deps)];
  const services = {};
  return { middleware, routers, services };
}
