/**
 * Case routes: opening and submitting cases, the reviewer's steps, checklist, assessment,
 * objections, and reading cases.
 */
import { userOf } from '../../platform/http/principal.js';
import {
  createRouter,
  defineRoute,
  errorResponses,
  jsonBody,
  jsonResponse,
} from '../../platform/http/route.js';
import type { CaseQueries } from './case-queries.service.js';
import type { CasesService, ReviewVerb } from './cases.service.js';
import type { PublicityService } from './publicity.service.js';
import { registrationPolicies as P } from './registration.policy.js';
import { presentCase, presentCaseSummary } from './registration.presenter.js';
import * as S from './registration.schemas.js';
import type { ReviewService } from './review.service.js';

const tags = ['registration cases'];
const CASES = '/api/registration/cases';
const caseResponses = {
  200: jsonResponse(S.CaseResponse, 'The case after the action'),
  ...errorResponses(400, 401, 403, 404, 409),
};

const create = defineRoute({
  method: 'post',
  path: CASES,
  tags,
  operationId: 'createRegistrationCase',
  policy: P.applyCase,
  summary: 'Open a registration case (draft) for a resource or product of the caller’s organization',
  request: jsonBody(S.CreateCaseRequest),
  responses: { 201: jsonResponse(S.CaseResponse, 'Opened'), ...errorResponses(400, 401, 404, 409) },
});
const list = defineRoute({
  method: 'get',
  path: CASES,
  tags,
  operationId: 'listRegistrationCases',
  policy: P.readCases,
  summary: 'Cases of the caller’s organizations, or the review queue for exchange staff',
  request: { query: S.CaseListQuery },
  responses: { 200: jsonResponse(S.CaseListResponse, 'A page of cases'), ...errorResponses(400, 401, 403) },
});
const get = defineRoute({
  method: 'get',
  path: `${CASES}/{id}`,
  tags,
  operationId: 'getRegistrationCase',
  policy: P.readCases,
  summary: 'One case with checklist, objections and timeline',
  request: { params: S.CaseIdParam },
  responses: { 200: jsonResponse(S.CaseResponse, 'The case'), ...errorResponses(401, 404) },
});

function applicantRoute<const N extends string>(
  verb: 'submit' | 'resubmit' | 'withdraw',
  operationId: N,
  summary: string,
) {
  return defineRoute({
    method: 'post',
    path: `${CASES}/{id}/${verb}`,
    tags,
    operationId,
    policy: P.applyCase,
    summary,
    request: { params: S.CaseIdParam },
    responses: caseResponses,
  });
}
const applicantRoutes = [
  applicantRoute(
    'submit',
    'submitRegistrationCase',
    'Submit a draft case: snapshots the description and its hash',
  ),
  applicantRoute('resubmit', 'resubmitRegistrationCase', 'Resubmit a case returned for correction'),
  applicantRoute('withdraw', 'withdrawRegistrationCase', 'Withdraw a draft or returned case'),
] as const;

function reviewRoute<const N extends string>(
  verb: ReviewVerb | 'publicity',
  operationId: N,
  summary: string,
  needsReason: boolean,
) {
  return defineRoute({
    method: 'post',
    path: `${CASES}/{id}/${verb}`,
    tags,
    operationId,
    policy: P.review,
    summary,
    request: { params: S.CaseIdParam, ...(needsReason ? jsonBody(S.ReasonRequest) : {}) },
    responses: caseResponses,
  });
}
const reviewRoutes = [
  reviewRoute('accept', 'acceptRegistrationCase', 'Accept a submitted case (受理)', false),
  reviewRoute('formal-review', 'startFormalReview', 'Start the formal review (形式审核)', false),
  reviewRoute(
    'substantive-review',
    'startSubstantiveReview',
    'Start the substantive review (实质审查), when the regime has one',
    false,
  ),
  reviewRoute('return', 'returnRegistrationCase', 'Return for correction with a reason', true),
  reviewRoute('reject', 'rejectRegistrationCase', 'Reject with a reason', true),
] as const;
const startPublicity = reviewRoute(
  'publicity',
  'startPublicity',
  'Start publicity (公示): every checklist item must pass or be not applicable',
  false,
);

