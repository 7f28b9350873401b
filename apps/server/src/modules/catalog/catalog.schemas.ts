/**
 * Request and response schemas of the catalog: search, facets, the product page, listing.
 */
import { z } from '@hono/zod-openapi';
import {
  DATA_DOMAINS,
  DATA_GRADES,
  OPEN_ATTRIBUTES,
  PRICING_MODELS,
  PRODUCT_FORMS,
  QUALITY_DIMENSIONS,
} from '@shuliu/core';

export const ProductIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Product id (`prd_…`)' }),
});

export const SearchQuery = z.object({
  q: z
    .string()
    .optional()
    .describe('Search text, Chinese or English, at most 200 characters (longer: `catalog.query_too_long`)'),
  domain: z.enum(DATA_DOMAINS).optional().describe('Only this domain (industry)'),
  form: z.enum(PRODUCT_FORMS).optional().describe('Only this product form'),
  grade: z.enum(DATA_GRADES).optional().describe('Only this classification grade'),
  pricingModel: z.enum(PRICING_MODELS).optional().describe('Only this pricing model'),
  provider: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Only products of this provider organization (`org_…`)'),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('Only providers registered in this province-level division code, e.g. `310000`'),
  openAttribute: z.enum(OPEN_ATTRIBUTES).optional().describe('Only this open attribute'),
  sort: z
    .enum(['relevance', 'newest', 'name'])
    .optional()
    .describe('Order: relevance (default with text), newest listed first (default without), name'),
  cursor: z
    .string()
    .max(512)
    .optional()
    .describe('Opaque cursor from the previous page (same query and sort)'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

const FacetValue = z.object({
  value: z.string().describe('The facet value (for `provider`: the organization id)'),
  label: z.string().nullable().describe('Display name (for `provider`: the provider name), else null'),
  count: z.number().int().describe('Matching visible products with this value'),
});
const facetList = (what: string) => z.array(FacetValue).describe(`Counts per ${what}, largest first`);

export const SearchHitResponse = z
  .object({
    id: z.string().describe('Product id'),
    name: z.string().describe('Product name (provider·subject·form·granularity)'),
    summary: z.string().describe('Summary'),
    provider: z.object({
      organizationId: z.string().describe('Provider organization id'),
      name: z.string().describe('Provider name'),
    }),
    domain: z.enum(DATA_DOMAINS).describe('Domain'),
    form: z.enum(PRODUCT_FORMS).describe('Form'),
    grade: z.enum(DATA_GRADES).describe('Classification grade'),
    pricingModel: z.enum(PRICING_MODELS).describe('Pricing model'),
    priceFen: z.number().int().nullable().describe('Price in fen (分) per unit'),
    region: z.string().describe('Province-level division code of the provider'),
    openAttribute: z.enum(OPEN_ATTRIBUTES).describe('Open attribute'),
    visibility: z.enum(['public', 'participants']).describe('Who may find the product'),
    certificateNumber: z.string().describe('Registration certificate number'),
    listedAt: z.string().describe('When it was listed (ISO 8601)'),
  })
  .openapi('CatalogHit');

export const SearchResponse = z
  .object({
    items: z.array(SearchHitResponse).describe('A page of products'),
    nextCursor: z.string().nullable().describe('Cursor of the next page, null at the end'),
    total: z.number().int().describe('Matching visible products'),
    totalIsExact: z
      .boolean()
      .describe('False when counting stopped at the node’s cap: total and facet counts are lower bounds'),
    estimatedTotal: z
      .number()
      .int()
      .nullable()
      .describe('When counting stopped at the cap: the database’s estimate of all matches; else null'),
    fuzzy: z.boolean().describe('True when nothing matched exactly and these are fuzzy matches'),
    facets: z
      .object({
        domain: facetList('domain'),
        form: facetList('form'),
        grade: facetList('grade'),
        pricingModel: facetList('pricing model'),
        provider: facetList('provider (top 50)'),
        region: facetList('province'),
        openAttribute: facetList('open attribute'),
      })
      .describe(
        'Counts over the filtered, visible set (each facet’s own filter applied too); lower bounds when totalIsExact is false',
      ),
  })
  .openapi('CatalogSearch');

/** A dataset version on the product page: public quality figures only. */
const ProductDataset = z
  .object({
    datasetId: z.string().describe('Dataset id (`dst_…`)'),
    datasetName: z.string().describe('Dataset name'),
    versionNumber: z.number().int().describe('Version number'),
    rowCount: z.number().int().nullable().describe('Rows in the version'),
    quality: z
      .object({
        overall: z.number().describe('Overall score, 0–100'),
        grade: z.enum(['A', 'B', 'C', 'D']).describe('Grade of the overall score'),
        dimensions: z
          .array(
            z.object({
              dimension: z.enum(QUALITY_DIMENSIONS).describe('Quality dimension'),
              score: z.number().describe('Score, 0–100'),
            }),
          )
          .describe('The six dimension scores'),
      })
      .nullable()
      .describe('The version’s quality report figures'),
    sampleId: z
      .string()
      .nullable()
      .describe('A published masked sample (`GET /api/samples/{sampleId}`), null when none'),
  })
  .openapi('CatalogProductDataset');

export const ProductPageResponse = z
  .object({
    id: z.string().describe('Product id'),
    name: z.string().describe('Product name'),
    summary: z.string().describe('Summary'),
    domain: z.string().describe('Domain'),
    keywords: z.array(z.string()).describe('Keywords'),
    form: z.string().describe('Form'),
    deliveryMethods: z.array(z.string()).describe('Delivery methods'),
    scenarios: z.array(z.object({ title: z.string(), description: z.string() })).describe('Use scenarios'),
    pricing: z
      .object({ model: z.string(), amountFen: z.number(), unit: z.string() })
      .describe('Pricing (amount in fen per unit)'),
    quality: z.object({ statement: z.string(), hasReport: z.boolean() }).describe('Quality statement'),
    datasets: z
      .array(ProductDataset)
      .optional()
      .describe(
        'Dataset versions backing the product, with their quality report and published sample (absent on entries listed before dataset references existed)',
      ),
    updateFrequency: z.string().describe('Update frequency'),
    grade: z.string().describe('Classification grade'),
    personalInformation: z.boolean().describe('Whether it involves personal information'),
    openAttribute: z.string().describe('Open attribute'),
    visibility: z.string().describe('Who may find the product'),
    sample: z
      .object({
        hasFile: z.boolean().describe('A sample file exists (ask the provider)'),
        exampleResponse: z
          .string()
          .nullable()
          .describe('Example response preview (APIs), ≤ 4,000 characters'),
      })
      .describe('Sample preview'),
    api: z
      .object({ method: z.string(), documentationUrl: z.string().nullable() })
      .nullable()
      .describe('API facts'),
    policy: z.record(z.string(), z.unknown()).describe('Usage policy as an ODRL 2.2 Offer (JSON-LD)'),
    certificate: z
      .object({
        number: z.string().describe('Registration certificate number'),
        status: z.string().describe('Certificate status when indexed'),
        path: z.string().describe('Certificate page path on this node'),
        verifyUrl: z.string().describe('Public verification link'),
      })
      .describe('Certificate badge'),
    provider: z
      .object({
        organizationId: z.string(),
        name: z.string().describe('Registered name'),
        creditCode: z.string().describe('Unified social credit code'),
        participantCredentialNumber: z.string().nullable().describe('Participant credential number'),
        region: z.string().describe('Province-level division code'),
        contact: z
          .object({ name: z.string(), phone: z.string(), email: z.string() })
          .describe('Contact, masked (脱敏)'),
      })
      .describe('Provider and its credential'),
    listedAt: z.string().describe('Listed at (ISO 8601)'),
    modifiedAt: z.string().describe('Entry last rebuilt at (ISO 8601)'),
  })
  .openapi('CatalogProductPage');

export const DelistRequest = z
  .object({
    reason: z
      .string()
      .trim()
      .min(2)
      .max(1000)
      .optional()
      .describe('Why the product is delisted; required for exchange staff'),
  })
  .openapi('DelistRequest');

export const ListingResponse = z
  .object({
    productId: z.string().describe('Product id'),
    listingStatus: z.enum(['listed', 'delisted']).describe('Listing status after the change'),
  })
  .openapi('CatalogListing');
