/**
 * One error shape for the whole API: `{error:{code,message,details,requestId}}`, with a stable
 * namespaced code and the message in the caller's language. Code throws `AppError`; `toErrorResponse`
 * is the only place that turns errors into responses.
 */
import { formatErrorMessage, type ErrorCode } from '@shuliu/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An expected failure with a stable code and an HTTP status (4xx, or 5xx for dependencies). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: ContentfulStatusCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** Shorthands for the common statuses. */
export const badRequest = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 400, details);
export const notFound = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 404, details);
export const conflict = (code: ErrorCode, details?: Record<string, unknown>) =>
  new AppError(code, 409, details);
export const forbidden = (details?: Record<string, unknown>) => new AppError('auth.forbidden', 403, details);
export const unauthenticated = () => new AppError('auth.unauthenticated', 401);

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: Record<string, unknown>; requestId: string };
}

/** Builds the error body for `error` in `lang`. */
export function toErrorBody(error: AppError, lang: 'zh' | 'en', requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: formatErrorMessage(error.code, lang, error.details),
      details: error.details,
      requestId,
    },
  };
}

/** Picks zh or en from an Accept-Language header: en only when English is preferred over Chinese. */
export function languageOf(acceptLanguage: string | undefined): 'zh' | 'en' {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}
