/**
 * Registrations backed by dataset versions, through the node's HTTP API: a product may reference its
 * organization's processed versions and published samples (submission refuses anything else), and
 * once certified and listed its public page shows each version's quality figures and the published
 * sample, never personal-information findings or a sample that is no longer published.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpUser, type TestUser } from '../test/factories.js';
import { validProductDescription } from '../test/registry-fixtures.js';
import { startTestNode, type TestNode } from '../test/test-node.js';
import { uploadFile, waitForVersion, type VersionBody } from '../modules/datasets/datasets.test-helpers.js';
import {
  draftSubject,
  expectJson,
  registeredMember,
  subjectOf,
  toPublicity,
  type CaseBody,
  type Member,
} from '../modules/registration/test-factories.js';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}
interface PageDataset {
  datasetId: string;
  datasetName: string;
  versionNumber: number;
  rowCount: number | null;
  quality: { overall: number; grade: string; dimensions: { dimension: string; score: number }[] } | null;
  sampleId: string | null;
}

let node: TestNode;
let admin: TestUser;
let reviewer: TestUser;
let provider: Member;
let other: Member;

/** Road traffic counts with a reporter's mobile number (personal information the sample masks). */
function trafficCsv(rows: number): string {
  const lines = ['road_id,hour,volume,speed,reporter_mobile'];
  for (let i = 0; i < rows; i++)
    lines.push(
      [
        `R${String(i % 50).padStart(3, '0')}`,
        `2026-03-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00`,
        800 + ((i * 37) % 900),
        (20 + ((i * 13) % 400) / 10).toFixed(1),
        `13${String(900000000 + i * 7919).slice(0, 9)}`,
      ].join(','),
    );
  return lines.join('\n') + '\n';
}

/** A dataset of `member`'s organization with one uploaded file, once its processing has ended. */
async function datasetWithVersion(member: Member, name: string, bytes: Buffer, filename = 'traffic.csv') {
  const dataset = await expectJson<{ id: string }>(
    await member.send('POST', '/api/datasets', { organizationId: member.organizationId, name }),
    201,
  );
  const done = await uploadFile(member, dataset.id, filename, bytes);
  return {
    datasetId: dataset.id,
    version: await waitForVersion(member, dataset.id, done.versionNumber ?? 0),
  };
}

/** Draws a sample of a version with the mobile column masked; published unless `publish` is false. */
async function sampleOf(member: Member, datasetId: string, number: number, publish = true) {
  const sample = await expectJson<{ id: string }>(
    await member.send('POST', `/api/datasets/${datasetId}/versions/${number}/samples`, {
      rows: 10,
      masking: [{ column: 'reporter_mobile', method: 'hash' }],
    }),
    201,
  );
  if (publish) await expectJson(await member.send('POST', `/api/samples/${sample.id}/publish`), 200);
  return sample.id;
}

/** A complete product of `provider` referencing `datasets`. */
const productWith = (datasets: object[], overrides: object = {}) => ({
  ...validProductDescription(provider.organizationName, []),
  datasets,
  ...overrides,
});

/** Opens and submits an initial case for a new product draft; returns the submit response. */
async function submitProduct(description: object): Promise<{ productId: string; res: Response }> {
  const productId = await draftSubject(provider, 'product', description as Record<string, unknown>);
  const opened = await expectJson<CaseBody>(
    await provider.send('POST', '/api/registration/cases', {
      subjectKind: 'product',
      subjectId: productId,
      caseType: 'initial',
    }),
    201,
  );
  return { productId, res: await provider.send('POST', `/api/registration/cases/${opened.id}/submit`) };
}

async function expectRefused(description: object, code: string, details: object) {
  const { productId, res } = await submitProduct(description);
  const body = await expectJson<ErrorBody>(res, 400);
  expect(body.error).toMatchObject({ code, details });
  // The refusal says what to do, in the caller's language.
  expect(body.error.message).toMatch(/请/);
  expect((await subjectOf(provider, 'product', productId)).status).toBe('draft');
}

