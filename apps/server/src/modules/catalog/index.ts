/**
 * The catalog module: listing (上架 / 下架) of certified products, Chinese and English search with
 * facets, and the public product page. Products and memberships come through ports wired at start.
 */
import type { PlatformDeps } from '../../platform/deps.js';
import type { MembershipSource, ProductSource } from './catalog.ports.js';
import { catalogRoutes } from './catalog.routes.js';
import { createCatalogSearch } from './catalog.search.js';
import { createCatalogService } from './catalog.service.js';

export type {
  ListableProduct,
  ListingStatus,
  MembershipSource,
  ProductDatasetInfo,
  ProductSource,
  ProviderInfo,
} from './catalog.ports.js';
export { indexProduct, type CatalogRow } from './catalog.indexing.js';
export type { CatalogRegistrationListener } from './catalog.service.js';

/** Default cap on the matching rows a search counts (total and facets); the bench shows why. */
export const DEFAULT_COUNT_LIMIT = 10_000;

/**
 * Wires the catalog. `countLimit` caps how many matching rows a search counts for its total and facets
 * (null: exact; the empty query is always exact and cached); `listener` is what the registration
 * engine calls on certificate changes.
 */
export function registerCatalog(
  deps: PlatformDeps,
  ports: { products: ProductSource; memberships: MembershipSource; countLimit?: number | null },
) {
  const db = deps.database.db;
  const searcher = createCatalogSearch({
    db,
    memberships: ports.memberships,
    countLimit: ports.countLimit === undefined ? DEFAULT_COUNT_LIMIT : ports.countLimit,
  });
  const service = createCatalogService({
    db,
    clock: deps.clock,
    products: ports.products,
    memberships: ports.memberships,
    publicUrl: deps.publicUrl,
    onChange: () => searcher.invalidate(),
  });
  return {
    router: catalogRoutes(service, searcher),
    listener: service.listener,
    service: { catalog: service, search: searcher },
  };
}

export type CatalogModule = ReturnType<typeof registerCatalog>['service'];
