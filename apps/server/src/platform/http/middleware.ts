/**
 * The request chain shared by every route: request id → logging → language → JSON pre-parse → body limit.
 * Authentication is added by the accounts module (it owns sessions and tokens).
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../log.js';
import type { AppEnv } from './app-env.js';
import { AppError, languageOf, toErrorBody } from './errors.js';
import { ANONYMOUS } from './principal.js';

/** Assigns a request id (honouring a sane incoming X-Request-Id), a child logger and the language. */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.set('log', log.child({ requestId }));
    c.set('lang', languageOf(c.req.header('accept-language')));
    c.set('principal', ANONYMOUS);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const level = c.res.status >= 500 ? 'error' : 'info';
    c.get('log')[level]('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
  };
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Parses JSON bodies up front so malformed JSON becomes `http.bad_json` (Hono caches the parsed body
 * for the validators that follow).
 */
export function parseJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (BODY_METHODS.has(c.req.method) && /^application\/([\w.+-]*\+)?json/i.test(type)) {
      try {
        await c.req.json();
      } catch {
        throw new AppError('http.bad_json', 400);
      }
    }
    await next();
  };
}

/**
 * Refuses bodies larger than `maxBytes` with `http.payload_too_large`. Multipart uploads are skipped
 * here when `skipMultipart` is set: upload routes apply their own, larger limit.
 */
export function limitBody(
  maxBytes: number,
  options: { skipMultipart?: boolean; skipPaths?: string[] } = {},
): MiddlewareHandler<AppEnv> {
  const limiter = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('http.payload_too_large', 413, { limit: maxBytes });
    },
  });
  return async (c, next) => {
    if (options.skipMultipart && /^multipart\//i.test(c.req.header('content-type') ?? '')) return next();
    if (options.skipPaths?.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`))) return next();
    return limiter(c, next);
  };
}

/** Turns any thrown error into the one error shape. Unknown errors are logged and become 500s. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const lang = c.get('lang') ?? 'zh';
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof HTTPException && error.status === 400)
    appError = new AppError('http.bad_json', 400);
  else if (error instanceof HTTPException && error.status === 413)
    appError = new AppError('http.payload_too_large', 413);
  else if (error instanceof HTTPException && error.status < 500)
    appError = new AppError('http.validation_failed', 400);
  else {
    (c.get('log') ?? console).error('unhandled error', { error: error.message, stack: error.stack });
    appError = new AppError('http.internal', 500);
  }
  return c.json(toErrorBody(appError, lang, requestId), appError.status);
}
