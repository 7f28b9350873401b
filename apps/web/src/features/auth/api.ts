/**
 * Sessions and the signed-in user, through the SDK: signUp, login, logout, getMe, password reset.
 * The session is an httpOnly cookie; `['me']` is the query every page reads to know who is
 * signed in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@shuliu/sdk';
import { errorInfoOf } from '../../app/api-errors';
import { api, type Schemas } from '../../app/sdk';

/** The signed-in user with their organizations. */
export type Me = Schemas['Me'];
/** Roles a user may hold on the platform itself (not in an organization). */
export type PlatformRole = Me['platformRoles'][number];
/** A user's role in one organization. */
export type OrganizationRole = Schemas['OrganizationSummary']['role'];

/** Query key of the signed-in user. */
export const ME_KEY = ['me'] as const;

/** Fetches the signed-in user, or null when signed out (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return unwrap(await api.GET('/api/me'));
  } catch (error) {
    if (errorInfoOf(error).status === 401) return null;
    throw error;
  }
}

/** The signed-in user (null when signed out). */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** Signs in; on success every cached query is refreshed for the new user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['LoginRequest']) => unwrap(await api.POST('/api/auth/login', { body })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Creates an account and signs in. */
export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SignUpRequest']) =>
      unwrap(await api.POST('/api/auth/sign-up', { body })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Signs out and forgets everything cached for the user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/logout')),
    onSuccess: () => {
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    },
  });
}

/** Asks for a password-reset link by email (always 202: the answer does not reveal accounts). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordResetRequestRequest']) =>
      unwrap(await api.POST('/api/auth/password-reset-requests', { body })),
  });
}

/** Sets a new password with the token from the reset link. */
export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: Schemas['PasswordResetRequest']) =>
      unwrap(await api.POST('/api/auth/password-resets', { body })),
  });
}
