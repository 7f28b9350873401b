/**
 * The one place that turns a failed request into words for the user. The server already localizes
 * `error.message` by Accept-Language, so we show it as is; we only supply text when there is no
 * message (network down, a proxy's HTML error page).
 */
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** What the UI needs to know about a failed request. */
export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
  requestId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads status, code, message and details from any error the API layer throws (our `ApiError`, the
 * SDK's `ShuliuApiError`, or a plain Error).
 */
export function errorInfoOf(error: unknown): ErrorInfo {
  if (!isRecord(error)) return { status: 0, code: 'unknown', message: '', details: {} };
  // fetch rejects with a TypeError when the server cannot be reached.
  if (error instanceof TypeError) return { status: 0, code: 'network', message: '', details: {} };
  const status = typeof error.status === 'number' ? error.status : 0;
  const code = typeof error.code === 'string' ? error.code : status === 0 ? 'network' : `http.${status}`;
  const message = typeof error.message === 'string' ? error.message : '';
  const details = isRecord(error.details) ? error.details : {};
  const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
  return { status, code, message, details, requestId };
}

/** The sentence to show for `error`, in the UI language. */
export function describeError(error: unknown, t: TFunction<'common'>): string {
  const info = errorInfoOf(error);
  if (info.code === 'network') return t('errors.network');
  // Not our error shape (a proxy's HTML page, a gateway timeout): say so in the UI language.
  if (info.code === 'http.unexpected_response') return t('errors.unknown', { status: info.status });
  // A thrown TypeError etc. carries an English developer message: do not show it as the explanation.
  if (info.message && (info.status > 0 || info.code.includes('.'))) return info.message;
  return t('errors.unknown', { status: info.status || '—' });
}

/** True when the error means "you are not signed in". */
export function isUnauthenticated(error: unknown): boolean {
  return errorInfoOf(error).status === 401;
}

/** A function that explains an error in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => describeError(error, t), [t]);
}

/** Shows an error as a toast; use it as a mutation's `onError`. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const describe = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      void message.error({ content: describe(error), key: 'api-error', duration: 6 });
    },
    [message, describe],
  );
}
