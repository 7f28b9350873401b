/**
 * Test support for the catalog: a product description factory, a ProductSource over the real
 * data_products table (certificates and provider facts held by the test), and an app that mounts the
 * catalog router behind the real request chain and authentication, until the lead wires the registry.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ProductDescription } from '@shuliu/core';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import type { AppEnv } from '../../platform/http/app-env.js';
import { handleError, parseJsonBody, requestContext } from '../../platform/http/middleware.js';
import { newId } from '../../platform/ids.js';
import type { TestNode } from '../../test/test-node.js';
import { registerAccounts } from '../accounts/index.js';
import { registerCatalog } from './index.js';
import type { ListableProduct, ListingStatus, ProductSource, ProviderInfo } from './catalog.ports.js';

/** A complete registered product description; override any field. */
export function sampleDescription(overrides: Partial<ProductDescription> = {}): ProductDescription {
  return {
    name: '数流科技·城市道路交通流量·数据集·路段级逐小时',
    summary: '全市主要道路逐小时交通流量统计，适用于交通规划与拥堵治理。',
    domain: 'transport',
    keywords: ['交通', '流量', 'traffic'],
    form: 'dataset',
    deliveryMethods: ['file_download'],
    rightsChain: [],
    sample: { exampleResponse: '{"road":"世纪大道","hour":8,"vehicles":1320}' },
    scenarios: [{ title: '交通规划', description: '为道路改扩建提供依据' }],
    usagePolicy: {
      permissions: [{ action: 'use', constraints: [{ kind: 'purpose', anyOf: ['research'] }] }],
      prohibitions: [{ action: 'distribute', constraints: [] }],
    },
    pricing: { model: 'subscription', amountFen: 100_000, unit: 'month' },
    quality: { statement: '完整性 99%' },
    updateFrequency: 'daily',
    grade: 'GENERAL_2',
    personalInformation: false,
    openAttribute: 'conditional',
    visibility: 'public',
    contact: { name: '张三丰', phone: '13812345678', email: 'zhang@example.cn' },
    ...overrides,
  };
}

/** Certificates and providers the test controls; products live in the real data_products table. */
export class TestProductSource implements ProductSource {
  readonly certificates = new Map<string, { number: string; status: string }>();
  readonly providers = new Map<string, ProviderInfo>();

  async getListable(tx: Tx, productId: string): Promise<ListableProduct | null> {
    const { rows } = await tx.execute<{
      id: string;
      organization_id: string;
      status: string;
      listing_status: ListingStatus;
      visibility: 'public' | 'participants';
      registered_description: ProductDescription | null;
    }>(sql`SELECT id, organization_id, status, listing_status, visibility, registered_description
           FROM data_products WHERE id = ${productId} FOR UPDATE`);
    const row = rows[0];
    if (!row) return null;
    const certificate = this.certificates.get(productId);
    return {
      productId: row.id,
      organizationId: row.organization_id,
      status: row.status,
      listingStatus: row.listing_status,
      visibility: row.visibility,
      registeredDescription: row.registered_description,
      provider: this.providers.get(row.organization_id) ?? {
        name: '数流科技有限公司',
        creditCode: '91310115MA1K4XXXX0',
        participantCredentialNumber: 'TST-P-2026-000001',
        divisionCode: '310115',
      },
      certificate: certificate ? { ...certificate, validUntil: null } : null,
    };
  }

  async setListingStatus(tx: Tx, productId: string, status: ListingStatus): Promise<void> {
    await tx.execute(sql`UPDATE data_products SET listing_status = ${status} WHERE id = ${productId}`);
  }
}

/** Inserts a product row as the registry would hold it after registration. */
export async function insertProduct(
  db: Db,
  input: {
    organizationId: string;
    createdBy: string;
    description: ProductDescription;
    status?: string;
    registered?: boolean;
  },
): Promise<string> {
  const id = newId('prd');
  const d = input.description;
  await db.execute(sql`
    INSERT INTO data_products (id, organization_id, created_by, status, name, domain, grade, description,
      registered_description, form, pricing_model, visibility)
    VALUES (${id}, ${input.organizationId}, ${input.createdBy}, ${input.status ?? 'registered'}, ${d.name},
      ${d.domain}, ${d.grade}, ${JSON.stringify(d)}::jsonb,
      ${input.registered === false ? null : JSON.stringify(d)}::jsonb, ${d.form}, ${d.pricing.model}, ${d.visibility})`);
  return id;
}

/** The catalog mounted on the test node's database behind the real request chain and sign-in. */
export function startCatalogApp(node: TestNode, options: { countLimit?: number | null } = {}) {
  const deps = node.platform.deps;
  const accounts = registerAccounts(deps);
  const products = new TestProductSource();
  const catalog = registerCatalog(deps, {
    products,
    memberships: node.platform.built.services.accounts.organizations,
    countLimit: options.countLimit ?? null,
  });
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(deps.log));
  app.use('/api/*', parseJsonBody());
  app.use('*', accounts.middleware);
  app.route('/', catalog.router);
  app.onError(handleError);
  return {
    products,
    catalog,
    /** Sends a request to the catalog app. */
    request: (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init)),
  };
}
