/**
 * User administration for the exchange admin, through the SDK (listUsers, setPlatformRoles,
 * unlockUser). Every change refreshes the user list; a change to one's own roles refreshes `['me']`.
 */
import { unwrap } from '@shuliu/sdk';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/sdk';
import { ME_KEY, type PlatformRole } from '../auth/api';

/** A user as the exchange admin sees them: roles, lock and organizations. */
export type AdminUser = Schemas['AdminUser'];

/** Every platform role, in the order the page shows them. */
export const PLATFORM_ROLES: readonly PlatformRole[] = ['exchange_admin', 'exchange_reviewer', 'regulator'];

/** Filters of the user list. */
export interface UserFilter {
  /** Fragment of an email or display name. */
  q?: string;
  role?: PlatformRole;
}

export const adminUserKeys = {
  all: ['admin', 'users'] as const,
  list: (filter: UserFilter) => ['admin', 'users', filter] as const,
};

/** Users matching `filter`, newest first, page by page; every page carries the total. */
export function useAdminUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: adminUserKeys.list(filter),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/admin/users', {
          params: { query: { q: filter.q, role: filter.role, cursor: pageParam, limit: 20 } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Set a user's platform roles, and lift a sign-in lock. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminUserKeys.all });
  const setRoles = useMutation({
    mutationFn: async ({ id, platformRoles }: { id: string; platformRoles: PlatformRole[] }) =>
      unwrap(
        await api.PUT('/api/admin/users/{id}/platform-roles', {
          params: { path: { id } },
          body: { platformRoles },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      // The admin may have changed their own roles (adding one is allowed).
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const unlock = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/admin/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  return { setRoles, unlock };
}
