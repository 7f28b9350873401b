import { afterEach, describe, expect, it } from 'vitest';
import { createShuliuClient, ShuliuApiError, unwrap } from './index.js';

/** A fetch that records the request and answers `response`. */
function recordingFetch(response: () => Response) {
  const seen: Request[] = [];
  return {
    seen,
    fetch: (request: Request) => {
      seen.push(request);
      return Promise.resolve(response());
    },
  };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const health = {
  status: 'ok',
  version: '0.1.0',
  node: '示范',
  did: 'did:web:localhost',
  database: { status: 'up' },
  storage: { status: 'up' },
  jobs: { status: 'up' },
};

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

describe('createShuliuClient', () => {
  it('sends zh-CN by default, the chosen language otherwise, and the bearer token when given', async () => {
    const plain = recordingFetch(() => json(health));
    await createShuliuClient({ baseUrl: 'http://node.test/', fetch: plain.fetch }).GET('/api/health');
    expect(plain.seen[0]?.url).toBe('http://node.test/api/health');
    expect(plain.seen[0]?.headers.get('accept-language')).toBe('zh-CN');
    expect(plain.seen[0]?.headers.get('authorization')).toBeNull();

    const english = recordingFetch(() => json(health));
    const api = createShuliuClient({
      baseUrl: 'http://node.test',
      lang: 'en',
      token: 'slt_x',
      fetch: english.fetch,
    });
    expect(unwrap(await api.GET('/api/health')).status).toBe('ok');
    expect(english.seen[0]?.headers.get('accept-language')).toBe('en');
    expect(english.seen[0]?.headers.get('authorization')).toBe('Bearer slt_x');
    expect(english.seen[0]?.credentials).toBe('include');
  });

  it('copies the shuliu_csrf cookie into X-CSRF-Token on unsafe methods in a browser', async () => {
    Object.defineProperty(globalThis, 'document', {
      value: { cookie: 'theme=dark; shuliu_csrf=abc%3D123' },
      configurable: true,
    });
    const recorder = recordingFetch(() => json(health));
    const api = createShuliuClient({ baseUrl: 'http://node.test', fetch: recorder.fetch });
    await api.GET('/api/health');
    // Any path works at run time; the cast only spares the test a real unsafe route.
    await (api.POST as unknown as (path: string, init: object) => Promise<unknown>)('/api/health', {});
    expect(recorder.seen.map((r) => [r.method, r.headers.get('x-csrf-token')])).toEqual([
      ['GET', null],
      ['POST', 'abc=123'],
    ]);
  });
});

describe('unwrap', () => {
  it('throws ShuliuApiError carrying the server error fields and status', async () => {
    const body = {
      error: {
        code: 'auth.unauthenticated',
        message: '请先登录',
        details: { a: 1 },
        requestId: 'req-12345678',
      },
    };
    const recorder = recordingFetch(() => json(body, 401));
    const result = await createShuliuClient({ baseUrl: 'http://node.test', fetch: recorder.fetch }).GET(
      '/api/health',
    );
    const thrown = (() => {
      try {
        unwrap(result);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(ShuliuApiError);
    expect(thrown).toMatchObject({
      code: 'auth.unauthenticated',
      message: '请先登录',
      details: { a: 1 },
      requestId: 'req-12345678',
      status: 401,
    });
  });

  it('still throws a coded error when a proxy answers with something else', () => {
    const response = new Response('<html>bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'x-request-id': 'req-abcdefgh' },
    });
    expect(() => unwrap({ error: '<html>bad gateway</html>', response })).toThrow(
      expect.objectContaining({ code: 'http.unexpected_response', status: 502, requestId: 'req-abcdefgh' }),
    );
  });
});
