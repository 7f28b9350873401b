/**
 * The only place catalog responses are shaped. Search hits carry no personal information; the product
 * page document was masked when indexed.
 */
import type { SearchHit } from './catalog.repository.js';
import type { SearchResult } from './catalog.search.js';
import type { SearchResponse } from './catalog.schemas.js';
import type { z } from '@hono/zod-openapi';

type Hit = z.infer<typeof SearchResponse>['items'][number];

/** One search hit. */
export const presentHit = (h: SearchHit): Hit => ({
  id: h.productId,
  name: h.name,
  summary: h.summary,
  provider: { organizationId: h.organizationId, name: h.providerName },
  domain: h.domain as Hit['domain'],
  form: h.form as Hit['form'],
  grade: h.grade as Hit['grade'],
  pricingModel: h.pricingModel as Hit['pricingModel'],
  priceFen: h.priceFen,
  region: h.region,
  openAttribute: h.openAttribute as Hit['openAttribute'],
  visibility: h.visibility as Hit['visibility'],
  certificateNumber: h.certificateNumber,
  listedAt: h.listedAt.toISOString(),
});

/** A search result page with facets. */
export const presentSearch = (r: SearchResult): z.infer<typeof SearchResponse> => ({
  items: r.hits.map(presentHit),
  nextCursor: r.nextCursor,
  total: r.total,
  totalIsExact: r.totalIsExact,
  estimatedTotal: r.estimatedTotal,
  fuzzy: r.fuzzy,
  facets: r.facets,
});
