/** The user's own account through the SDK: changePassword and API tokens (list, create, revoke). */
import { unwrap } from '@shuliu/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../app/sdk';

/** An API token (its secret is never shown again after creation). */
export type ApiToken = Schemas['ApiToken'];
/** A token just created, with its secret. */
export type CreatedApiToken = Schemas['CreatedApiToken'];
/** What a token may do. */
export type TokenScope = ApiToken['scopes'][number];

const TOKENS_KEY = ['me', 'tokens'] as const;

/** Changes the password; the server ends the user's other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: Schemas['ChangePasswordRequest']) =>
      unwrap(await api.POST('/api/me/password', { body })),
  });
}

/** The user's API tokens. */
export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/me/tokens', { signal })),
  });
}

/** Creates a token; the answer holds the secret, once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateTokenRequest']) =>
      unwrap(await api.POST('/api/me/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revokes a token at once. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
