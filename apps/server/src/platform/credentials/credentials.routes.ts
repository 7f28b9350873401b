/**
 * Public endpoints of the credential issuer: the Bitstring Status List credentials verifiers fetch
 * to learn whether a credential of this node is revoked or suspended.
 */
import { z } from '@hono/zod-openapi';
import { VC_JWT_MEDIA_TYPE } from '@shuliu/core';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { publicPolicy } from '../http/policy.js';
import { createRouter, defineRoute, errorResponses } from '../http/route.js';
import type { CredentialIssuer } from './credential-issuer.js';

const StatusListParams = z.object({
  id: z
    .string()
    .regex(/^stl_[0-9a-f]{32}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'stl_0193c5e2a4f07a3b9c1d2e3f40516273' })
    .describe('Status list id (`stl_…`), the last segment of a credential’s `statusListCredential`'),
});

const getStatusList = defineRoute({
  method: 'get',
  path: '/api/credentials/status-lists/{id}',
  tags: ['credentials'],
  operationId: 'getCredentialStatusList',
  summary: 'A Bitstring Status List credential (W3C), signed by the node as a VC JWT',
  description:
    'Verifiers fetch this to check `credentialStatus` entries (revocation or suspension) of credentials issued by this node. The body is a compact JWS (`application/vc+jwt`) whose payload is a `BitstringStatusListCredential`; it is re-signed whenever a bit changes.',
  policy: publicPolicy('credentials.status_list.read'),
  request: { params: StatusListParams },
  responses: {
    200: {
      description: 'The signed status list credential',
      content: { [VC_JWT_MEDIA_TYPE]: { schema: z.string().describe('Compact JWS (VC-JOSE-COSE)') } },
    },
    ...errorResponses(400, 404),
  },
});

/** Routes of the credential issuer. */
export function credentialsRoutes(db: Db, issuer: CredentialIssuer) {
  return createRouter().openapi(getStatusList, async (c) => {
    const { id } = c.req.valid('param');
    const jwt = await issuer.signedStatusList(db, id);
    if (!jwt) throw notFound('credentials.status_list.not_found', { statusList: id });
    return c.body(jwt, 200, {
      'content-type': VC_JWT_MEDIA_TYPE,
      // Short caching: a revocation should reach verifiers within a minute.
      'cache-control': 'public, max-age=60',
      // Other nodes' verification pages fetch this from the browser; it is public and cookie-free.
      'access-control-allow-origin': '*',
    });
  });
}
