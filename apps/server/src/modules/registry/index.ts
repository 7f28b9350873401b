/**
 * The registry module: the registrable subjects — data resources (数据资源) and data products
 * (数据产品) — with their drafts, the API connectivity test, and the SubjectsPort through which the
 * registration engine checks, locks and certifies them.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import { createConnectivityService } from './connectivity.service.js';
import { registryRepository } from './registry.repository.js';
import { registryRoutes } from './registry.routes.js';
import { createRegistryService, type RegistryPorts } from './registry.service.js';
import { createSubjectsPort } from './registry.subjects.js';

export type { ProductRow, ResourceRow } from './registry.repository.js';
export type { RegistryPorts } from './registry.service.js';
export { createSubjectsPort } from './registry.subjects.js';
export {
  ProductDescriptionSchema,
  ProductDraftSchema,
  ResourceDescriptionSchema,
  ResourceDraftSchema,
} from './description.schemas.js';

/** How long the connectivity test waits for an answer. */
const CONNECTIVITY_TIMEOUT_MS = 5000;

/** Wires the registry module. */
export function registerRegistry(deps: PlatformDeps, ports: RegistryPorts) {
  const db = deps.database.db;
  const registry = createRegistryService({ db, clock: deps.clock, ports });
  const connectivity = createConnectivityService({
    db,
    clock: deps.clock,
    registry,
    allowPrivate: deps.config.security.SHULIU_CONNECTIVITY_ALLOW_PRIVATE,
    timeoutMs: CONNECTIVITY_TIMEOUT_MS,
  });
  return {
    router: registryRoutes(registry, connectivity),
    service: {
      registry,
      /** The registration engine's access to resources and products. */
      subjects: createSubjectsPort({ clock: deps.clock, ports }),
      /** A product row (the catalog reads registered products through it). */
      getProduct: (executor: Executor, id: string, forUpdate = false) =>
        registryRepository.findProduct(executor, id, forUpdate),
      /** Records 上架 / 下架 on the product (the catalog records the event in the same transaction). */
      setListingStatus: async (executor: Executor, id: string, listingStatus: string) => {
        await registryRepository.setListingStatus(executor, id, listingStatus);
      },
      /** A resource row (DCAT export of a product's sources). */
      getResource: (executor: Executor, id: string) => registryRepository.findResource(executor, id),
    },
  };
}

export type RegistryModule = ReturnType<typeof registerRegistry>['service'];
