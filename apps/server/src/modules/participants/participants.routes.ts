/**
 * Participants routes: applications (applicant and reviewer) and the public directory.
 */
import type { ApplicationAction, ParticipantAction } from '@shuliu/core';
import type { z } from '@hono/zod-openapi';
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import type { Policy } from '../../platform/http/policy.js';
import type { ApplicationsService } from './applications.service.js';
import { participantsPolicies as P } from './participants.policy.js';
import {
  presentApplication,
  presentApplicationSummary,
  presentParticipant,
  presentParticipantDetail,
} from './participants.presenter.js';
import * as S from './participants.schemas.js';
import type { ParticipantsService } from './participants.service.js';

const appTags = ['participant applications'];
const dirTags = ['participants'];

const submit = defineRoute({
  method: 'post',
  path: '/api/participant-applications',
  tags: appTags,
  operationId: 'submitApplication',
  policy: P.apply,
  summary: 'Apply to register a legal entity as a participant (一主体一登记)',
  request: jsonBody(S.ApplicationRequest),
  responses: { 201: jsonResponse(S.ApplicationResponse, 'Submitted'), ...errorResponses(400, 401, 404, 409) },
});
const list = defineRoute({
  method: 'get',
  path: '/api/participant-applications',
  tags: appTags,
  operationId: 'listApplications',
  policy: P.readApplications,
  summary: 'The caller’s applications, or the review queue for exchange staff',
  request: { query: S.ApplicationListQuery },
  responses: {
    200: jsonResponse(S.ApplicationListResponse, 'A page of applications'),
    ...errorResponses(400, 401, 403),
  },
});
const get = defineRoute({
  method: 'get',
  path: '/api/participant-applications/{id}',
  tags: appTags,
  operationId: 'getApplication',
  policy: P.readApplications,
  summary: 'One application with its attachments and timeline',
  request: { params: S.ApplicationIdParam },
  responses: { 200: jsonResponse(S.ApplicationResponse, 'The application'), ...errorResponses(401, 404) },
});
const correct = defineRoute({
  method: 'put',
  path: '/api/participant-applications/{id}',
  tags: appTags,
  operationId: 'correctApplication',
  policy: P.changeOwnApplication,
  summary: 'Correct an application returned for correction',
  request: { params: S.ApplicationIdParam, ...jsonBody(S.ApplicationRequest) },
  responses: {
    200: jsonResponse(S.ApplicationResponse, 'Corrected'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

function actionRoute<const N extends string>(
  action: ApplicationAction,
  operationId: N,
  summary: string,
  policy: Policy,
  request: 'reason' | 'note' | 'none',
) {
  return defineRoute({
    method: 'post',
    path: `/api/participant-applications/{id}/${action}`,
    tags: appTags,
    operationId,
    policy,
    summary,
    request: {
      params: S.ApplicationIdParam,
      ...(request === 'reason'
        ? jsonBody(S.ReasonRequest)
        : request === 'note'
          ? { body: { content: { 'application/json': { schema: S.NoteRequest } }, required: false } }
          : {}),
    },
    responses: {
      200: jsonResponse(S.ApplicationResponse, 'The application after the action'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}

const actions = [
  actionRoute(
    'resubmit',
    'resubmitApplication',
    'Resubmit a corrected application',
    P.changeOwnApplication,
    'none',
  ),
  actionRoute('withdraw', 'withdrawApplication', 'Withdraw an application', P.changeOwnApplication, 'none'),
  actionRoute(
    'approve',
    'approveApplication',
    'Approve: registers the participant and issues its credential',
    P.review,
    'note',
  ),
  actionRoute('reject', 'rejectApplication', 'Reject with a reason', P.review, 'reason'),
  actionRoute('return', 'returnApplication', 'Return for correction with a reason', P.review, 'reason'),
] as const;

const directory = defineRoute({
  method: 'get',
  path: '/api/participants',
  tags: dirTags,
  operationId: 'listParticipants',
  policy: P.readDirectory,
  summary: 'Public directory of registered participants (personal information masked)',
  request: { query: S.ParticipantListQuery },
  responses: {
    200: jsonResponse(S.ParticipantListResponse, 'A page of participants'),
    ...errorResponses(400),
  },
});
const participant = defineRoute({
  method: 'get',
  path: '/api/participants/{id}',
  tags: dirTags,
  operationId: 'getParticipant',
  policy: P.readDirectory,
  summary: 'A registered participant with its verifiable credential',
  request: { params: S.ParticipantIdParam },
  responses: { 200: jsonResponse(S.ParticipantDetailResponse, 'The participant'), ...errorResponses(404) },
});

function statusRoute<const N extends string>(
  action: ParticipantAction,
  operationId: N,
  summary: string,
  policy: Policy,
  needsReason: boolean,
) {
  return defineRoute({
    method: 'post',
    path: `/api/participants/{id}/${action}`,
    tags: dirTags,
    operationId,
    policy,
    summary,
    request: {
      params: S.ParticipantIdParam,
      ...(needsReason ? jsonBody(S.ReasonRequest) : {}),
    },
    responses: {
      200: jsonResponse(S.ParticipantDetailResponse, 'The participant after the change'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  });
}
const statusActions = [
  statusRoute(
    'suspend',
    'suspendParticipant',
    'Suspend a participant (its credential shows as suspended)',
    P.suspend,
    true,
  ),
  statusRoute('reinstate', 'reinstateParticipant', 'Lift a suspension', P.suspend, false),
  statusRoute(
    'revoke',
    'revokeParticipant',
    'Revoke a participant’s registration and credential (final)',
    P.revoke,
    true,
  ),
] as const;

type ReasonBody = z.infer<typeof S.ReasonRequest>;
type NoteBody = z.infer<typeof S.NoteRequest>;

/** Reads `reason` or `note` from an optional JSON body. */
async function noteOf(
  req: { json(): Promise<unknown> },
  contentType: string | undefined,
): Promise<string | null> {
  if (!contentType?.includes('json')) return null;
  const parsed = (await req.json()) as Partial<ReasonBody & NoteBody> | null;
  return parsed?.reason ?? parsed?.note ?? null;
}

/** The participants router. */
export function participantsRoutes(applications: ApplicationsService, participants: ParticipantsService) {
  const router = createRouter()
    .openapi(submit, async (c) => {
      const row = await applications.submit(
        userOf(c.get('principal')),
        c.req.valid('json'),
        c.get('requestId'),
      );
      const { history, files } = await applications.get(c.get('principal'), row.id);
      return c.json(presentApplication(row, files, history), 201);
    })
    .openapi(list, async (c) => {
      const page = await applications.list(userOf(c.get('principal')), c.req.valid('query'));
      return c.json(
        { items: page.rows.map(presentApplicationSummary), nextCursor: page.nextCursor, total: page.total },
        200,
      );
    })
    .openapi(get, async (c) => {
      const { row, history, files } = await applications.get(c.get('principal'), c.req.valid('param').id);
      return c.json(presentApplication(row, files, history), 200);
    })
    .openapi(correct, async (c) => {
      const row = await applications.correct(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      );
      const { history, files } = await applications.get(c.get('principal'), row.id);
      return c.json(presentApplication(row, files, history), 200);
    })
    .openapi(directory, async (c) => {
      const page = await participants.list(c.req.valid('query'));
      return c.json(
        { items: page.rows.map(presentParticipant), nextCursor: page.nextCursor, total: page.total },
        200,
      );
    })
    .openapi(participant, async (c) =>
      c.json(presentParticipantDetail(await participants.get(c.req.valid('param').id)), 200),
    );

  for (const route of actions) {
    const action = route.path.split('/').pop() as ApplicationAction;
    router.openapi(route, async (c) => {
      const principal = userOf(c.get('principal'));
      const note = await noteOf(c.req, c.req.header('content-type'));
      const row = await applications.act(
        principal,
        c.req.valid('param').id,
        action,
        note,
        c.get('requestId'),
      );
      const { history, files } = await applications.get(principal, row.id);
      return c.json(presentApplication(row, files, history), 200);
    });
  }
  for (const route of statusActions) {
    const action = route.path.split('/').pop() as ParticipantAction;
    router.openapi(route, async (c) => {
      const reason = await noteOf(c.req, c.req.header('content-type'));
      const row = await participants.changeStatus(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        action,
        reason,
        c.get('requestId'),
      );
      return c.json(presentParticipantDetail(row), 200);
    });
  }
  return router;
}
