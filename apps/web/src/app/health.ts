/**
 * The node's identity from getHealth (name, version, DID). A node with a dependency down answers
 * 503 with the same body, so either body is used.
 */
import { useQuery } from '@tanstack/react-query';
import { ShuliuApiError } from '@shuliu/sdk';
import { api, type Schemas } from './sdk';

/** What the shell needs from the health answer. */
export type NodeHealth = Schemas['Health'];

async function fetchHealth(): Promise<NodeHealth> {
  const { data, error, response } = await api.GET('/api/health');
  const body = data ?? error;
  if (!body) throw ShuliuApiError.fromResponse(error, response);
  return body;
}

/** The node's name and DID. */
export function useNodeHealth() {
  return useQuery({ queryKey: ['health'], queryFn: fetchHealth, staleTime: 5 * 60_000 });
}
