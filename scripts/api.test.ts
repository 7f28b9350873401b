/**
 * The committed OpenAPI document and SDK types must be what the code produces; otherwise the web app
 * and the CLI compile against an API that no longer exists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OPENAPI_PATH,
  renderApiArtifacts,
  ROOT,
  SDK_SCHEMA_PATH,
  stabilizeDocument,
} from './api-artifacts.js';

describe('committed API artifacts', () => {
  const generated = renderApiArtifacts();

  it.each([OPENAPI_PATH, SDK_SCHEMA_PATH])('%s matches the code', async (path) => {
    const expected = (await generated)[path];
    const committed = await readFile(join(ROOT, path), 'utf8').catch(() => '(missing)');
    expect(committed === expected, `${path} is stale: run npm run api:generate`).toBe(true);
  });
});

describe('stabilizeDocument', () => {
  it('orders paths, methods, statuses and component names but keeps schema fields as written', () => {
    const stable = stabilizeDocument({
      components: { schemas: { Zed: { properties: { z: {}, a: {} } }, Alpha: {} } },
      paths: {
        '/b': { post: { responses: { '404': {}, '200': {} } }, get: {} },
        '/a': { get: {} },
      },
      info: {},
      openapi: '3.1.0',
    });
    expect(JSON.stringify(stable)).toBe(
      JSON.stringify({
        openapi: '3.1.0',
        info: {},
        paths: { '/a': { get: {} }, '/b': { get: {}, post: { responses: { '200': {}, '404': {} } } } },
        components: { schemas: { Alpha: {}, Zed: { properties: { z: {}, a: {} } } } },
      }),
    );
  });
});
