/**
 * The searchable columns of a subject (name, domain, grade, form…) projected from a description.
 * Draft values may be missing: '' or the column default stands in until the holder fills them.
 */
import { DATA_GRADES, isOneOf, type DataGrade, type DataRight } from '@shuliu/core';
import {
  ProductDraftSchema,
  ResourceDraftSchema,
  type ProductDraft,
  type ResourceDraft,
} from './description.schemas.js';

/** The resource columns mirroring `d`. */
export function resourceColumns(d: ResourceDraft) {
  return {
    name: d.name ?? '',
    domain: d.domain ?? '',
    grade: d.grade ?? '',
    personalInformation: d.personalInformation ?? false,
    rights: [...new Set(d.rights ?? [])],
  };
}

/** The product columns mirroring `d`. */
export function productColumns(d: ProductDraft) {
  const resourceIds = (d.rightsChain ?? []).flatMap((l) => (l.resourceId ? [l.resourceId] : []));
  return {
    name: d.name ?? '',
    domain: d.domain ?? '',
    grade: d.grade ?? '',
    form: d.form ?? '',
    pricingModel: d.pricing?.model ?? '',
    resourceIds: [...new Set(resourceIds)],
    visibility: d.visibility ?? 'public',
  };
}

/** A stored resource description read back as a draft (stored JSON was validated on the way in). */
export const readResourceDraft = (raw: unknown): ResourceDraft => {
  const parsed = ResourceDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
};
/** A stored product description read back as a draft. */
export const readProductDraft = (raw: unknown): ProductDraft => {
  const parsed = ProductDraftSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
};

/** A grade column value as a grade; unset drafts count as the lowest (submission refuses them anyway). */
export const gradeOf = (value: string): DataGrade => (isOneOf(DATA_GRADES, value) ? value : 'GENERAL_1');

/** The rights a product relies on, from its rights chain. */
export const chainRights = (d: ProductDraft): DataRight[] => [
  ...new Set((d.rightsChain ?? []).flatMap((l) => (l.right ? [l.right] : []))),
];
