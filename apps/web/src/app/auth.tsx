/**
 * Who is signed in, for the shell and the pages. `RequireAuth` guards pages that need a session
 * (and optionally a platform role); it sends signed-out visitors to the login page and back.
 */
import { Result, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { useMe, type Me, type PlatformRole } from '../features/auth/api';
import { QueryError } from '../ui/query-state';

/** Platform roles that act for the exchange (review, suspend, revoke). */
export const EXCHANGE_STAFF: readonly PlatformRole[] = ['exchange_admin', 'exchange_reviewer'];

/** The signed-in user and role questions about them. */
export function useAuth() {
  const query = useMe();
  const me: Me | null = query.data ?? null;
  const hasPlatformRole = (...roles: readonly PlatformRole[]) =>
    me !== null && me.platformRoles.some((role) => roles.includes(role));
  return {
    me,
    query,
    isLoading: query.isPending,
    isSignedIn: me !== null,
    hasPlatformRole,
    isExchangeStaff: hasPlatformRole(...EXCHANGE_STAFF),
  };
}

/** Renders `children` only for a signed-in user who has one of `roles` (when given). */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: readonly PlatformRole[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, query, hasPlatformRole } = useAuth();
  if (query.isPending) {
    return (
      <div className="page-spinner">
        <Spin size="large" description={t('state.loading')} />
      </div>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (me === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (roles && !hasPlatformRole(...roles)) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={t('errors.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('errors.goHome')}</Button>
          </Link>
        }
      />
    );
  }
  return <>{children}</>;
}
