/**
 * One interface over the two subject tables, so the draft use cases and the SubjectsPort are written
 * once for resources and products. Each kind keeps its searchable columns mirrored from a description.
 */
import type { ErrorCode, SubjectKind } from '@shuliu/core';
import type { Executor } from '../../platform/db/database.js';
import { productColumns, readProductDraft, readResourceDraft, resourceColumns } from './registry.columns.js';
import {
  registryRepository as repo,
  type ProductRow,
  type ResourceRow,
  type SubjectFilter,
} from './registry.repository.js';

export type SubjectRow = ResourceRow | ProductRow;
export type RowOf<K extends SubjectKind> = K extends 'resource' ? ResourceRow : ProductRow;

/** Columns every subject row has, as written by the use cases. */
export interface CommonInsert {
  id: string;
  organizationId: string;
  createdBy: string;
  status: string;
  description: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}
export type CommonPatch = Partial<
  Pick<
    ResourceRow,
    | 'organizationId'
    | 'status'
    | 'description'
    | 'registeredDescription'
    | 'contentHash'
    | 'currentCertificateId'
    | 'updatedAt'
  >
>;

export interface SubjectTable<R extends SubjectRow> {
  notFound: ErrorCode;
  find(db: Executor, id: string, forUpdate?: boolean): Promise<R | undefined>;
  list(db: Executor, filter: SubjectFilter): Promise<{ rows: R[]; total: number }>;
  insert(db: Executor, row: CommonInsert): Promise<R | undefined>;
  /** Applies `patch`; when `mirror` is given the searchable columns are projected from it. */
  update(
    db: Executor,
    id: string,
    patch: CommonPatch,
    mirror: Record<string, unknown> | null,
  ): Promise<R | undefined>;
  remove(db: Executor, id: string): Promise<unknown>;
}

const resources: SubjectTable<ResourceRow> = {
  notFound: 'registry.resource.not_found',
  find: repo.findResource,
  list: (db, filter) => repo.listResources(db, filter),
  insert: (db, row) =>
    repo.insertResource(db, { ...row, ...resourceColumns(readResourceDraft(row.description)) }),
  update: (db, id, patch, mirror) =>
    repo.updateResource(db, id, { ...patch, ...(mirror ? resourceColumns(readResourceDraft(mirror)) : {}) }),
  remove: repo.deleteResource,
};

const products: SubjectTable<ProductRow> = {
  notFound: 'registry.product.not_found',
  find: repo.findProduct,
  list: (db, filter) => repo.listProducts(db, filter),
  insert: (db, row) =>
    repo.insertProduct(db, { ...row, ...productColumns(readProductDraft(row.description)) }),
  update: (db, id, patch, mirror) =>
    repo.updateProduct(db, id, { ...patch, ...(mirror ? productColumns(readProductDraft(mirror)) : {}) }),
  remove: repo.deleteProduct,
};

/** The table of `kind`. */
export function tableOf<K extends SubjectKind>(kind: K): SubjectTable<RowOf<K>> {
  return (kind === 'resource' ? resources : products) as unknown as SubjectTable<RowOf<K>>;
}
