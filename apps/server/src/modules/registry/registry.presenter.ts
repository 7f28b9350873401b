/**
 * The only place registry responses are shaped. Readers outside the holder organization (a
 * registered subject is readable by any signed-in user) see the registered description only, without
 * evidence attachment ids and with the contact phone masked.
 */
import {
  maskPhone,
  type DataRight,
  type ProductDescription as CoreProduct,
  type ResourceDescription as CoreResource,
} from '@shuliu/core';
import type { ProductDraft, ResourceDraft } from './description.schemas.js';
import type { ProductRow, ResourceRow } from './registry.repository.js';
import type { Connectivity, SubjectStatus } from './registry.schemas.js';
import type { Access } from './registry.service.js';

const common = (row: ResourceRow | ProductRow, access: Access) => ({
  id: row.id,
  organizationId: row.organizationId,
  status: row.status as SubjectStatus,
  name: row.name,
  domain: row.domain,
  grade: row.grade,
  version: row.version,
  contentHash: row.contentHash,
  currentCertificateId: row.currentCertificateId,
  editable: access === 'member' && (row.status === 'draft' || row.status === 'registered'),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A resource description without the evidence ids outsiders may not follow. */
function publicResource(d: Record<string, unknown>): CoreResource {
  return { ...(d as unknown as CoreResource), legalityEvidenceIds: [] };
}

/** A product description without licence ids and with the contact phone masked. */
function publicProduct(d: Record<string, unknown>): CoreProduct {
  const p = d as unknown as CoreProduct;
  return {
    ...p,
    rightsChain: p.rightsChain.map((l) => ({ ...l, licenceEvidenceIds: [] })),
    contact: { ...p.contact, phone: maskPhone(p.contact.phone) },
  };
}

/** A data resource as `access` may see it. */
export function presentResource(row: ResourceRow, access: Access) {
  const registered = row.registeredDescription ? publicResource(row.registeredDescription) : null;
  const insider = access !== 'public';
  return {
    ...common(row, access),
    personalInformation: row.personalInformation,
    rights: row.rights as DataRight[],
    description: (insider ? row.description : (registered ?? {})) as ResourceDraft,
    registeredDescription: (insider ? row.registeredDescription : registered) as CoreResource | null,
  };
}

/** A data product as `access` may see it. */
export function presentProduct(row: ProductRow, access: Access) {
  const registered = row.registeredDescription ? publicProduct(row.registeredDescription) : null;
  const insider = access !== 'public';
  return {
    ...common(row, access),
    form: row.form,
    pricingModel: row.pricingModel,
    resourceIds: row.resourceIds,
    listingStatus: row.listingStatus,
    visibility: row.visibility,
    connectivity: (row.connectivity ?? null) as Connectivity | null,
    description: (insider ? row.description : (registered ?? {})) as ProductDraft,
    registeredDescription: (insider ? row.registeredDescription : registered) as CoreProduct | null,
  };
}
