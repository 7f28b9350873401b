/**
 * The user's organization and its members, through the SDK (getOrganization, listMembers,
 * addMember, changeMember, removeMember).
 */
import { unwrap } from '@shuliu/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/sdk';

/** An organization. */
export type Organization = Schemas['Organization'];
/** A member of an organization. */
export type Member = Schemas['Member'];
/** A role within an organization. */
export type MemberRole = Member['role'];

export const organizationKeys = {
  one: (id: string) => ['organizations', id] as const,
  members: (id: string) => ['organizations', id, 'members'] as const,
};

/** One organization. */
export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.one(id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/organizations/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

/** The members of an organization. */
export function useMembers(id: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.members(id ?? ''),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/organizations/{id}/members', { params: { path: { id: id ?? '' } }, signal }),
      ),
    enabled: Boolean(id),
  });
}

/** Add, re-role and remove members; each refreshes the member list. */
export function useMemberMutations(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: organizationKeys.members(id) });
  const add = useMutation({
    mutationFn: async (body: Schemas['AddMemberRequest']) =>
      unwrap(await api.POST('/api/organizations/{id}/members', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const changeRole = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: MemberRole }) =>
      unwrap(
        await api.PATCH('/api/organizations/{id}/members/{userId}', {
          params: { path: { id, userId } },
          body: { role },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (userId: string) =>
      unwrap(
        await api.DELETE('/api/organizations/{id}/members/{userId}', { params: { path: { id, userId } } }),
      ),
    onSuccess: async () => {
      await refresh();
      // Leaving an organization changes the user's own memberships.
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
  return { add, changeRole, remove };
}
