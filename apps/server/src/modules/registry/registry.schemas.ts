/**
 * Request and response schemas of the registry routes (数据资源 / 数据产品 drafts and reads). The
 * description schemas themselves live in description.schemas.ts.
 */
import { z } from '@hono/zod-openapi';
import { DATA_RIGHTS } from '@shuliu/core';
import {
  ProductDescriptionSchema,
  ProductDraftSchema,
  ResourceDescriptionSchema,
  ResourceDraftSchema,
} from './description.schemas.js';

export * from './description.schemas.js';

/** Statuses of a registrable subject. */
export const SUBJECT_STATUSES = ['draft', 'registering', 'registered', 'cancelled', 'expired'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

const idParam = (description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(64)
      .openapi({ param: { name: 'id', in: 'path' }, description }),
  });
export const ResourceIdParam = idParam('Data resource id (`res_…`)');
export const ProductIdParam = idParam('Data product id (`prd_…`)');

const organizationId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('The organization (a registered provider or merchant) the caller acts for');
const version = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .describe('The version the edit is based on; a newer version on the server answers 409');

export const CreateResourceRequest = z
  .object({ organizationId, description: ResourceDraftSchema.default({}) })
  .openapi('CreateResourceRequest');
export const SaveResourceRequest = z
  .object({ version, description: ResourceDraftSchema })
  .openapi('SaveResourceRequest');
export const CreateProductRequest = z
  .object({ organizationId, description: ProductDraftSchema.default({}) })
  .openapi('CreateProductRequest');
export const SaveProductRequest = z
  .object({ version, description: ProductDraftSchema })
  .openapi('SaveProductRequest');

export const SubjectListQuery = z.object({
  status: z.enum(SUBJECT_STATUSES).optional().describe('Only subjects in this status'),
  organizationId: z.string().trim().max(64).optional().describe('Only subjects of this organization'),
  q: z.string().trim().max(100).optional().describe('Case-insensitive fragment of the name'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size'),
});

const subjectFields = {
  id: z.string().describe('Id'),
  organizationId: z.string().describe('Holder organization'),
  status: z.enum(SUBJECT_STATUSES).describe('draft, registering, registered, cancelled or expired'),
  name: z.string().describe('Name in force (draft name until first registered)'),
  domain: z.string().describe('Domain in force ("" while unset in a draft)'),
  grade: z.string().describe('Grade in force ("" while unset in a draft)'),
  version: z.number().int().describe('Send back with the next save'),
  contentHash: z.string().nullable().describe('SHA-256 of the JCS of the registered description'),
  currentCertificateId: z.string().nullable().describe('Certificate in force'),
  /** False for readers outside the holder organization: they see the registered description only. */
  editable: z.boolean().describe('Whether the caller may save or delete it'),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string().describe('ISO 8601'),
};

export const ResourceResponse = z
  .object({
    ...subjectFields,
    personalInformation: z.boolean().describe('Holds personal information'),
    rights: z.array(z.enum(DATA_RIGHTS)).describe('Rights claimed'),
    description: ResourceDraftSchema.describe(
      'As last saved (holder and staff); the registered one for other readers',
    ),
    registeredDescription: ResourceDescriptionSchema.nullable().describe('As certified'),
  })
  .openapi('DataResource');

const Connectivity = z
  .object({
    ok: z.boolean().describe('2xx answer within the timeout'),
    endpoint: z.string().describe('URL tested'),
    statusCode: z.number().int().nullable().describe('HTTP status, null when no answer'),
    latencyMs: z.number().int().describe('Time to the response head, ms'),
    contentType: z.string().nullable().describe('Content-Type answered'),
    error: z.string().nullable().describe('Why it failed without an answer (timeout, refused…)'),
    testedAt: z.string().describe('ISO 8601'),
    descriptionHash: z.string().describe('Hash of the description tested; stale once it changes'),
  })
  .openapi('ConnectivityResult');
export type Connectivity = z.infer<typeof Connectivity>;

export const ProductResponse = z
  .object({
    ...subjectFields,
    form: z.string().describe('Form in force ("" while unset)'),
    pricingModel: z.string().describe('Pricing model in force ("" while unset)'),
    resourceIds: z.array(z.string()).describe('Resources it derives from'),
    listingStatus: z.string().describe('unlisted, listed or delisted'),
    visibility: z.string().describe('public or participants'),
    connectivity: Connectivity.nullable().describe('Last API connectivity test'),
    description: ProductDraftSchema.describe(
      'As last saved (holder and staff); the registered one for other readers',
    ),
    registeredDescription: ProductDescriptionSchema.nullable().describe('As certified'),
  })
  .openapi('DataProduct');

const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item).describe('Newest first'),
      nextCursor: z.string().nullable().describe('Cursor of the next page, null at the end'),
      total: z.number().int().describe('Count matching the filters'),
    })
    .openapi(name);
export const ResourceListResponse = listOf(ResourceResponse, 'DataResourceList');
export const ProductListResponse = listOf(ProductResponse, 'DataProductList');
