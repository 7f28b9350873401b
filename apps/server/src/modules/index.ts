/**
 * The modules of this node, in mounting order. Each exposes `register…(deps)` in its index.ts and
 * returns its router, optional request middleware and its public service.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { PlatformDeps } from '../platform/deps.js';
import { registerCredentials } from '../platform/credentials/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { registerAccounts } from './accounts/index.js';
import { registerAttachments } from './attachments/index.js';
import { registerParticipants } from './participants/index.js';
import { systemRoutes } from './system/system.routes.js';

/** Registers every module and collects what the app mounts. */
export function registerModules(deps: PlatformDeps) {
  const accounts = registerAccounts(deps);
  const attachments = registerAttachments(deps);
  const credentials = registerCredentials(deps);
  const participants = registerParticipants(deps, {
    accounts: accounts.service,
    attachments: attachments.service,
    issuer: credentials.issuer,
  });
  const middleware: MiddlewareHandler<AppEnv>[] = [accounts.middleware];
  const routers: OpenAPIHono<AppEnv>[] = [
    systemRoutes(deps),
    accounts.router,
    attachments.router,
    credentials.router,
    participants.router,
  ];
  const services = {
    accounts: accounts.service,
    attachments: attachments.service,
    credentials: credentials.issuer,
    participants: participants.service,
  };
  /** Starts the modules' background work; called once the node is up. */
  const start = async () => {
    await accounts.start();
  };
  return { middleware, routers, services, start };
}
