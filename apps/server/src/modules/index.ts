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
import { catalogProductSource } from './catalog-sources.js';
import { registerCatalog } from './catalog/index.js';
import { registerDatasets } from './datasets/index.js';
import { registerInterop } from './interop/index.js';
import { registerParticipants } from './participants/index.js';
import { registerRegistration, type RegistrationModule } from './registration/index.js';
import { registerRegistry } from './registry/index.js';
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
  // Before the registry and the catalog: both read dataset versions that registrations reference.
  const datasets = registerDatasets(deps, { organizations: accounts.service.organizations });
  const registry = registerRegistry(deps, {
    participants: participants.service.participants,
    organizations: accounts.service.organizations,
    attachments: attachments.service,
    datasets: datasets.service.attachable,
  });
  // The catalog reads certificates from the engine, and the engine tells the catalog about them:
  // the catalog's product source binds to the engine once both exist.
  const late: { registration?: RegistrationModule } = {};
  const catalog = registerCatalog(deps, {
    products: catalogProductSource({
      registry: registry.service,
      participants: participants.service,
      datasets: datasets.service,
      registration: () => {
        if (!late.registration) throw new Error('registration engine not wired');
        return late.registration;
      },
    }),
    memberships: accounts.service.organizations,
  });
  const registration = registerRegistration(deps, {
    subjects: registry.service.subjects,
    listener: catalog.listener,
    participants: participants.service,
    accounts: accounts.service,
    attachments: attachments.service,
    issuer: credentials.issuer,
  });
  late.registration = registration.service;
  const interop = registerInterop(deps);
  const middleware: MiddlewareHandler<AppEnv>[] = [accounts.middleware];
  const routers: OpenAPIHono<AppEnv>[] = [
    systemRoutes(deps),
    accounts.router,
    attachments.router,
    credentials.router,
    participants.router,
    ...interop.routers,
    registry.router,
    ...registration.routers,
    catalog.router,
    datasets.router,
  ];
  const services = {
    accounts: accounts.service,
    attachments: attachments.service,
    credentials: credentials.issuer,
    participants: participants.service,
    registry: registry.service,
    registration: registration.service,
    catalog: catalog.service,
    datasets: datasets.service,
  };
  /** Starts the modules' background work; called once the node is up. */
  const start = async () => {
    await accounts.start();
    await registration.start();
    await datasets.start();
  };
  /** Raw (non-OpenAPI) handlers: the tus upload protocol. */
  const rawHandlers = [datasets.tus];
  return { middleware, routers, services, start, rawHandlers };
}
