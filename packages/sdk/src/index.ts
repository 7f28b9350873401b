/**
 * The Shuliu API client: typed by the generated `schema.d.ts` (from docs/api/openapi.json) and built on
 * openapi-fetch. The web app and the CLI call the API only through this package.
 *
 * @example
 * const api = createShuliuClient({ baseUrl: 'http://localhost:8080', lang: 'en' });
 * const health = unwrap(await api.GET('/api/health'));
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** Languages the API answers in (Accept-Language); zh-CN is the default. */
export type ShuliuLanguage = 'zh-CN' | 'en';

/** A value given once, or read again before every request (e.g. the UI's current language). */
export type Live<T> = T | (() => T);

/** Options of `createShuliuClient`. */
export interface ShuliuClientOptions {
  /** Node base URL, e.g. `https://exchange.example.cn`; '' in a browser on the same origin. */
  baseUrl: string;
  /** Language of error messages and localized fields; zh-CN when absent. */
  lang?: Live<ShuliuLanguage>;
  /** API token (`slt_…`) sent as `Authorization: Bearer`; absent for cookie sessions. */
  token?: Live<string | undefined>;
  /** A fetch implementation (tests, custom agents); the global fetch by default. */
  fetch?: (input: Request) => Promise<Response>;
}

/** A typed client for every path in the API. */
export type ShuliuClient = Client<paths>;

/** Name of the cookie whose value unsafe requests echo in `X-CSRF-Token`. */
export const CSRF_COOKIE = 'shuliu_csrf';
/** Header carrying the CSRF token. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Creates a client that sends the language, the token and (in browsers) the CSRF header. */
export function createShuliuClient(options: ShuliuClientOptions): ShuliuClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    credentials: 'include',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(shuliuHeaders(options));
  return client;
}

/** Middleware setting Accept-Language, Authorization and, in browsers, X-CSRF-Token. */
export function shuliuHeaders(options: Pick<ShuliuClientOptions, 'lang' | 'token'>): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', read(options.lang) ?? 'zh-CN');
      const token = read(options.token);
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!SAFE_METHODS.has(request.method.toUpperCase())) {
        const csrf = readBrowserCookie(CSRF_COOKIE);
        if (csrf && !request.headers.has(CSRF_HEADER)) request.headers.set(CSRF_HEADER, csrf);
      }
      return request;
    },
  };
}

/** Reads a cookie in a browser; undefined elsewhere (Node has no document). */
export function readBrowserCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The error body every failing route answers with (`Error` in the OpenAPI document). */
export interface ApiErrorBody {
  error: { code: string; message: string; details: Record<string, unknown>; requestId: string };
}

/** A failed API call: the server's stable code, its localized message, details and request id. */
export class ShuliuApiError extends Error {
  /** Stable namespaced code, e.g. `participants.credit_code.taken`; match on this, never on `message`. */
  readonly code: string;
  /** Machine-readable details, e.g. validation issues. */
  readonly details: Record<string, unknown>;
  /** Request id, also in the server's logs. */
  readonly requestId: string | undefined;
  /** HTTP status. */
  readonly status: number;

  constructor(fields: {
    code: string;
    message: string;
    details?: Record<string, unknown>;
    requestId?: string | undefined;
    status: number;
  }) {
    super(fields.message);
    this.name = 'ShuliuApiError';
    this.code = fields.code;
    this.details = fields.details ?? {};
    this.requestId = fields.requestId;
    this.status = fields.status;
  }

  /** Builds the error from a response and its parsed body (any shape: proxies answer HTML too). */
  static fromResponse(body: unknown, response: Response): ShuliuApiError {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
    if (error && typeof error.code === 'string') {
      return new ShuliuApiError({
        code: error.code,
        message: typeof error.message === 'string' ? error.message : error.code,
        details: isRecord(error.details) ? error.details : {},
        requestId: typeof error.requestId === 'string' ? error.requestId : requestId,
        status: response.status,
      });
    }
    return new ShuliuApiError({
      code: 'http.unexpected_response',
      message: `HTTP ${response.status} ${response.statusText}`.trim(),
      details: typeof body === 'string' && body ? { body: body.slice(0, 500) } : {},
      requestId,
      status: response.status,
    });
  }
}

/** Returns a call's `data`, or throws `ShuliuApiError` when the server answered with an error. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw ShuliuApiError.fromResponse(result.error, result.response);
  }
  // A 204 has no body: `data` is undefined and the operation's type says so.
  return result.data as T;
}

function read<T>(value: Live<T> | undefined): T | undefined {
  return typeof value === 'function' ? (value as () => T)() : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
