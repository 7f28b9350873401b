import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import { sampleProductDescription } from './fixtures/sample-subjects.js';
import { insertCatalogEntry, insertOrganization } from './fixtures/seed-rows.js';

let node: TestNode;
let orgA = '';
let orgB = '';
const products = { traffic: '', power: '', weather: '', hidden: '' };

interface CkanBody {
  help: string;
  success: boolean;
  result?: unknown;
  error?: { __type: string; message: string } & Record<string, unknown>;
}

async function call(path: string): Promise<{ status: number; body: CkanBody }> {
  const res = await node.request(path);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: res.status, body: (await res.json()) as CkanBody };
}

interface Package {
  id: string;
  name: string;
  title: string;
  notes: string;
  metadata_modified: string;
  maintainer: string | null;
  organization: { id: string; name: string; title: string };
  tags: { name: string }[];
  resources: { id: string; url: string; format: string; name: string }[];
  extras: { key: string; value: string }[];
}

const search = async (query: string) => {
  const { status, body } = await call(`/api/3/action/package_search?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result as { count: number; results: Package[] };
};

beforeAll(async () => {
  node = await startTestNode();
  const db = node.platform.deps.database.db;
  const user = await signUpUser(node);
  orgA = await insertOrganization(db, user.id, '北京数元科技有限公司');
  orgB = await insertOrganization(db, user.id, '上海气象数据有限公司');
  const a = { organizationId: orgA, providerName: '北京数元科技有限公司' };
  products.traffic = await insertCatalogEntry(db, {
    ...a,
    description: sampleProductDescription(),
    modifiedAt: new Date('2025-03-01T00:00:00Z'),
  });
  products.power = await insertCatalogEntry(db, {
    ...a,
    description: sampleProductDescription({
      name: '数元科技·企业用电·数据集·月度',
      summary: '工业企业月度用电量。',
      form: 'dataset',
      keywords: ['电力', '能源'],
      deliveryMethods: ['file_download'],
    }),
    modifiedAt: new Date('2025-04-01T00:00:00Z'),
  });
  products.weather = await insertCatalogEntry(db, {
    organizationId: orgB,
    providerName: '上海气象数据有限公司',
    description: sampleProductDescription({
      name: '上海气象·逐日天气·数据报告·区级',
      summary: '区级逐日天气与预警 100%_覆盖。',
      form: 'report',
      keywords: ['气象'],
    }),
    modifiedAt: new Date('2025-05-01T00:00:00Z'),
  });
  products.hidden = await insertCatalogEntry(db, {
    ...a,
    description: sampleProductDescription({ name: '数元科技·内部交通·数据集·隐藏', keywords: ['交通'] }),
    visibility: 'participants',
  });
});
afterAll(async () => {
  await node.close();
});

describe('CKAN-compatible read API', () => {
  it('answers package_search with the envelope, newest first, public entries only', async () => {
    const { body } = await call('/api/3/action/package_search');
    expect(body.success).toBe(true);
    expect(body.help).toContain('/api/3/action/help_show?name=package_search');
    const result = body.result as { count: number; results: Package[] };
    expect(result.count).toBe(3);
    expect(result.results.map((p) => p.id)).toEqual([products.weather, products.power, products.traffic]);
  });

  it('maps products to package dicts with organization, tags, resources and extras, contact masked', async () => {
    const { results } = await search(`fq=organization:${orgA}&sort=metadata_modified%20asc`);
    const traffic = results[0];
    expect(traffic?.id).toBe(products.traffic);
    expect(traffic).toMatchObject({
      name: products.traffic,
      title: '数元科技·城市道路交通流量·数据接口·路段级逐小时',
      metadata_modified: '2025-03-01T00:00:00.000000',
      maintainer: '李*',
      organization: { id: orgA, name: orgA, title: '北京数元科技有限公司' },
    });
    expect(traffic?.tags.map((t) => t.name)).toEqual(['交通', '流量', 'traffic']);
    expect(traffic?.resources[0]).toMatchObject({ format: 'JSON', name: '接口调用' });
    const extras = Object.fromEntries((traffic?.extras ?? []).map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({ grade: 'GENERAL_2', form: 'api' });
    expect(extras.certificate_number).toMatch(/^SLX-RC-/);
    expect(JSON.stringify(results)).not.toContain('13812345678');
  });

  it('filters by q (LIKE wildcards taken literally), tags, organization and metadata_modified', async () => {
    expect((await search('q=用电')).results.map((p) => p.id)).toEqual([products.power]);
    expect((await search('q=100%25_')).results.map((p) => p.id)).toEqual([products.weather]);
    // A bare % matches only the entry that contains one, not everything.
    expect((await search('q=%25')).results.map((p) => p.id)).toEqual([products.weather]);
    expect((await search('fq=tags:交通')).results.map((p) => p.id)).toEqual([products.traffic]);
    expect((await search(`fq=organization:${orgB}`)).count).toBe(1);
    const since = await search('fq=metadata_modified:[2025-03-15T00:00:00Z%20TO%20*]');
    expect(since.results.map((p) => p.id)).toEqual([products.weather, products.power]);
  });

  it('pages with rows and start, and caps rows at 1000 like CKAN', async () => {
    expect((await search('rows=1&start=1')).results.map((p) => p.id)).toEqual([products.power]);
    expect((await search('rows=0')).results).toEqual([]);
    expect((await search('rows=5000')).results).toHaveLength(3);
  });

  it('answers CKAN validation errors (409) for bad rows, start, sort and filters', async () => {
    for (const query of [
      'rows=abc',
      'rows=-1',
      'start=x',
      'sort=title%20asc',
      'fq=license_id:cc-by',
      `q=${'数'.repeat(501)}`,
    ]) {
      const { status, body } = await call(`/api/3/action/package_search?${query}`);
      expect(status, query).toBe(409);
      expect(body.success).toBe(false);
      expect(body.error?.__type, query).toBe('Validation Error');
      expect(body.error?.message).toBeTruthy();
    }
  });

  it('shows one package, and answers Not Found (404) for unknown or non-public ids', async () => {
    const { body } = await call(`/api/3/action/package_show?id=${products.power}`);
    expect((body.result as Package).title).toBe('数元科技·企业用电·数据集·月度');
    for (const id of [products.hidden, 'prd_00000000000000000000000000000000', 'nope']) {
      const { status, body: error } = await call(`/api/3/action/package_show?id=${id}`);
      expect(status, id).toBe(404);
      expect(error).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    }
    const missing = await call('/api/3/action/package_show');
    expect(missing.status).toBe(409);
    expect(missing.body.error).toMatchObject({ __type: 'Validation Error', id: ['Missing value'] });
  });

  it('lists organizations with listed public products, as names or with all fields', async () => {
    const names = await call('/api/3/action/organization_list');
    expect((names.body.result as string[]).sort()).toEqual([orgA, orgB].sort());
    const full = await call('/api/3/action/organization_list?all_fields=true');
    const orgs = full.body.result as { name: string; title: string; package_count: number }[];
    expect(orgs.find((o) => o.name === orgA)).toMatchObject({
      title: '北京数元科技有限公司',
      package_count: 2,
    });
    expect((await call('/api/3/action/organization_list?all_fields=maybe')).status).toBe(409);
  });

  it('answers status_show with the site and the emulated CKAN version', async () => {
    const { body } = await call('/api/3/action/status_show');
    expect(body).toMatchObject({
      success: true,
      result: { ckan_version: '2.10.0', locale_default: 'zh_Hans_CN' },
    });
  });
});
