/**
 * Loading, error and empty states shared by every page, so a slow or failed request always looks
 * the same and tells the user what to do.
 */
import { Button, Empty, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorInfoOf, useErrorMessage } from '../app/api-errors';

/** A centred spinner for a page or a card that is still loading. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="page-spinner" role="status" aria-live="polite">
      <Spin size="large" description={label ?? t('state.loading')} />
    </div>
  );
}

/** A failed request: the server's message, its request id, and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const info = errorInfoOf(error);
  const status = info.status === 403 ? '403' : info.status === 404 ? '404' : 'error';
  return (
    <Result
      status={status}
      title={t('errors.title')}
      subTitle={
        <>
          <span data-testid="error-message">{describe(error)}</span>
          {info.requestId ? (
            <Typography.Text type="secondary" className="request-id">
              {t('errors.requestId', { requestId: info.requestId })}
            </Typography.Text>
          ) : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry} data-testid="retry">
            {t('actions.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** An empty list, with a hint of what to do next and an optional action. */
export function EmptyState({ description, action }: { description?: ReactNode; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('state.empty')}>
      {action}
    </Empty>
  );
}