/** Polls a case until publicity has ended (the node's job certifies it). */
async function decided(id: string): Promise<CaseBody> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const c = await expectJson<CaseBody>(await provider.request(`/api/registration/cases/${id}`), 200);
    if (c.state !== 'publicity' && c.state !== 'objection_review') return c;
    if (Date.now() > deadline) throw new Error(`case ${id} still ${c.state}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let own: { datasetId: string; version: VersionBody };
let publishedSample: string;
let draftSample: string;
let failedNumber: number;
let foreign: { datasetId: string; version: VersionBody };
let foreignSample: string;

beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_PUBLICITY_DAY_MS: '500' } });
  admin = await signUpUser(node, { platformRoles: ['exchange_admin'] });
  reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  provider = await registeredMember(node, admin, { roles: ['provider', 'merchant'] });
  other = await registeredMember(node, admin, { roles: ['provider', 'merchant'] });

  own = await datasetWithVersion(provider, '城市道路交通流量', Buffer.from(trafficCsv(300), 'utf8'));
  expect(own.version.state).toBe('ready');
  publishedSample = await sampleOf(provider, own.datasetId, 1);
  draftSample = await sampleOf(provider, own.datasetId, 1, false);
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
  const failed = await uploadFile(provider, own.datasetId, 'junk.csv', junk);
  failedNumber = failed.versionNumber ?? 0;
  expect((await waitForVersion(provider, own.datasetId, failedNumber)).state).toBe('failed');

  foreign = await datasetWithVersion(other, '外单位交通流量', Buffer.from(trafficCsv(50), 'utf8'));
  expect(foreign.version.state).toBe('ready');
  foreignSample = await sampleOf(other, foreign.datasetId, 1);
}, 180_000);
afterAll(async () => {
  await node.close();
});

describe('dataset references at submission', () => {
  it('refuses a version of another organization’s dataset as if it did not exist', async () => {
    await expectRefused(
      productWith([{ datasetId: foreign.datasetId, versionNumber: 1 }]),
      'registry.dataset.not_found',
      { datasetId: foreign.datasetId, versionNumber: 1, field: 'datasets.0' },
    );
    await expectRefused(
      productWith([
        { datasetId: own.datasetId, versionNumber: 1 },
        { datasetId: own.datasetId, versionNumber: 99 },
      ]),
      'registry.dataset.not_found',
      { versionNumber: 99, field: 'datasets.1' },
    );
  });

  it('refuses a version whose processing failed', async () => {
    await expectRefused(
      productWith([{ datasetId: own.datasetId, versionNumber: failedNumber }]),
      'registry.dataset.not_ready',
      { datasetId: own.datasetId, versionNumber: failedNumber, state: 'failed' },
    );
  });

  it('refuses a sample that is a draft, or published but of another dataset', async () => {
    await expectRefused(
      productWith([{ datasetId: own.datasetId, versionNumber: 1, sampleId: draftSample }]),
      'registry.dataset.sample_not_published',
      { sampleId: draftSample, state: 'draft' },
    );
    await expectRefused(
      productWith([{ datasetId: own.datasetId, versionNumber: 1, sampleId: foreignSample }]),
      'registry.dataset.sample_not_published',
      { sampleId: foreignSample, state: 'missing' },
    );
  });

  it('refuses malformed references already when a draft is saved', async () => {
    const res = await provider.send('POST', '/api/products', {
      organizationId: provider.organizationId,
      description: { datasets: [{ datasetId: own.datasetId, versionNumber: 0 }] },
    });
    expect((await expectJson<ErrorBody>(res, 400)).error.code).toBe('http.validation_failed');
    const tooMany = Array.from({ length: 21 }, () => ({ datasetId: own.datasetId, versionNumber: 1 }));
    const many = await provider.send('POST', '/api/products', {
      organizationId: provider.organizationId,
      description: { datasets: tooMany },
    });
    expect(many.status).toBe(400);
  });
});

describe('a product backed by a dataset version', () => {
  let productId = '';
  let certificateNumber = '';

  it('submits with a ready version and a published sample (which stands in for the sample file)', async () => {
    const { productId: id, res } = await submitProduct(
      productWith([{ datasetId: own.datasetId, versionNumber: 1, sampleId: publishedSample }], {
        sample: {},
      }),
    );
    productId = id;
    const submitted = await expectJson<CaseBody>(res, 200);
    expect(submitted.state).toBe('submitted');
    const inPublicity = await toPublicity(reviewer, submitted, false);
    expect((await decided(inPublicity.id)).state).toBe('active');
    await expectJson(await provider.send('POST', `/api/catalog/products/${productId}/listing`), 200);
    const { items } = await expectJson<{ items: { number: string }[] }>(
      await node.request(`/api/registration/subjects/${productId}/certificates`),
      200,
    );
    certificateNumber = items.at(-1)?.number ?? '';
  }, 120_000);

  it('shows the version’s quality report and published sample on the public page, no findings', async () => {
    const res = await node.request(`/api/catalog/products/${productId}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    const page = JSON.parse(text) as { datasets: PageDataset[] };
    const { quality } = await expectJson<{ quality: NonNullable<PageDataset['quality']> }>(
      await provider.request(`/api/datasets/${own.datasetId}/versions/1`),
      200,
    );
    expect(page.datasets).toEqual([
      {
        datasetId: own.datasetId,
        datasetName: '城市道路交通流量',
        versionNumber: 1,
        rowCount: 300,
        quality: {
          overall: quality.overall,
          grade: quality.grade,
          dimensions: quality.dimensions.map((d) => ({ dimension: d.dimension, score: d.score })),
        },
        sampleId: publishedSample,
      },
    ]);
    expect(page.datasets[0]?.quality?.dimensions).toHaveLength(6);
    // The version found personal information; none of it (nor the draft sample) reaches the page.
    const examples = own.version.personalInfo?.flatMap((f) => f.examples) ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(text).not.toContain(example);
    expect(text).not.toContain(draftSample);
    expect(text).not.toContain('reporter_mobile');
    // The linked sample is public.
    expect((await node.request(`/api/samples/${publishedSample}`)).status).toBe(200);
  });

  it('drops a sample withdrawn after listing once the page is rebuilt', async () => {
    await expectJson(await provider.send('POST', `/api/samples/${publishedSample}/withdraw`), 200);
    const path = (action: string) => `/api/registration/certificates/${certificateNumber}/${action}`;
    await expectJson(await admin.send('POST', path('suspend'), { reason: '核查样例数据' }), 200);
    await expectJson(await admin.send('POST', path('reinstate')), 200);
    const page = await expectJson<{ datasets: PageDataset[] }>(
      await node.request(`/api/catalog/products/${productId}`),
      200,
    );
    expect(page.datasets[0]).toMatchObject({ datasetId: own.datasetId, sampleId: null });
    expect(page.datasets[0]?.quality?.overall).toBe(own.version.quality?.overall);
  });
});
