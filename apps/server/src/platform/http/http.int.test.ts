import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../../test/test-node.js';

let node: TestNode;
beforeAll(async () => {
  node = await startTestNode({ env: { SHULIU_MAX_BODY_BYTES: '1024' } });
});
afterAll(async () => {
  await node.close();
});

describe('the HTTP spine', () => {
  it('reports database, storage and job queue in the health check', async () => {
    const res = await node.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      storage: { status: 'up' },
      jobs: { status: 'up' },
    });
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('answers unknown API paths with the one error shape, in Chinese by default and English on request', async () => {
    const zh = await node.request('/api/does-not-exist');
    expect(zh.status).toBe(404);
    const zhBody = (await zh.json()) as { error: { code: string; message: string; requestId: string } };
    expect(zhBody.error.code).toBe('http.not_found');
    expect(zhBody.error.message).toMatch(/不存在/);
    expect(zhBody.error.requestId).toBe(zh.headers.get('x-request-id'));
    const en = await node.request('/api/does-not-exist', {
      headers: { 'accept-language': 'en-US,en;q=0.9,zh;q=0.5' },
    });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('No such endpoint.');
  });

  it('refuses an oversize body with 413 http.payload_too_large', async () => {
    const res = await node.request('/api/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: JSON.stringify({ padding: 'x'.repeat(4900) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('http.payload_too_large');
  });

  it('refuses malformed JSON with 400 http.bad_json', async () => {
    const res = await node.request('/api/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('http.bad_json');
  });

  it('publishes the node DID document with an Ed25519 key', async () => {
    const doc = (await (await node.request('/.well-known/did.json')).json()) as {
      id: string;
      verificationMethod: { publicKeyJwk: { crv: string; d?: string } }[];
    };
    expect(doc.id).toMatch(/^did:web:/);
    expect(doc.verificationMethod[0]?.publicKeyJwk.crv).toBe('Ed25519');
    expect(doc.verificationMethod[0]?.publicKeyJwk.d).toBeUndefined();
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const doc = (await (await node.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });
});

describe('serving the web app', () => {
  it('serves built assets with their type and falls back to index.html for client routes', async () => {
    const webDir = await mkdtemp(join(tmpdir(), 'shuliu-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>数流</title><div id="root"></div>');
    await writeFile(join(webDir, 'assets', 'app.js'), 'console.log("app")');
    const web = await startTestNode({ env: { SHULIU_WEB_DIR: webDir } });
    try {
      const asset = await web.request('/assets/app.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(await asset.text()).toBe('console.log("app")');
      const route = await web.request('/participants/par_123');
      expect(route.headers.get('content-type')).toMatch(/text\/html/);
      expect(await route.text()).toContain('<div id="root">');
      const api = await web.request('/api/nothing-here');
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/json/);
    } finally {
      await web.close();
      await rm(webDir, { recursive: true, force: true });
    }
  });
});
