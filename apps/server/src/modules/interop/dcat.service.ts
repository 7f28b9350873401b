/**
 * DCAT use cases: one catalog page, one dataset. Reads through the `InteropSource` port; returns
 * graphs that the routes serialize in the format asked for.
 */
import { notFound } from '../../platform/http/errors.js';
import { buildCatalogGraph, buildDatasetGraph, type NodeInfo } from './dcat.mapping.js';
import type { GraphBuilder } from './dcat.graph.js';
import { catalogPageLinks, parseCatalogQuery, type RawCatalogQuery } from './dcat.paging.js';
import { ALL_ENTRIES, type InteropSource } from './interop.port.js';

/** The DCAT service of this node. */
export function createDcatService(deps: { source: InteropSource; node: NodeInfo }) {
  const { source, node } = deps;
  return {
    /** A page of the catalog; `ext` picks the URLs of the paging links (`ttl` or `jsonld`). */
    async catalogPage(raw: RawCatalogQuery, ext: 'ttl' | 'jsonld'): Promise<GraphBuilder> {
      const query = parseCatalogQuery(raw);
      const rows = await source.listProducts({
        ...ALL_ENTRIES,
        modifiedSince: query.modifiedSince,
        after: query.after,
        offset: query.page === null ? 0 : (query.page - 1) * query.limit,
        limit: query.limit + 1,
        order: 'modified_asc',
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const links = catalogPageLinks(
        `${node.publicUrl}/catalog.${ext}`,
        query,
        last ? { at: last.modifiedKey, id: last.id } : null,
        rows.length > query.limit,
      );
      return buildCatalogGraph(node, page, links);
    },

    /** One public product or registered, publishable resource; 404 otherwise. */
    async dataset(id: string): Promise<GraphBuilder> {
      if (id.startsWith('prd_')) {
        const product = await source.findProduct(id);
        if (product) return buildDatasetGraph(node, { kind: 'product', product });
      } else if (id.startsWith('res_')) {
        const resource = await source.findResource(id);
        if (resource) return buildDatasetGraph(node, { kind: 'resource', resource });
      }
      throw notFound('interop.dataset.not_found', { id });
    },
  };
}

export type DcatService = ReturnType<typeof createDcatService>;
