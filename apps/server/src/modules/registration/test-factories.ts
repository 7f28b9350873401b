/**
 * TEST HELPER — registered organizations, subjects and cases driven through the real API (sign-up,
 * participant registration, `/api/resources`, `/api/products`, `/api/registration/*`), for the
 * registration engine's integration tests and the cross-module flows.
 */
import type { SubjectKind } from '@shuliu/core';
import { applicationBody, signUpUser, type TestUser } from '../../test/factories.js';
import { validProductDescription, validResourceDescription } from '../../test/registry-fixtures.js';
import type { TestNode } from '../../test/test-node.js';

/** A person whose organization is a registered participant. */
export interface Member extends TestUser {
  organizationId: string;
  /** The registered name (the product naming rule's provider segment). */
  organizationName: string;
}

/** Reads JSON or fails with the status and body, so a wrong status names itself. */
export async function expectJson<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Signs up a user and registers their organization as a participant with `roles` (approved by `staff`). */
export async function registeredMember(
  node: TestNode,
  staff: TestUser,
  options: { roles?: string[]; name?: string } = {},
): Promise<Member> {
  const user = await signUpUser(node);
  const roles = options.roles ?? ['provider'];
  const name = options.name ?? `数流测试${Math.random().toString(36).slice(2, 8)}科技有限公司`;
  const app = await expectJson<{ id: string; organizationId: string }>(
    await user.send(
      'POST',
      '/api/participant-applications',
      applicationBody({
        name,
        roles,
        serviceTypes: roles.includes('service') ? ['quality_assessment'] : [],
        merchantSubtypes: roles.includes('merchant') ? ['data_service'] : [],
      }),
    ),
    201,
  );
  const approved = await expectJson<{ name: string }>(
    await staff.send('POST', `/api/participant-applications/${app.id}/approve`),
    200,
  );
  return { ...user, organizationId: app.organizationId, organizationName: approved.name };
}

/** The registry path of a subject kind. */
export const subjectPath = (kind: SubjectKind) => (kind === 'resource' ? '/api/resources' : '/api/products');

/**
 * A complete description that passes the registry's submission checks: for products, named after
 * the member's registered name, deriving from `resourceIds` (none by default).
 */
export function descriptionFor(
  member: Member,
  kind: SubjectKind,
  resourceIds: string[] = [],
): Record<string, unknown> {
  return kind === 'resource'
    ? { ...validResourceDescription() }
    : { ...validProductDescription(member.organizationName, resourceIds) };
}

/** A subject as the registry presents it to its holder. */
export interface SubjectBody {
  id: string;
  organizationId: string;
  status: string;
  version: number;
  contentHash: string | null;
  currentCertificateId: string | null;
  listingStatus?: string;
  description: Record<string, unknown>;
  registeredDescription: Record<string, unknown> | null;
}

/** Creates a draft through `POST /api/resources|products` for `member`'s organization; returns its id. */
export async function draftSubject(
  member: Member,
  kind: SubjectKind,
  description: Record<string, unknown> = descriptionFor(member, kind),
): Promise<string> {
  const created = await expectJson<SubjectBody>(
    await member.send('POST', subjectPath(kind), { organizationId: member.organizationId, description }),
    201,
  );
  return created.id;
}

/** A subject read back through `GET /api/resources|products/{id}`. */
export async function subjectOf(user: TestUser, kind: SubjectKind, id: string): Promise<SubjectBody> {
  return expectJson<SubjectBody>(await user.request(`${subjectPath(kind)}/${id}`), 200);
}

/** Saves a new description (a draft's, or the proposal of a change) at the subject's current version. */
export async function saveDescription(
  member: Member,
  kind: SubjectKind,
  id: string,
  description: Record<string, unknown>,
): Promise<SubjectBody> {
  const { version } = await subjectOf(member, kind, id);
  return expectJson<SubjectBody>(
    await member.send('PUT', `${subjectPath(kind)}/${id}`, { version, description }),
    200,
  );
}

/** A case as the tests read it. */
export interface CaseBody {
  id: string;
  number: string;
  state: string;
  caseType: string;
  version: number;
  queryCode: string;
  contentHash: string;
  publicityEndsAt: string | null;
  publicityRemainingMs: number | null;
  certificateId: string | null;
  assessorOrganizationId: string | null;
  checklist: { key: string; verdict: string; title: { zh: string } }[];
  objections: { id: string; state: string }[];
  timeline: { type: string }[];
}

/** Opens and submits a case; returns it (submitted). */
export async function submittedCase(
  member: Member,
  subjectKind: SubjectKind,
  subjectId: string,
  caseType = 'initial',
  extra: Record<string, unknown> = {},
): Promise<CaseBody> {
  const opened = await expectJson<CaseBody>(
    await member.send('POST', '/api/registration/cases', { subjectKind, subjectId, caseType, ...extra }),
    201,
  );
  return expectJson<CaseBody>(await member.send('POST', `/api/registration/cases/${opened.id}/submit`), 200);
}

/** Tradability passed with every prohibited category excluded. */
export const TRADABILITY_PASS = {
  verdict: 'pass',
  note: '逐项排除',
  answers: {
    national_security: false,
    rights_or_privacy: false,
    unauthorized_enterprise_data: false,
    illegal_channel: false,
    forbidden_by_law_or_contract: false,
  },
};

/** Passes every checklist item (tradability with every prohibited category excluded). */
export async function passChecklist(reviewer: TestUser, c: CaseBody): Promise<CaseBody> {
  let last = c;
  for (const item of c.checklist) {
    const body = item.key === 'tradability' ? TRADABILITY_PASS : { verdict: 'pass', note: '材料齐全' };
    last = await expectJson<CaseBody>(
      await reviewer.send('PUT', `/api/registration/cases/${c.id}/checklist/${item.key}`, body),
      200,
    );
  }
  return last;
}

/** Takes a submitted case through accept, formal (and substantive) review and the checklist. */
export async function reviewed(reviewer: TestUser, c: CaseBody, substantive: boolean): Promise<CaseBody> {
  const post = (verb: string) => reviewer.send('POST', `/api/registration/cases/${c.id}/${verb}`);
  await expectJson(await post('accept'), 200);
  await expectJson(await post('formal-review'), 200);
  const checked = await passChecklist(reviewer, c);
  if (!substantive) return checked;
  return expectJson<CaseBody>(await post('substantive-review'), 200);
}

/** Takes a submitted case through review into publicity. */
export async function toPublicity(reviewer: TestUser, c: CaseBody, substantive: boolean): Promise<CaseBody> {
  await reviewed(reviewer, c, substantive);
  return expectJson<CaseBody>(await reviewer.send('POST', `/api/registration/cases/${c.id}/publicity`), 200);
}
