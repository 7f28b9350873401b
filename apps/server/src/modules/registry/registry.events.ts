/** Event types the registry module records (`registry.<entity>.<past-verb>`). */
import type { SubjectKind } from '@shuliu/core';

const eventsOf = <K extends SubjectKind>(kind: K) =>
  ({
    created: `registry.${kind}.created`,
    saved: `registry.${kind}.saved`,
    deleted: `registry.${kind}.deleted`,
    statusChanged: `registry.${kind}.status_changed`,
    certified: `registry.${kind}.certified`,
  }) as const;

export const REGISTRY_EVENTS = {
  resource: eventsOf('resource'),
  product: { ...eventsOf('product'), connectivityTested: 'registry.product.connectivity_tested' },
} as const;

/** The `subjectType` of events about a subject. */
export const SUBJECT_TYPES: Record<SubjectKind, string> = {
  resource: 'data_resource',
  product: 'data_product',
};
