/**
 * Datasets routes: datasets, versions (created from completed tus uploads), the version's report,
 * preview/query/export of its rows, and masked samples. Thin: validate → service → present.
 */
import { Readable } from 'node:stream';
import { AppError } from '../../platform/http/errors.js';
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import { parseFilters, parseSort, type VersionReader } from './datasets.reading.js';
import { datasetsPolicies as P } from './datasets.policy.js';
import {
  presentDataset,
  presentSample,
  presentVersion,
  presentVersionSummary,
} from './datasets.presenter.js';
import { datasetsRepository } from './datasets.repository.js';
import * as S from './datasets.schemas.js';
import type { DatasetsService } from './datasets.service.js';
import type { SamplesService } from './samples.service.js';
import type { Db } from '../../platform/db/database.js';

const tags = ['datasets'];

const r = {
  create: defineRoute({
    method: 'post',
    path: '/api/datasets',
    tags,
    operationId: 'createDataset',
    policy: P.write,
    summary: 'Create a dataset for an organization the caller belongs to',
    request: jsonBody(S.CreateDatasetRequest),
    responses: { 201: jsonResponse(S.DatasetResponse, 'Created'), ...errorResponses(400, 401, 403) },
  }),
  list: defineRoute({
    method: 'get',
    path: '/api/datasets',
    tags,
    operationId: 'listDatasets',
    policy: P.read,
    summary: 'The datasets of the caller’s organizations (every dataset for exchange staff)',
    request: { query: S.DatasetListQuery },
    responses: { 200: jsonResponse(S.DatasetListResponse, 'A page'), ...errorResponses(400, 401) },
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}',
    tags,
    operationId: 'getDataset',
    policy: P.read,
    summary: 'One dataset',
    request: { params: S.DatasetIdParam },
    responses: { 200: jsonResponse(S.DatasetResponse, 'The dataset'), ...errorResponses(401, 404) },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/datasets/{id}',
    tags,
    operationId: 'updateDataset',
    policy: P.write,
    summary:
      'Change a dataset’s name, description, update frequency or column rules (applies to new versions)',
    request: { params: S.DatasetIdParam, ...jsonBody(S.UpdateDatasetRequest) },
    responses: { 200: jsonResponse(S.DatasetResponse, 'Saved'), ...errorResponses(400, 401, 403, 404) },
  }),
  createVersion: defineRoute({
    method: 'post',
    path: '/api/datasets/{id}/versions',
    tags,
    operationId: 'createDatasetVersion',
    policy: P.write,
    summary:
      'Make a completed upload the dataset’s next version (tus uploads with `datasetId` do this themselves)',
    request: { params: S.DatasetIdParam, ...jsonBody(S.CreateVersionRequest) },
    responses: {
      201: jsonResponse(S.VersionSummary, 'Created; processing queued'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  listVersions: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}/versions',
    tags,
    operationId: 'listDatasetVersions',
    policy: P.read,
    summary: 'Version history, newest first',
    request: { params: S.DatasetIdParam },
    responses: { 200: jsonResponse(S.VersionListResponse, 'Versions'), ...errorResponses(401, 404) },
  }),
  getVersion: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}/versions/{number}',
    tags,
    operationId: 'getDatasetVersion',
    policy: P.read,
    summary:
      'A version with its processing progress, ingest report, schema, profile, personal-information findings and quality report',
    request: { params: S.VersionParams },
    responses: { 200: jsonResponse(S.VersionResponse, 'The version'), ...errorResponses(400, 401, 404) },
  }),
  retry: defineRoute({
    method: 'post',
    path: '/api/datasets/{id}/versions/{number}/retry',
    tags,
    operationId: 'retryDatasetVersion',
    policy: P.write,
    summary: 'Process a failed version again',
    request: { params: S.VersionParams },
    responses: { 200: jsonResponse(S.VersionSummary, 'Queued'), ...errorResponses(400, 401, 403, 404, 409) },
  }),
  rows: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}/versions/{number}/rows',
    tags,
    operationId: 'previewDatasetRows',
    policy: P.read,
    summary:
      'A page of rows with column types; filter and sort (personal information masked for non-members)',
    request: { params: S.VersionParams, query: S.RowsQuery },
    responses: { 200: jsonResponse(S.RowsResponse, 'A page of rows'), ...errorResponses(400, 401, 404, 409) },
  }),
  query: defineRoute({
    method: 'post',
    path: '/api/datasets/{id}/versions/{number}/query',
    tags,
    operationId: 'queryDatasetRows',
    policy: P.read,
    summary: 'Select, filter and sort rows, capped at 10,000 (use the export for everything)',
    request: { params: S.VersionParams, ...jsonBody(S.QueryRequest) },
    responses: { 200: jsonResponse(S.QueryResponse, 'Rows'), ...errorResponses(400, 401, 404, 409) },
  }),
  export: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}/versions/{number}/export',
    tags,
    operationId: 'exportDatasetRows',
    policy: P.export,
    summary: 'Stream every matching row as CSV or NDJSON (members of the holding organization)',
    request: { params: S.VersionParams, query: S.ExportQuery },
    responses: {
      200: {
        description: 'The rows',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/x-ndjson': { schema: { type: 'string' } },
        },
      },
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  createSample: defineRoute({
    method: 'post',
    path: '/api/datasets/{id}/versions/{number}/samples',
    tags,
    operationId: 'createDatasetSample',
    policy: P.write,
    summary: 'Draw a random sample, mask it column by column and check it for remaining personal information',
    request: { params: S.VersionParams, ...jsonBody(S.CreateSampleRequest) },
    responses: {
      201: jsonResponse(S.SampleResponse, 'A draft sample'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  }),
  listSamples: defineRoute({
    method: 'get',
    path: '/api/datasets/{id}/samples',
    tags,
    operationId: 'listDatasetSamples',
    policy: P.read,
    summary: 'Samples of a dataset',
    request: { params: S.DatasetIdParam },
    responses: { 200: jsonResponse(S.SampleListResponse, 'Samples'), ...errorResponses(401, 404) },
  }),
  getSample: defineRoute({
    method: 'get',
    path: '/api/samples/{sampleId}',
    tags,
    operationId: 'getDatasetSample',
    policy: P.publicSample,
    summary: 'A sample: published ones for anyone, drafts for the holder and staff',
    request: { params: S.SampleIdParam },
    responses: { 200: jsonResponse(S.SampleResponse, 'The sample'), ...errorResponses(404) },
  }),
  publishSample: defineRoute({
    method: 'post',
    path: '/api/samples/{sampleId}/publish',
    tags,
    operationId: 'publishDatasetSample',
    policy: P.write,
    summary: 'Publish a sample (refused, naming the columns, while personal information remains unmasked)',
    request: { params: S.SampleIdParam },
    responses: {
      200: jsonResponse(S.SampleResponse, 'Published'),
      ...errorResponses(401, 403, 404, 409, 422),
    },
  }),
  withdrawSample: defineRoute({
    method: 'post',
    path: '/api/samples/{sampleId}/withdraw',
    tags,
    operationId: 'withdrawDatasetSample',
    policy: P.write,
    summary: 'Withdraw a published sample',
    request: { params: S.SampleIdParam },
    responses: { 200: jsonResponse(S.SampleResponse, 'Withdrawn'), ...errorResponses(401, 403, 404, 409) },
  }),
};

export function datasetsRoutes(deps: {
  db: Db;
  datasets: DatasetsService;
  samples: SamplesService;
  reader: VersionReader;
}) {
  const { datasets, samples, reader } = deps;
  const versionNumberOf = async (versionId: string) =>
    (await datasetsRepository.findVersionById(deps.db, versionId))?.number ?? null;
  const router = createRouter();

  router.openapi(r.create, async (c) => {
    const row = await datasets.create(userOf(c.get('principal')), c.req.valid('json'), c.get('requestId'));
    return c.json(presentDataset(row, 'member'), 201);
  });
  router.openapi(r.list, async (c) => {
    const page = await datasets.list(userOf(c.get('principal')), c.req.valid('query'));
    const items = await Promise.all(
      page.items.map(async (row) =>
        presentDataset(row, (await datasets.accessOf(c.get('principal'), row)) ?? 'staff'),
      ),
    );
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  });
  router.openapi(r.get, async (c) => {
    const { dataset, access } = await datasets.visible(c.get('principal'), c.req.valid('param').id);
    return c.json(presentDataset(dataset, access), 200);
  });
  router.openapi(r.update, async (c) => {
    const row = await datasets.update(
      userOf(c.get('principal')),
      c.req.valid('param').id,
      c.req.valid('json'),
      c.get('requestId'),
    );
    return c.json(presentDataset(row, 'member'), 200);
  });
  router.openapi(r.createVersion, async (c) => {
    const row = await datasets.createVersion(
      userOf(c.get('principal')),
      c.req.valid('param').id,
      c.req.valid('json').uploadId,
      c.get('requestId'),
    );
    return c.json(presentVersionSummary(row), 201);
  });
  router.openapi(r.listVersions, async (c) => {
    const rows = await datasets.listVersions(c.get('principal'), c.req.valid('param').id);
    return c.json({ items: rows.map(presentVersionSummary) }, 200);
  });
  router.openapi(r.getVersion, async (c) => {
    const { id, number } = c.req.valid('param');
    const { version } = await datasets.getVersion(c.get('principal'), id, number);
    return c.json(presentVersion(version), 200);
  });
  router.openapi(r.retry, async (c) => {
    const { id, number } = c.req.valid('param');
    const row = await datasets.retry(userOf(c.get('principal')), id, number, c.get('requestId'));
    return c.json(presentVersionSummary(row), 200);
  });
  router.openapi(r.rows, async (c) => {
    const { id, number } = c.req.valid('param');
    const q = c.req.valid('query');
    const { version, access } = await datasets.getVersion(c.get('principal'), id, number);
    const sort = parseSort(q.sort);
    const filters = parseFilters(q.filters);
    const page = await reader.rows(version, access, {
      limit: q.limit,
      offset: q.offset,
      ...(sort ? { sort } : {}),
      ...(filters ? { filters } : {}),
    });
    return c.json({ ...page, offset: q.offset }, 200);
  });
  router.openapi(r.query, async (c) => {
    const { id, number } = c.req.valid('param');
    const body = c.req.valid('json');
    const { version, access } = await datasets.getVersion(c.get('principal'), id, number);
    return c.json(await reader.query(version, access, body), 200);
  });
  router.openapi(r.export, async (c) => {
    const { id, number } = c.req.valid('param');
    const q = c.req.valid('query');
    const { version, access, dataset } = await datasets.getVersion(c.get('principal'), id, number);
    if (access !== 'member') throw new AppError('datasets.export.forbidden', 403);
    const sort = parseSort(q.sort);
    const filters = parseFilters(q.filters);
    const stream = await reader.export(
      version,
      { ...(sort ? { sort } : {}), ...(filters ? { filters } : {}) },
      q.format,
    );
    await datasets.recordExport(userOf(c.get('principal')), dataset, version, q.format, c.get('requestId'));
    const name = `${encodeURIComponent(dataset.name)}-v${version.number}.${q.format === 'csv' ? 'csv' : 'ndjson'}`;
    c.header(
      'Content-Type',
      q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    );
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${name}`);
    return c.body(Readable.toWeb(Readable.from(stream)) as ReadableStream, 200);
  });
  router.openapi(r.createSample, async (c) => {
    const { id, number } = c.req.valid('param');
    const row = await samples.create(
      userOf(c.get('principal')),
      id,
      number,
      c.req.valid('json'),
      c.get('requestId'),
    );
    return c.json(presentSample(row, number), 201);
  });
  router.openapi(r.listSamples, async (c) => {
    const rows = await samples.list(c.get('principal'), c.req.valid('param').id);
    return c.json({ items: rows.map((r) => presentSample(r.sample, r.versionNumber)) }, 200);
  });
  router.openapi(r.getSample, async (c) => {
    const row = await samples.get(c.get('principal'), c.req.valid('param').sampleId);
    return c.json(presentSample(row, await versionNumberOf(row.versionId)), 200);
  });
  router.openapi(r.publishSample, async (c) => {
    const row = await samples.publish(
      userOf(c.get('principal')),
      c.req.valid('param').sampleId,
      c.get('requestId'),
    );
    return c.json(presentSample(row, await versionNumberOf(row.versionId)), 200);
  });
  router.openapi(r.withdrawSample, async (c) => {
    const row = await samples.withdraw(
      userOf(c.get('principal')),
      c.req.valid('param').sampleId,
      c.get('requestId'),
    );
    return c.json(presentSample(row, await versionNumberOf(row.versionId)), 200);
  });
  return router;
}
