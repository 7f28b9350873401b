/**
 * Regimes, public notices (公示), result queries (查询码) and certificates (登记证书).
 */
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import type { CasesService } from './cases.service.js';
import type { CertificateAction, CertificatesService } from './certificates.service.js';
import type { PublicityService } from './publicity.service.js';
import type { RegimesService } from './regimes.service.js';
import { registrationPolicies as P } from './registration.policy.js';
import {
  presentCertificate,
  presentNotice,
  presentQueryResult,
  presentRegime,
  presentVersion,
} from './registration.presenter.js';
import * as S from './registration.schemas.js';

const tags = ['registration'];

const regimes = defineRoute({
  method: 'get',
  path: '/api/registration/regimes',
  tags,
  operationId: 'listRegistrationRegimes',
  policy: P.readRegimes,
  summary: 'The registration regimes in force (publicity, validity, review steps, checklist)',
  responses: { 200: jsonResponse(S.RegimeListResponse, 'Every regime') },
});
const updateRegime = defineRoute({
  method: 'put',
  path: '/api/registration/regimes/{subjectKind}',
  tags,
  operationId: 'updateRegistrationRegime',
  policy: P.updateRegime,
  summary: 'Change a regime’s settings (exchange admin; recorded with before and after)',
  request: { params: S.SubjectKindParam, ...jsonBody(S.RegimeUpdateRequest) },
  responses: {
    200: jsonResponse(S.RegimeResponse, 'The regime now in force'),
    ...errorResponses(400, 401, 403, 409),
  },
});
const notices = defineRoute({
  method: 'get',
  path: '/api/registration/notices',
  tags,
  operationId: 'listRegistrationNotices',
  policy: P.readPublic,
  summary: 'Public notices: registrations in publicity or objection review',
  request: { query: S.NoticeListQuery },
  responses: { 200: jsonResponse(S.NoticeListResponse, 'A page of notices'), ...errorResponses(400) },
});
const query = defineRoute({
  method: 'get',
  path: '/api/registration/query/{code}',
  tags,
  operationId: 'queryRegistrationResult',
  policy: P.readPublic,
  summary: 'The state of a registration case by its result query code (查询码)',
  request: { params: S.QueryCodeParam },
  responses: { 200: jsonResponse(S.QueryResultResponse, 'The case state'), ...errorResponses(404) },
});
const certificate = defineRoute({
  method: 'get',
  path: '/api/registration/certificates/{number}',
  tags,
  operationId: 'getRegistrationCertificate',
  policy: P.readPublic,
  summary: 'A registration certificate with its verifiable credential and version history',
  request: { params: S.CertificateNumberParam },
  responses: { 200: jsonResponse(S.CertificateResponse, 'The certificate'), ...errorResponses(404) },
});
const history = defineRoute({
  method: 'get',
  path: '/api/registration/subjects/{subjectId}/certificates',
  tags,
  operationId: 'listSubjectCertificates',
  policy: P.readPublic,
  summary: 'Every certificate version of a resource or product, oldest first',
  request: { params: S.SubjectIdParam },
  responses: { 200: jsonResponse(S.CertificateHistoryResponse, 'The versions') },
});

function certificateAction<const N extends string>(
  action: CertificateAction,
  operationId: N,
  summary: string,
) {
  return defineRoute({
    method: 'post',
    path: `/api/registration/certificates/{number}/${action}`,
    tags,
    operationId,
    policy: P.manageCertificate,
    summary,
    request: {
      params: S.CertificateNumberParam,
      body: { content: { 'application/json': { schema: S.CertificateActionRequest } }, required: false },
    },
    responses: {
      200: jsonResponse(S.CertificateResponse, 'The certificate after the change'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}
const certificateActions = [
  certificateAction(
    'suspend',
    'suspendRegistrationCertificate',
    'Suspend a certificate (status list: suspended)',
  ),
  certificateAction('reinstate', 'reinstateRegistrationCertificate', 'Lift a certificate’s suspension'),
  certificateAction(
    'revoke',
    'revokeRegistrationCertificate',
    'Revoke a certificate (final; status list: revoked)',
  ),
] as const;

/** The router of regimes, notices, queries and certificates. */
export function publicRoutes(services: {
  regimes: RegimesService;
  publicity: PublicityService;
  cases: CasesService;
  certificates: CertificatesService;
}) {
  const router = createRouter()
    .openapi(regimes, async (c) => c.json({ items: (await services.regimes.list()).map(presentRegime) }, 200))
    .openapi(updateRegime, async (c) => {
      const view = await services.regimes.update(
        userOf(c.get('principal')),
        c.req.valid('param').subjectKind,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentRegime(view), 200);
    })
    .openapi(notices, async (c) => {
      const page = await services.publicity.notices(c.req.valid('query'));
      return c.json(
        {
          items: page.rows.map((r) => presentNotice(r, page.holderNames.get(r.organizationId) ?? null)),
          nextCursor: page.nextCursor,
          total: page.total,
        },
        200,
      );
    })
    .openapi(query, async (c) =>
      c.json(presentQueryResult(await services.cases.query(c.req.valid('param').code)), 200),
    )
    .openapi(certificate, async (c) => {
      const { cert, versions } = await services.certificates.get(c.req.valid('param').number);
      return c.json(presentCertificate(cert, versions), 200);
    })
    .openapi(history, async (c) =>
      c.json(
        { items: (await services.certificates.history(c.req.valid('param').subjectId)).map(presentVersion) },
        200,
      ),
    );
  for (const route of certificateActions) {
    const action = route.path.split('/').pop() as CertificateAction;
    router.openapi(route, async (c) => {
      const body = c.req.header('content-type')?.includes('json')
        ? await c.req.json<{ reason?: string } | null>()
        : null;
      const { number } = c.req.valid('param');
      await services.certificates.changeStatus(
        userOf(c.get('principal')),
        number,
        action,
        body?.reason ?? null,
        c.get('requestId'),
      );
      const { cert, versions } = await services.certificates.get(number);
      return c.json(presentCertificate(cert, versions), 200);
    });
  }
  return router;
}
