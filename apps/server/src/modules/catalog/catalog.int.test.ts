import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, errorCodeOf, signUpUser, type TestUser } from '../../test/factories.js';
import { startTestNode, type TestNode } from '../../test/test-node.js';
import { indexProduct } from './catalog.indexing.js';
import { catalogRepository } from './catalog.repository.js';
import { insertProduct, sampleDescription, startCatalogApp } from './catalog.test-support.js';

interface Hit {
  id: string;
  name: string;
  visibility: string;
  listedAt: string;
  provider: { organizationId: string; name: string };
}
interface FacetValue {
  value: string;
  label: string | null;
  count: number;
}
interface SearchBody {
  items: Hit[];
  nextCursor: string | null;
  total: number;
  totalIsExact: boolean;
  fuzzy: boolean;
  facets: Record<string, FacetValue[]>;
}

let node: TestNode;
let catalog: ReturnType<typeof startCatalogApp>;
let participantUser: TestUser;
let outsider: TestUser;
const ORG_A = 'org_catalog_a';
const ORG_B = 'org_catalog_b';
const ids: Record<string, string> = {};

/** A client of the catalog app carrying `user`'s session. */
const as = (user: TestUser) => clientFor({ ...node, request: catalog.request }, user.cookies);
const anonymous = () => clientFor({ ...node, request: catalog.request });

