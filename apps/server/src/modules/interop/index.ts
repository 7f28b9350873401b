/**
 * The interop module: standard read interfaces over the catalog for harvesters and other portals —
 * DCAT-AP 3 (Turtle, JSON-LD) and a CKAN-compatible action API. Read-only; reads the catalog and the
 * registry through the `InteropSource` port.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import { ckanRoutes } from './ckan.routes.js';
import { createCkanService } from './ckan.service.js';
import { dcatRoutes } from './dcat.routes.js';
import { createDcatService } from './dcat.service.js';
import { createInteropSource } from './interop.source.js';

export type { InteropSource } from './interop.port.js';

/** Wires the interop module; returns the routers to mount (DCAT routes live outside /api). */
export function registerInterop(deps: PlatformDeps) {
  const source = createInteropSource(deps.database.db);
  const node = { publicUrl: deps.publicUrl, name: deps.config.node.SHULIU_NODE_NAME };
  const dcat = createDcatService({ source, node });
  const ckan = createCkanService({ source, node });
  return { routers: [dcatRoutes(dcat), ckanRoutes(ckan)] };
}
