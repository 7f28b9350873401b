/**
 * The CKAN-compatible actions: package_search (q, a subset of fq, rows, start, sort), package_show,
 * organization_list and status_show. Parameters are checked the way CKAN does: a bad value is a
 * CKAN "Validation Error" (HTTP 409), an unknown package a "Not Found Error" (404).
 */
import { toCkanOrganizationSummary, toCkanPackage } from './ckan.presenter.js';
import type { NodeInfo } from './dcat.mapping.js';
import { ALL_ENTRIES, type InteropSource } from './interop.port.js';

/** A failure in CKAN's error vocabulary. */
export class CkanError extends Error {
  constructor(
    readonly type: 'Validation Error' | 'Not Found Error',
    readonly fields: Record<string, string[]>,
    message: string,
  ) {
    super(message);
    this.name = 'CkanError';
  }

  get status(): 404 | 409 {
    return this.type === 'Not Found Error' ? 404 : 409;
  }
}

const invalid = (field: string, message: string) =>
  new CkanError('Validation Error', { [field]: [message] }, `${field}: ${message}`);

/** CKAN caps rows at `ckan.search.rows_max` (1000) rather than refusing larger values; so do we. */
export const CKAN_ROWS_MAX = 1000;
const MAX_Q_LENGTH = 500;
const SORTS = {
  'metadata_modified desc': 'modified_desc',
  'metadata_modified asc': 'modified_asc',
  'score desc, metadata_modified desc': 'modified_desc',
} as const;

function nonNegativeInteger(field: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) throw invalid(field, 'Invalid integer');
  return Number(value);
}

/** The supported subset of Solr filter queries. */
interface Filters {
  organizationId: string | null;
  tags: string[];
  modifiedSince: Date | null;
}

const FQ_CLAUSE = /^\+?(\w+):("([^"]*)"|\[[^\]]*\]|\S+)$/;
const FQ_TOKEN = /\+?\w+:(?:"[^"]*"|\[[^\]]*\]|\S+)|\S+/g;

/** Parses `organization:x`, `owner_org:x`, `tags:x`, `metadata_modified:[date TO *]`, `dataset_type:dataset`. */
export function parseFilterQuery(fq: string | undefined): Filters {
  const filters: Filters = { organizationId: null, tags: [], modifiedSince: null };
  for (const token of fq?.match(FQ_TOKEN) ?? []) {
    const match = FQ_CLAUSE.exec(token);
    if (!match) throw invalid('fq', `Unsupported filter "${token.slice(0, 80)}"`);
    const [, field = '', raw = '', quoted] = match;
    const value = quoted ?? raw;
    if (field === 'organization' || field === 'owner_org') filters.organizationId = value;
    else if (field === 'tags') filters.tags.push(value);
    else if ((field === 'dataset_type' || field === 'type') && value === 'dataset') continue;
    else if (field === 'metadata_modified') {
      const range = /^\[(\S+) TO (\*|NOW)\]$/.exec(value);
      const since = range?.[1] ? new Date(range[1]) : null;
      if (!since || Number.isNaN(since.getTime()))
        throw invalid('fq', 'metadata_modified supports only [<ISO 8601 date> TO *]');
      filters.modifiedSince = since;
    } else throw invalid('fq', `Unsupported filter field "${field.slice(0, 40)}"`);
  }
  return filters;
}

/** The raw query of package_search. */
export interface PackageSearchQuery {
  q?: string | undefined;
  fq?: string | undefined;
  rows?: string | undefined;
  start?: string | undefined;
  sort?: string | undefined;
}

/** The CKAN service of this node. */
export function createCkanService(deps: { source: InteropSource; node: NodeInfo }) {
  const { source, node } = deps;
  return {
    async packageSearch(query: PackageSearchQuery) {
      const rows = Math.min(nonNegativeInteger('rows', query.rows, 10), CKAN_ROWS_MAX);
      const start = nonNegativeInteger('start', query.start, 0);
      const sortKey = (query.sort ?? 'score desc, metadata_modified desc').trim().replace(/\s+/g, ' ');
      if (!(sortKey in SORTS)) throw invalid('sort', `Unsupported sort; use "metadata_modified desc"`);
      const q = query.q?.trim() ?? '';
      if (q.length > MAX_Q_LENGTH) throw invalid('q', `At most ${MAX_Q_LENGTH} characters`);
      const filters = parseFilterQuery(query.fq);
      const conditions = {
        modifiedSince: filters.modifiedSince,
        text: q === '' || q === '*:*' ? null : q,
        organizationId: filters.organizationId,
        tags: filters.tags,
      };
      const [count, products] = await Promise.all([
        source.countProducts(conditions),
        rows === 0
          ? Promise.resolve([])
          : source.listProducts({
              ...ALL_ENTRIES,
              ...conditions,
              offset: start,
              limit: rows,
              order: SORTS[sortKey as keyof typeof SORTS],
            }),
      ]);
      return {
        count,
        sort: sortKey,
        facets: {},
        search_facets: {},
        results: products.map((p) => toCkanPackage(node, p)),
      };
    },

    async packageShow(id: string | undefined) {
      if (!id) throw invalid('id', 'Missing value');
      const product = id.startsWith('prd_') ? await source.findProduct(id) : null;
      if (!product) throw new CkanError('Not Found Error', {}, 'Not found');
      return toCkanPackage(node, product);
    },

    async organizationList(allFields: string | undefined) {
      const flag = (allFields ?? 'false').toLowerCase();
      if (!['true', 'false', '1', '0'].includes(flag)) throw invalid('all_fields', 'Invalid boolean');
      const publishers = await source.listPublishers();
      return flag === 'true' || flag === '1'
        ? publishers.map(toCkanOrganizationSummary)
        : publishers.map((p) => p.id);
    },

    statusShow() {
      return {
        site_title: node.name,
        site_url: node.publicUrl,
        site_description: `${node.name} 数据产品目录（CKAN 兼容只读接口）`,
        ckan_version: '2.10.0',
        error_emails_to: null,
        locale_default: 'zh_Hans_CN',
        extensions: ['shuliu_ckan_compat'],
      };
    },
  };
}

export type CkanService = ReturnType<typeof createCkanService>;