async function searchAs(client: ReturnType<typeof anonymous>, query: Record<string, string>) {
  const res = await client.request(`/api/catalog/search?${new URLSearchParams(query).toString()}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SearchBody;
}
const search = (query: Record<string, string>) => searchAs(anonymous(), query);
const countOf = (body: SearchBody, facet: string, value: string) =>
  body.facets[facet]?.find((f) => f.value === value)?.count ?? 0;

/** Seeds catalog rows through the real indexing function (no listing flow needed for search tests). */
async function seedEntries() {
  const A = {
    name: '数流科技有限公司',
    creditCode: '91310115MA1K4AAAA1',
    participantCredentialNumber: 'TST-P-1',
    divisionCode: '310115',
  };
  const B = {
    name: '沪数集团',
    creditCode: '91110108MA1K4BBBB2',
    participantCredentialNumber: 'TST-P-2',
    divisionCode: '110108',
  };
  const entries = [
    ['traffic', ORG_A, A, sampleDescription()],
    [
      'bus',
      ORG_A,
      A,
      sampleDescription({
        name: '数流科技·公交客流·数据接口·线路级实时',
        summary: '公交线路实时客流。',
        keywords: ['公交'],
        form: 'api',
        grade: 'GENERAL_3',
        pricing: { model: 'per_call', amountFen: 10, unit: 'call' },
        scenarios: [{ title: '线网优化', description: '优化公交线网' }],
      }),
    ],
    [
      'credit',
      ORG_B,
      B,
      sampleDescription({
        name: '沪数集团·企业信用评分·数据模型·企业级',
        summary: '企业信用评分模型。',
        domain: 'finance',
        keywords: ['credit', '信用'],
        form: 'model',
        grade: 'IMPORTANT',
        pricing: { model: 'one_off', amountFen: 500_000, unit: 'order' },
        scenarios: [{ title: '信贷风控', description: '贷前审查' }],
      }),
    ],
    [
      'weather',
      ORG_B,
      B,
      sampleDescription({
        name: '沪数集团·Weather Forecast·数据接口·City hourly',
        summary: 'Hourly weather forecast API for 300 cities.',
        domain: 'meteorology',
        keywords: ['weather'],
        form: 'api',
        grade: 'GENERAL_1',
        pricing: { model: 'per_call', amountFen: 5, unit: 'call' },
        scenarios: [{ title: 'Logistics', description: 'Plan deliveries around storms' }],
      }),
    ],
    [
      'farm',
      ORG_A,
      A,
      sampleDescription({
        name: '数流科技·农产品价格·数据报告·月度',
        summary: '主要农产品批发价格月度报告。',
        domain: 'agriculture',
        keywords: ['农业'],
        form: 'report',
        grade: 'GENERAL_1',
        pricing: { model: 'free_public_welfare', amountFen: 0, unit: 'order' },
        openAttribute: 'unconditional',
        scenarios: [{ title: '价格监测', description: '监测价格波动' }],
      }),
    ],
    [
      'accident',
      ORG_B,
      B,
      sampleDescription({
        name: '沪数集团·交通事故统计·数据集·区县级',
        summary: '交通事故分区县统计。',
        keywords: ['交通'],
        visibility: 'participants',
        scenarios: [{ title: '安全治理', description: '事故黑点治理' }],
      }),
    ],
    [
      'power',
      ORG_A,
      A,
      sampleDescription({
        name: '数流科技·电力负荷·数据集·小时级',
        summary: '电网负荷。',
        domain: 'energy',
        keywords: ['电力'],
        visibility: 'participants',
        scenarios: [{ title: '调度', description: '负荷预测' }],
      }),
    ],
  ] as const;
  const base = Date.parse('2026-01-01T00:00:00Z');
  const rows = entries.map(([key, organizationId, provider, description], i) => {
    const productId = `prd_seed_${String(i).padStart(2, '0')}_${key}`;
    ids[key] = productId;
    return indexProduct({
      productId,
      organizationId,
      description,
      visibility: description.visibility,
      provider,
      certificate: { number: `TST-RC-2026-00000${i}`, status: 'active' },
      listedAt: new Date(base + i * 60_000),
      modifiedAt: new Date(base + i * 60_000),
      publicUrl: 'http://localhost',
    });
  });
  await catalogRepository.insertMany(node.platform.deps.database.db, rows);
}

beforeAll(async () => {
  node = await startTestNode();
  catalog = startCatalogApp(node);
  const db = node.platform.deps.database.db;
  participantUser = await signUpUser(node, { displayName: '参与方用户' });
  outsider = await signUpUser(node, { displayName: '路人' });
  const organizations = node.platform.built.services.accounts.organizations;
  const registered = await organizations.createOrganization(
    db,
    { name: '已登记主体', createdBy: participantUser.id },
    null,
  );
  await db.execute(sql`UPDATE organizations SET participant_id = 'par_test' WHERE id = ${registered.id}`);
  await organizations.createOrganization(db, { name: '未登记主体', createdBy: outsider.id }, null);
  await seedEntries();
}, 60_000);

afterAll(async () => {
  await node?.close();
});

describe('catalog search', () => {
  it('finds a product by a Chinese word inside its name (交通流量 → 城市道路交通流量)', async () => {
    const body = await search({ q: '交通流量' });
    expect(body.items.map((h) => h.id)).toEqual([ids.traffic]);
    expect(body.total).toBe(1);
    expect(body.fuzzy).toBe(false);
  });

  it('finds English text in names and summaries, case-insensitively', async () => {
    expect((await search({ q: 'WEATHER' })).items.map((h) => h.id)).toEqual([ids.weather]);
    expect((await search({ q: 'forecast cities' })).items.map((h) => h.id)).toEqual([ids.weather]);
    expect((await search({ q: 'credit' })).items.map((h) => h.id)).toEqual([ids.credit]);
  });

  it('matches a misspelt English name through pg_trgm', async () => {
    const body = await search({ q: 'wether forcast' });
    expect(body.items.map((h) => h.id)).toEqual([ids.weather]);
  });

  it('falls back to Chinese bigrams when a typo matches nothing exactly (交通流亮)', async () => {
    const body = await search({ q: '交通流亮' });
    expect(body.fuzzy).toBe(true);
    expect(body.items.map((h) => h.id)).toEqual([ids.traffic]);
  });

  it('counts facets over the visible set in one pass', async () => {
    const body = await search({});
    expect(body.total).toBe(5);
    expect(body.totalIsExact).toBe(true);
    expect(countOf(body, 'domain', 'transport')).toBe(2);
    expect(countOf(body, 'domain', 'finance')).toBe(1);
    expect(countOf(body, 'form', 'api')).toBe(2);
    expect(countOf(body, 'pricingModel', 'per_call')).toBe(2);
    expect(countOf(body, 'region', '310000')).toBe(3);
    expect(countOf(body, 'region', '110000')).toBe(2);
    expect(countOf(body, 'openAttribute', 'unconditional')).toBe(1);
    expect(countOf(body, 'grade', 'IMPORTANT')).toBe(1);
    expect(body.facets.provider?.find((f) => f.value === ORG_A)).toEqual({
      value: ORG_A,
      label: '数流科技有限公司',
      count: 3,
    });
  });

  it('applies facet filters together with the text', async () => {
    const body = await search({ domain: 'transport', form: 'api' });
    expect(body.items.map((h) => h.id)).toEqual([ids.bus]);
    expect(body.total).toBe(1);
    const byRegion = await search({ region: '110000', q: 'weather' });
    expect(byRegion.items.map((h) => h.id)).toEqual([ids.weather]);
    const byProvider = await search({ provider: ORG_B });
    expect(byProvider.total).toBe(2);
  });

  it('never shows participants-only products to anonymous callers or unregistered users: not in hits, facets or totals', async () => {
    for (const client of [anonymous(), as(outsider)]) {
      const body = await searchAs(client, { q: '交通' });
      expect(body.items.map((h) => h.id)).toEqual([ids.traffic]);
      expect(body.total).toBe(1);
      expect(countOf(body, 'domain', 'transport')).toBe(1);
      const all = await searchAs(client, {});
      expect(all.items.some((h) => h.visibility === 'participants')).toBe(false);
      expect(countOf(all, 'domain', 'energy')).toBe(0);
    }
  });

  it('filters by facet and visibility lexemes that query text cannot forge', async () => {
    // The only energy product is participants-only: the facet filter alone must not reveal it.
    expect((await search({ domain: 'energy' })).total).toBe(0);
    expect((await searchAs(as(participantUser), { domain: 'energy' })).total).toBe(1);
    for (const q of ['f.vis.participants', "'f.vis.participants' | 'f.vis.public'", 'f.domain.energy'])
      expect((await search({ q })).items.some((h) => h.visibility === 'participants')).toBe(false);
  });

  it('keeps participants-only rows hidden even if their search lexemes were wrong (the column decides)', async () => {
    const db = node.platform.deps.database.db;
    const forged = sql`UPDATE catalog_entries SET search = search || 'f.vis.public'::tsvector WHERE product_id = ${ids.power}`;
    await db.execute(forged);
    try {
      expect((await search({ domain: 'energy' })).total).toBe(0);
      expect((await search({})).items.some((h) => h.id === ids.power)).toBe(false);
    } finally {
      await db.execute(
        sql`UPDATE catalog_entries SET search = ts_delete(search, 'f.vis.public') WHERE product_id = ${ids.power}`,
      );
    }
  });

  it('shows participants-only products to members of a registered participant', async () => {
    const body = await searchAs(as(participantUser), { q: '交通' });
    expect(body.items.map((h) => h.id).sort()).toEqual([ids.accident, ids.traffic].sort());
    expect(body.total).toBe(2);
    const all = await searchAs(as(participantUser), {});
    expect(all.total).toBe(7);
    expect(countOf(all, 'domain', 'energy')).toBe(1);
  });

  it('sorts by name and by newest listing', async () => {
    const byName = await search({ sort: 'name' });
    const names = byName.items.map((h) => h.name);
    expect(names).toEqual([...names].sort());
    const newest = await search({ sort: 'newest' });
    const times = newest.items.map((h) => h.listedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(newest.items[0]?.id).toBe(ids.farm);
  });

  it('pages with a cursor without gaps or repeats, also when rows are added meanwhile', async () => {
    for (const sort of ['name', 'newest', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: Record<string, string> = { sort, limit: '2', ...(cursor ? { cursor } : {}) };
        if (sort === 'relevance') query.q = '数据';
        const body = await search(query);
        seen.push(...body.items.map((h) => h.id));
        cursor = body.nextCursor;
        pages++;
        if (pages === 1 && sort === 'newest') {
          // A product listed after the first page was read must not shift the following pages.
          const late = indexProduct({
            productId: 'prd_seed_late',
            organizationId: ORG_A,
            description: sampleDescription({ name: '数流科技·港口吞吐量·数据集·月度' }),
            visibility: 'public',
            provider: {
              name: '数流科技有限公司',
              creditCode: 'x',
              participantCredentialNumber: null,
              divisionCode: '310115',
            },
            certificate: { number: 'TST-RC-LATE', status: 'active' },
            listedAt: new Date('2026-06-01T00:00:00Z'),
            modifiedAt: new Date('2026-06-01T00:00:00Z'),
            publicUrl: 'http://localhost',
          });
          await catalogRepository.insertMany(node.platform.deps.database.db, [late]);
        }
      } while (cursor && pages < 10);
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(seen.length, sort).toBeGreaterThanOrEqual(sort === 'relevance' ? 3 : 5);
      if (sort !== 'relevance') expect(seen).not.toContain('prd_seed_late');
    }
    await catalogRepository.remove(node.platform.deps.database.db, 'prd_seed_late');
  });

  it('with a counting cap, reports totals beyond it as lower bounds with an estimate; the empty query stays exact', async () => {
    const capped = startCatalogApp(node, { countLimit: 2 });
    const client = clientFor({ ...node, request: capped.request });
    const broad = (await (await client.request('/api/catalog/search?q=数据')).json()) as SearchBody & {
      estimatedTotal: number | null;
    };
    expect(broad.totalIsExact).toBe(false);
    expect(broad.total).toBe(3);
    expect(broad.estimatedTotal).toBeGreaterThanOrEqual(3);
    const narrow = (await (await client.request('/api/catalog/search?q=weather')).json()) as SearchBody;
    expect(narrow.totalIsExact).toBe(true);
    const landing = (await (await client.request('/api/catalog/search')).json()) as SearchBody;
    expect(landing.totalIsExact).toBe(true);
    expect(landing.total).toBe(5);
  });

  it('refuses a 10 KB query with catalog.query_too_long, and accepts 200 characters', async () => {
    const res = await anonymous().request(`/api/catalog/search?q=${'交'.repeat(10_240)}`);
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe('catalog.query_too_long');
    const ok = await anonymous().request(`/api/catalog/search?q=${encodeURIComponent('交'.repeat(200))}`);
    expect(ok.status).toBe(200);
  });

  it('answers tsquery and SQL syntax as plain text, never an error', async () => {
    const nasty = [
      `a & | ! :* ( ) ' \\ 表`,
      `'; DROP TABLE catalog_entries; --`,
      `交通 & !流量 | (a:*)`,
      `" OR 1=1 --`,
      `<-> <2> !!! ::: ***`,
      `\\x00 %_ $1 ${'{'}{}}`,
      `weather' OR name % 'a`,
    ];
    for (const q of nasty) {
      const res = await anonymous().request(`/api/catalog/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const operators = await search({ q: `交通 & !流量 | (a:*)` });
    expect(operators.items.every((h) => h.id === ids.traffic)).toBe(true);
    const count = await node.platform.deps.database.db.execute(
      sql`SELECT count(*)::int AS n FROM catalog_entries`,
    );
    expect(count.rows[0]?.n).toBe(7);
  });

  it('refuses bad enum values, bad regions and bad cursors with 400', async () => {
    for (const query of [
      'domain=spaceflight',
      'form=x',
      'grade=core',
      'sort=price',
      'region=31',
      'limit=0',
    ]) {
      const res = await anonymous().request(`/api/catalog/search?${query}`);
      expect(res.status, query).toBe(400);
      expect(await errorCodeOf(res)).toBe('http.validation_failed');
    }
    for (const sort of ['newest', 'name', 'relevance']) {
      const res = await anonymous().request(`/api/catalog/search?q=a&sort=${sort}&cursor=not-a-cursor`);
      expect(res.status, sort).toBe(400);
    }
    const forged = Buffer.from(JSON.stringify(['relevance', '1) OR (1=1', 'x'])).toString('base64url');
    const res = await anonymous().request(`/api/catalog/search?q=a&sort=relevance&cursor=${forged}`);
    expect(res.status).toBe(400);
  });
});

describe('product page', () => {
  it('shows the document with policy, certificate link and masked contact', async () => {
    const res = await anonymous().request(`/api/catalog/products/${ids.traffic}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      name: string;
      scenarios: unknown[];
      policy: { '@type': string; permission: unknown[] };
      certificate: { number: string; path: string; verifyUrl: string };
      provider: {
        name: string;
        creditCode: string;
        participantCredentialNumber: string;
        contact: Record<string, string>;
      };
      sample: { exampleResponse: string };
    };
    expect(page.name).toBe('数流科技·城市道路交通流量·数据集·路段级逐小时');
    expect(page.scenarios).toHaveLength(1);
    expect(page.policy['@type']).toBe('Offer');
    expect(page.policy.permission).toHaveLength(1);
    expect(page.certificate.path).toBe('/certificates/TST-RC-2026-000000');
    expect(page.certificate.verifyUrl).toContain('/certificates/TST-RC-2026-000000');
    expect(page.provider.participantCredentialNumber).toBe('TST-P-1');
    expect(page.provider.contact).toEqual({ name: '张**', phone: '138****5678', email: 'z***@example.cn' });
    expect(JSON.stringify(page)).not.toContain('13812345678');
    expect(JSON.stringify(page)).not.toContain('张三丰');
  });

  it('answers 404 for participants-only products to anonymous callers, 200 to participants', async () => {
    const hidden = await anonymous().request(`/api/catalog/products/${ids.power}`);
    expect(hidden.status).toBe(404);
    expect(await errorCodeOf(hidden)).toBe('catalog.product.not_found');
    expect((await as(outsider).request(`/api/catalog/products/${ids.power}`)).status).toBe(404);
    expect((await as(participantUser).request(`/api/catalog/products/${ids.power}`)).status).toBe(200);
    expect((await anonymous().request('/api/catalog/products/prd_nope')).status).toBe(404);
  });

  it('sends the stored JSON with an ETag, and 304 when the harvester already has it', async () => {
    const path = `/api/catalog/products/${ids.traffic}`;
    const first = await anonymous().request(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await anonymous().request(path, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await anonymous().request(path, { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('checks visibility before the ETag: a participants-only page stays 404 to others, private to members', async () => {
    const path = `/api/catalog/products/${ids.power}`;
    const member = await as(participantUser).request(path);
    expect(member.status).toBe(200);
    expect(member.headers.get('cache-control')).toBe('private, no-cache');
    const headers = { 'if-none-match': member.headers.get('etag') ?? '' };
    expect((await anonymous().request(path, { headers })).status).toBe(404);
    expect((await as(outsider).request(path, { headers })).status).toBe(404);
  });
});

describe('listing and delisting', () => {
  let owner: TestUser;
  let staff: TestUser;
  let organizationId: string;

  const db = () => node.platform.deps.database.db;
  const listingStatusOf = async (productId: string) =>
    (
      await db().execute<{ s: string }>(
        sql`SELECT listing_status AS s FROM data_products WHERE id = ${productId}`,
      )
    ).rows[0]?.s;
  const eventsOf = async (productId: string) =>
    (
      await db().execute<{ type: string; payload: Record<string, unknown> }>(
        sql`SELECT type, payload FROM events WHERE subject_type = 'product' AND subject_id = ${productId} ORDER BY seq`,
      )
    ).rows;

  async function certifiedProduct(name: string, certificateStatus = 'active') {
    const id = await insertProduct(db(), {
      organizationId,
      createdBy: owner.id,
      description: sampleDescription({ name }),
    });
    catalog.products.certificates.set(id, { number: `TST-RC-${id.slice(-6)}`, status: certificateStatus });
    return id;
  }

  beforeAll(async () => {
    owner = await signUpUser(node, { displayName: '产品负责人' });
    staff = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
    const organization = await node.platform.built.services.accounts.organizations.createOrganization(
      db(),
      { name: '上架测试主体', createdBy: owner.id },
      null,
    );
    organizationId = organization.id;
  });

  it('lists a certified product for its owner: searchable, marked listed, event recorded', async () => {
    const id = await certifiedProduct('数流科技·港口集装箱吞吐·数据集·泊位级逐日');
    const res = await as(owner).send('POST', `/api/catalog/products/${id}/listing`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ productId: id, listingStatus: 'listed' });
    expect(await listingStatusOf(id)).toBe('listed');
    expect((await search({ q: '集装箱' })).items.map((h) => h.id)).toEqual([id]);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['catalog.product.listed']);
    const again = await as(owner).send('POST', `/api/catalog/products/${id}/listing`);
    expect(again.status).toBe(409);
    expect(await errorCodeOf(again)).toBe('catalog.listing.already_listed');
  });

  it('refuses to list a product without a certificate in force (catalog.not_certified)', async () => {
    const suspended = await certifiedProduct('数流科技·冷链温控·数据集·车辆级', 'suspended');
    let res = await as(owner).send('POST', `/api/catalog/products/${suspended}/listing`);
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('catalog.not_certified');
    const draft = await insertProduct(db(), {
      organizationId,
      createdBy: owner.id,
      description: sampleDescription({ name: '数流科技·草稿产品·数据集·全量' }),
      status: 'draft',
      registered: false,
    });
    res = await as(owner).send('POST', `/api/catalog/products/${draft}/listing`);
    expect(res.status).toBe(409);
    expect(await errorCodeOf(res)).toBe('catalog.not_certified');
    expect(await listingStatusOf(draft)).toBe('unlisted');
  });

  it('lets only the organization’s owners and admins list (others get 404, anonymous 401)', async () => {
    const id = await certifiedProduct('数流科技·停车泊位·数据接口·实时');
    const stranger = await as(outsider).send('POST', `/api/catalog/products/${id}/listing`);
    expect(stranger.status).toBe(404);
    const anon = await anonymous().send('POST', `/api/catalog/products/${id}/listing`);
    expect(anon.status).toBe(401);
    expect(await listingStatusOf(id)).toBe('unlisted');
  });

  it('delists by the owner, or by exchange staff only with a reason', async () => {
    const id = await certifiedProduct('数流科技·出租车订单·数据集·脱敏逐单');
    expect((await as(owner).send('POST', `/api/catalog/products/${id}/listing`)).status).toBe(200);
    const noReason = await as(staff).send('DELETE', `/api/catalog/products/${id}/listing`);
    expect(noReason.status).toBe(400);
    expect(await errorCodeOf(noReason)).toBe('catalog.listing.reason_required');
    const stranger = await as(outsider).send('DELETE', `/api/catalog/products/${id}/listing`, {
      reason: '无理由',
    });
    expect(stranger.status).toBe(404);
    const byStaff = await as(staff).send('DELETE', `/api/catalog/products/${id}/listing`, {
      reason: '样例数据与描述不符',
    });
    expect(byStaff.status, await byStaff.clone().text()).toBe(200);
    expect(await listingStatusOf(id)).toBe('delisted');
    expect((await search({ q: '出租车' })).total).toBe(0);
    expect((await anonymous().request(`/api/catalog/products/${id}`)).status).toBe(404);
    const last = (await eventsOf(id)).at(-1);
    expect(last).toEqual({
      type: 'catalog.product.delisted',
      payload: { cause: 'exchange', reason: '样例数据与描述不符' },
    });
    const twice = await as(owner).send('DELETE', `/api/catalog/products/${id}/listing`);
    expect(twice.status).toBe(409);
    expect(await errorCodeOf(twice)).toBe('catalog.listing.not_listed');
    // The owner may list it again; then delist it without a reason.
    expect((await as(owner).send('POST', `/api/catalog/products/${id}/listing`)).status).toBe(200);
    expect((await as(owner).send('DELETE', `/api/catalog/products/${id}/listing`)).status).toBe(200);
  });

  it('follows the registration: suspension delists, reinstatement relists, a new certificate re-indexes', async () => {
    const id = await certifiedProduct('数流科技·共享单车骑行·数据集·网格级');
    expect((await as(owner).send('POST', `/api/catalog/products/${id}/listing`)).status).toBe(200);
    const listener = catalog.catalog.listener;

    await db().transaction((tx) =>
      listener.onSuspendedOrEnded(tx, { kind: 'product', subjectId: id, reason: 'suspended' }),
    );
    expect(await listingStatusOf(id)).toBe('delisted');
    expect((await search({ q: '共享单车' })).total).toBe(0);
    expect((await eventsOf(id)).at(-1)?.payload).toEqual({ cause: 'suspended', reason: null });

    await db().transaction((tx) => listener.onReinstated(tx, { kind: 'product', subjectId: id }));
    expect(await listingStatusOf(id)).toBe('listed');
    expect((await search({ q: '共享单车' })).total).toBe(1);

    // The page is now cached on this node; the change below must replace it at once, not after the TTL.
    expect((await anonymous().request(`/api/catalog/products/${id}`)).status).toBe(200);
    // A change certified under a new certificate: the entry follows the new description.
    const changed = sampleDescription({ name: '数流科技·共享单车骑行·数据集·街道级' });
    await db().execute(
      sql`UPDATE data_products SET registered_description = ${JSON.stringify(changed)}::jsonb WHERE id = ${id}`,
    );
    catalog.products.certificates.set(id, { number: 'TST-RC-V2', status: 'active' });
    await db().transaction((tx) =>
      listener.onCertified(tx, {
        kind: 'product',
        subjectId: id,
        certificateId: 'crt_x',
        certificateNumber: 'TST-RC-V2',
      }),
    );
    const page = (await (await anonymous().request(`/api/catalog/products/${id}`)).json()) as {
      name: string;
      certificate: { number: string };
    };
    expect(page.name).toBe('数流科技·共享单车骑行·数据集·街道级');
    expect(page.certificate.number).toBe('TST-RC-V2');
    expect((await eventsOf(id)).at(-1)?.type).toBe('catalog.product.reindexed');

    // Revocation delists for good: a later reinstatement does not bring it back.
    await db().transaction((tx) =>
      listener.onSuspendedOrEnded(tx, { kind: 'product', subjectId: id, reason: 'revoked' }),
    );
    await db().transaction((tx) => listener.onReinstated(tx, { kind: 'product', subjectId: id }));
    expect(await listingStatusOf(id)).toBe('delisted');
    expect((await search({ q: '共享单车' })).total).toBe(0);
  });

  it('ignores registration events of products that are not listed and of resources', async () => {
    const id = await certifiedProduct('数流科技·充电桩状态·数据接口·实时');
    await db().transaction(async (tx) => {
      await listener().onSuspendedOrEnded(tx, { kind: 'product', subjectId: id, reason: 'suspended' });
      await listener().onReinstated(tx, { kind: 'product', subjectId: id });
      await listener().onCertified(tx, {
        kind: 'resource',
        subjectId: id,
        certificateId: 'c',
        certificateNumber: 'n',
      });
    });
    expect(await listingStatusOf(id)).toBe('unlisted');
    expect(await eventsOf(id)).toEqual([]);
  });
});

const listener = () => catalog.catalog.listener;
