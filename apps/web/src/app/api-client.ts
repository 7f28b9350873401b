/**
 * The one door to the node's HTTP API for the web app. It sends the session cookie, the
 * `X-CSRF-Token` header on unsafe requests, and the user's language (the server localizes error
 * messages by Accept-Language); it turns every error body `{error:{code,message,details,requestId}}`
 * into an `ApiError`. Typed calls go through `@shuliu/sdk` once its paths exist; this helper covers
 * the endpoints still on the planned contract and uploads (which need progress events).
 */
import i18n from './i18n';

/** An error answered by the API (or a network failure, with status 0 and code `network`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The value of the readable CSRF cookie the server sets beside the httpOnly session cookie. */
export function readCsrfToken(): string | undefined {
  const match = /(?:^|;\s*)shuliu_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** The Accept-Language to send: the UI language first, then the other one. */
export function acceptLanguage(): string {
  return i18n.language === 'en' ? 'en,zh-CN;q=0.5' : 'zh-CN,zh;q=0.9,en;q=0.5';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Headers every API request carries. */
export function apiHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': acceptLanguage() };
  const csrf = readCsrfToken();
  if (UNSAFE.has(method.toUpperCase()) && csrf) headers['X-CSRF-Token'] = csrf;
  return headers;
}

/** Query parameters; undefined and empty values are left out. */
export type Query = Record<string, string | number | undefined | null>;

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A JSON body. */
  body?: unknown;
  signal?: AbortSignal;
}

/** Appends the query string to `path`. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds an ApiError from a response status and its parsed body (whatever shape it has). */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' ? error.code : `http.${status}`;
  const message = typeof error?.message === 'string' ? error.message : '';
  const details = isRecord(error?.details) ? error.details : {};
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  return new ApiError(status, code, message, details, requestId);
}

/**
 * Calls the API and returns the parsed JSON body (undefined for 204).
 * @example await apiRequest<Me>('/api/me')
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = apiHeaders(method);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', '');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/** Progress of an upload, 0–100. */
export type ProgressHandler = (percent: number) => void;

/**
 * Posts a multipart form with upload progress (fetch cannot report upload progress, XHR can).
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress?: ProgressHandler,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(apiHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let parsed: unknown = undefined;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
