import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf, signUpUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import { refuseRemoteDocuments } from './dcat.serialize.js';
import { createShaclValidator, describeFindings, parseTurtle } from './fixtures/shacl-validator.js';
import { sampleProductDescription, sampleResourceDescription } from './fixtures/sample-subjects.js';
import { insertCatalogEntry, insertOrganization, insertResource } from './fixtures/seed-rows.js';

let node: TestNode;
const ids = { products: [] as string[], hidden: '', resource: '', closedResource: '', draftResource: '' };
const validateCore = createShaclValidator('core');
const validateFull = createShaclValidator('full');

beforeAll(async () => {
  node = await startTestNode();
  const db = node.platform.deps.database.db;
  const user = await signUpUser(node);
  const org = await insertOrganization(db, user.id, '北京数元科技有限公司');
  const base = { organizationId: org, providerName: '北京数元科技有限公司' };
  ids.products.push(
    await insertCatalogEntry(db, {
      ...base,
      description: sampleProductDescription(),
      modifiedAt: new Date('2025-03-01T00:00:00Z'),
    }),
    await insertCatalogEntry(db, {
      ...base,
      description: sampleProductDescription({
        name: '数元科技·企业用电·数据集·月度',
        form: 'dataset',
        domain: 'energy',
        deliveryMethods: ['file_download', 'sandbox'],
        updateFrequency: 'monthly',
        keywords: ['电力'],
      }),
      modifiedAt: new Date('2025-04-01T00:00:00Z'),
    }),
    await insertCatalogEntry(db, {
      ...base,
      description: sampleProductDescription({ name: '数元科技·气象·数据报告·日度', form: 'report' }),
      modifiedAt: new Date('2025-05-01T00:00:00.123456Z'),
    }),
  );
  ids.hidden = await insertCatalogEntry(db, {
    ...base,
    description: sampleProductDescription({ name: '数元科技·内部·数据集·隐藏' }),
    visibility: 'participants',
  });
  const resourceBase = { organizationId: org, createdBy: user.id };
  ids.resource = await insertResource(db, { ...resourceBase, description: sampleResourceDescription() });
  ids.closedResource = await insertResource(db, {
    ...resourceBase,
    description: sampleResourceDescription({ openAttribute: 'not_open' }),
  });
  ids.draftResource = await insertResource(db, {
    ...resourceBase,
    description: sampleResourceDescription(),
    status: 'draft',
  });
});
afterAll(async () => {
  await node.close();
});

async function turtleOf(path: string) {
  const res = await node.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
  return parseTurtle(await res.text());
}

async function jsonLdOf(path: string) {
  const res = await node.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/ld+json');
  const doc = (await res.json()) as Record<string, unknown>;
  const nquads = (await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    documentLoader: refuseRemoteDocuments,
  })) as unknown as string;
  return parseTurtle(nquads);
}

async function expectValid(quads: ReturnType<typeof parseTurtle>) {
  const core = await validateCore(quads);
  expect(core.findings, describeFindings(core.findings)).toEqual([]);
  expect(core.conforms).toBe(true);
  const full = await validateFull(quads);
  expect(full.violations, describeFindings(full.violations)).toEqual([]);
}

const datasetsIn = (quads: ReturnType<typeof parseTurtle>) =>
  quads
    .filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#dataset')
    .map((q) => q.object.value.split('/').at(-1));

describe('DCAT-AP export over HTTP', () => {
  it('serves the catalog as Turtle that conforms to the DCAT-AP 3 shapes, public entries only', async () => {
    const quads = await turtleOf('/catalog.ttl');
    await expectValid(quads);
    expect(datasetsIn(quads).sort()).toEqual([...ids.products].sort());
  });

  it('serves the catalog as JSON-LD (inline context) that conforms too', async () => {
    const quads = await jsonLdOf('/catalog.jsonld');
    await expectValid(quads);
    expect(datasetsIn(quads)).toHaveLength(3);
  });

  it('serves each product and the registered resource as Turtle and JSON-LD that conform', async () => {
    for (const id of [...ids.products, ids.resource]) {
      await expectValid(await turtleOf(`/dataset/${id}.ttl`));
      await expectValid(await jsonLdOf(`/dataset/${id}.jsonld`));
    }
  });

  it('pages with cursors in modification order, without repeating or skipping entries', async () => {
    const seen: string[] = [];
    let path: string | null = '/catalog.ttl?limit=1';
    while (path) {
      const quads = await turtleOf(path);
      seen.push(...datasetsIn(quads).map(String));
      const next = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/hydra/core#next');
      path = next ? next.object.value.replace(/^https?:\/\/[^/]+/, '') : null;
      expect(seen.length).toBeLessThan(10);
    }
    expect(seen).toEqual(ids.products);
  });

  it('pages with page numbers and filters by modified_since', async () => {
    const second = await turtleOf('/catalog.ttl?page=2&limit=2');
    expect(datasetsIn(second)).toEqual([ids.products[2]]);
    const recent = await turtleOf('/catalog.ttl?modified_since=2025-03-15');
    expect(datasetsIn(recent)).toEqual(ids.products.slice(1));
  });

  it('refuses bad paging and modified_since with stable codes', async () => {
    for (const query of [
      'limit=0',
      'limit=100000',
      'limit=abc',
      'cursor=garbage',
      'page=-1',
      'page=0',
      'page=1&cursor=x',
    ]) {
      const res = await node.request(`/catalog.ttl?${query}`);
      expect(res.status, query).toBe(400);
      expect(await errorCodeOf(res), query).toBe('interop.bad_paging');
    }
    for (const value of ['yesterday', '2025-13-45', '2025-01-01T25:00:00Z']) {
      const res = await node.request(`/catalog.jsonld?modified_since=${value}`);
      expect(res.status, value).toBe(400);
      expect(await errorCodeOf(res), value).toBe('interop.bad_modified_since');
    }
  });

  it('answers 404 with a stable code for unknown, non-public, closed or unregistered datasets', async () => {
    const paths = [
      '/dataset/prd_00000000000000000000000000000000.ttl',
      `/dataset/${ids.hidden}.jsonld`,
      `/dataset/${ids.closedResource}.ttl`,
      `/dataset/${ids.draftResource}.ttl`,
      `/dataset/${ids.products[0] ?? ''}.xml`,
      '/dataset/garbage',
    ];
    for (const path of paths) {
      const res = await node.request(path);
      expect(res.status, path).toBe(404);
      expect(await errorCodeOf(res), path).toBe('interop.dataset.not_found');
    }
  });
});