const checklist = defineRoute({
  method: 'put',
  path: `${CASES}/{id}/checklist/{key}`,
  tags,
  operationId: 'updateChecklistItem',
  policy: P.review,
  summary: 'Record the verdict, note and evidence of one compliance checklist item',
  request: { params: S.ChecklistItemParam, ...jsonBody(S.ChecklistUpdateRequest) },
  responses: caseResponses,
});
const assessor = defineRoute({
  method: 'post',
  path: `${CASES}/{id}/assessor`,
  tags,
  operationId: 'assignAssessor',
  policy: P.review,
  summary: 'Assign a third-party service body to assess the case',
  request: { params: S.CaseIdParam, ...jsonBody(S.AssessorRequest) },
  responses: caseResponses,
});
const assessment = defineRoute({
  method: 'post',
  path: `${CASES}/{id}/assessment`,
  tags,
  operationId: 'attachAssessment',
  policy: P.attachAssessment,
  summary: 'Attach the assessment report (members of the assigned service body)',
  request: { params: S.CaseIdParam, ...jsonBody(S.AssessmentRequest) },
  responses: caseResponses,
});
const object = defineRoute({
  method: 'post',
  path: `${CASES}/{id}/objections`,
  tags,
  operationId: 'fileObjection',
  policy: P.object,
  summary: 'File an objection (异议) while the case is in publicity; the case pauses for review',
  request: { params: S.CaseIdParam, ...jsonBody(S.ObjectionRequest) },
  responses: {
    201: jsonResponse(S.CaseSummaryResponse, 'Filed; the case is in objection review'),
    ...errorResponses(400, 401, 404, 409),
  },
});
const decide = defineRoute({
  method: 'post',
  path: `${CASES}/{id}/objections/{oid}/decision`,
  tags,
  operationId: 'decideObjection',
  policy: P.decideObjection,
  summary: 'Decide an objection: dismissed resumes publicity, upheld rejects the case',
  request: { params: S.ObjectionParam, ...jsonBody(S.ObjectionDecisionRequest) },
  responses: caseResponses,
});

/** The case router. */
export function casesRoutes(services: {
  cases: CasesService;
  review: ReviewService;
  publicity: PublicityService;
  queries: CaseQueries;
}) {
  const { cases, review, publicity, queries } = services;
  const show = async (principal: Parameters<CaseQueries['get']>[0], id: string) => {
    const { row, ...extra } = await queries.get(principal, id);
    return presentCase(row, extra);
  };
  const router = createRouter()
    .openapi(create, async (c) => {
      const row = await cases.create(userOf(c.get('principal')), c.req.valid('json'), c.get('requestId'));
      return c.json(await show(c.get('principal'), row.id), 201);
    })
    .openapi(list, async (c) => {
      const page = await queries.list(userOf(c.get('principal')), c.req.valid('query'));
      return c.json(
        { items: page.rows.map(presentCaseSummary), nextCursor: page.nextCursor, total: page.total },
        200,
      );
    })
    .openapi(get, async (c) => c.json(await show(c.get('principal'), c.req.valid('param').id), 200))
    .openapi(startPublicity, async (c) => {
      const row = await publicity.start(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.get('requestId'),
      );
      return c.json(await show(c.get('principal'), row.id), 200);
    })
    .openapi(checklist, async (c) => {
      const { id, key } = c.req.valid('param');
      await review.updateItem(userOf(c.get('principal')), id, key, c.req.valid('json'), c.get('requestId'));
      return c.json(await show(c.get('principal'), id), 200);
    })
    .openapi(assessor, async (c) => {
      const { id } = c.req.valid('param');
      await review.assignAssessor(
        userOf(c.get('principal')),
        id,
        c.req.valid('json').organizationId,
        c.get('requestId'),
      );
      return c.json(await show(c.get('principal'), id), 200);
    })
    .openapi(assessment, async (c) => {
      const { id } = c.req.valid('param');
      await review.attachAssessment(
        userOf(c.get('principal')),
        id,
        c.req.valid('json').attachmentIds,
        c.get('requestId'),
      );
      return c.json(await show(c.get('principal'), id), 200);
    })
    .openapi(object, async (c) => {
      const { case: row } = await publicity.object(
        userOf(c.get('principal')),
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(presentCaseSummary(row), 201);
    })
    .openapi(decide, async (c) => {
      const { id, oid } = c.req.valid('param');
      await publicity.decide(userOf(c.get('principal')), id, oid, c.req.valid('json'), c.get('requestId'));
      return c.json(await show(c.get('principal'), id), 200);
    });

  for (const route of applicantRoutes) {
    const verb = route.path.split('/').pop() as 'submit' | 'resubmit' | 'withdraw';
    router.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      await cases.applicantAct(userOf(c.get('principal')), id, verb, c.get('requestId'));
      return c.json(await show(c.get('principal'), id), 200);
    });
  }
  for (const route of reviewRoutes) {
    const verb = route.path.split('/').pop() as ReviewVerb;
    router.openapi(route, async (c) => {
      const { id } = c.req.valid('param');
      const body = verb === 'return' || verb === 'reject' ? await c.req.json<{ reason?: string }>() : {};
      await cases.review(userOf(c.get('principal')), id, verb, body.reason ?? null, c.get('requestId'));
      return c.json(await show(c.get('principal'), id), 200);
    });
  }
  return router;
}
