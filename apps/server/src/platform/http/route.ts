/**
 * `defineRoute`: an OpenAPI route that must name its policy and summary. The policy is enforced by
 * middleware before validation and published as `x-policy` in the OpenAPI document, which the
 * architecture test reads.
 */
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.js';
import { AppError } from './errors.js';
import type { Policy } from './policy.js';

/** The error body as an OpenAPI schema. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. `participants.credit_code.taken`'),
      message: z.string().describe('Message in the caller’s language (Accept-Language: zh-CN default, en)'),
      details: z.record(z.string(), z.unknown()).describe('Machine-readable details, e.g. validation issues'),
      requestId: z.string().describe('Request id, also in the X-Request-Id header and the logs'),
    }),
  })
  .openapi('Error');

/** Describes error statuses a route may answer with. */
export function errorResponses(...statuses: ContentfulStatusCode[]) {
  const descriptions: Partial<Record<number, string>> = {
    400: 'Invalid request',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict with the current state',
    413: 'Body too large',
    415: 'Unsupported media type',
    422: 'Unprocessable',
    429: 'Too many requests',
  };
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s] ?? 'Error', content: { 'application/json': { schema: ErrorResponse } } },
    ]),
  );
}

/** Middleware enforcing `policy` for the principal resolved earlier in the chain. */
export function enforcePolicy(policy: Policy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const outcome = policy.check(c.get('principal'));
    if (outcome === 'unauthenticated') throw new AppError('auth.unauthenticated', 401);
    if (outcome === 'forbidden') throw new AppError('auth.forbidden', 403, { policy: policy.name });
    if (typeof outcome === 'object') throw new AppError('auth.token_scope', 403, { scope: outcome.scope });
    await next();
  };
}

/** A route definition with its policy. `summary` and `operationId` are required. */
export type PolicyRouteConfig = Omit<RouteConfig, 'summary' | 'operationId' | 'middleware'> & {
  summary: string;
  operationId: string;
  policy: Policy;
  middleware?: MiddlewareHandler<AppEnv>[];
};

/** Defines an OpenAPI route guarded by its policy. */
export function defineRoute<const R extends PolicyRouteConfig>(config: R) {
  const { policy, middleware = [], ...route } = config;
  return createRoute({
    ...route,
    'x-policy': policy.name,
    middleware: [enforcePolicy(policy), ...middleware],
  });
}

/** A router for one module: validation failures become `http.validation_failed` errors. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError('http.validation_failed', 400, {
          issues: result.error.issues.map((i) => ({
            path: i.path.join('.'),
            message: i.message,
            code: i.code,
          })),
        });
      }
    },
  });
}

/** A JSON response of `schema`, for a route's `responses`. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required JSON request body of `schema`, spread into a route's `request`. */
export const jsonBody = <T>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
