/**
 * Test factories: people and organizations built through the real API, and a small client that
 * keeps cookies and sends the CSRF header like the web app does.
 */
import { randomBytes } from 'node:crypto';
import { completeCreditCode } from '@shuliu/core';
import type { PlatformRole } from '../platform/http/principal.js';
import type { TestNode } from './test-node.js';

/** A signed-in person talking to a test node. */
export interface TestUser {
  id: string;
  email: string;
  password: string;
  cookies: Map<string, string>;
  /** Sends a request with this user's cookies (and CSRF header on unsafe methods). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Sends JSON with `method` and returns the response. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** A unique email for a test. */
export const uniqueEmail = (label = 'user') => `${label}.${randomBytes(4).toString('hex')}@example.cn`;

/** Stores Set-Cookie values from `res` into `cookies` (deleting expired ones). */
export function absorbCookies(cookies: Map<string, string>, res: Response): void {
  for (const header of res.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!value || /max-age=0/i.test(header)) cookies.delete(name);
    else cookies.set(name, value);
  }
}

/** A client bound to a cookie jar. */
export function clientFor(node: TestNode, cookies = new Map<string, string>()) {
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = (init.method ?? 'GET').toUpperCase();
    const csrf = cookies.get('shuliu_csrf');
    if (csrf && !['GET', 'HEAD'].includes(method) && !headers.has('x-csrf-token'))
      headers.set('x-csrf-token', csrf);
    const res = await node.request(path, { ...init, headers });
    absorbCookies(cookies, res);
    return res;
  };
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { cookies, request, send };
}

/** Signs a new user up through the API. Platform roles are granted directly through the service. */
export async function signUpUser(
  node: TestNode,
  options: { email?: string; password?: string; displayName?: string; platformRoles?: PlatformRole[] } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? 'correct horse battery';
  const client = clientFor(node);
  const res = await client.send('POST', '/api/auth/sign-up', {
    email,
    password,
    displayName: options.displayName ?? '测试用户',
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  if (options.platformRoles?.length) {
    await node.platform.built.services.accounts.auth.setPlatformRoles(user.id, options.platformRoles, {
      userId: null,
      requestId: null,
    });
  }
  return { id: user.id, email, password, ...client };
}

/** The error code of a response body. */
export async function errorCodeOf(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code ?? `(no error code; status ${res.status})`;
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh, valid unified social credit code (enterprise, registered in `division`). */
export function randomCreditCode(division = '110108'): string {
  const bytes = randomBytes(9);
  const organization = Array.from(bytes, (b) => CODE_ALPHABET.charAt(b % CODE_ALPHABET.length)).join('');
  return completeCreditCode(`91${division}${organization}`);
}

/** The smallest real PDF a business-licence upload could be. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Uploads `content` as an attachment through the real multipart path; returns its id. */
export async function uploadAttachment(
  user: TestUser,
  content: Uint8Array = TINY_PDF,
  filename = '营业执照.pdf',
): Promise<string> {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(content)], filename, { type: 'application/pdf' }));
  form.set('purpose', 'business_licence');
  const res = await user.request('/api/attachments', { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A complete, valid application body; override any field. */
export function applicationBody(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: randomCreditCode(),
    name: '北京数元科技有限公司',
    entityType: 'enterprise',
    legalRepresentative: '王建国',
    address: '北京市海淀区中关村大街 1 号',
    divisionCode: '110108',
    contact: { name: '李娜', phone: '13812345678', email: 'lina@example.cn' },
    roles: ['provider', 'buyer'],
    merchantSubtypes: [],
    serviceTypes: [],
    commitments: ['data_truthful', 'data_complete', 'data_lawful', 'security_capability'],
    attachmentIds: [],
    ...overrides,
  };
}

/** A registered participant organization and its owner, for tests of what participants do. */
export interface ParticipantOrg {
  owner: TestUser;
  organizationId: string;
  participantId: string;
  /** The registered name (the product naming rule's provider segment must appear in it). */
  name: string;
}

/**
 * Signs a user up, applies for `roles` and has a fresh exchange reviewer approve the application,
 * all through the API: the organization ends up an active registered participant.
 */
export async function registerParticipantOrg(
  node: TestNode,
  roles: ('provider' | 'merchant' | 'buyer' | 'service')[] = ['provider', 'merchant'],
  overrides: Record<string, unknown> = {},
): Promise<ParticipantOrg> {
  const owner = await signUpUser(node);
  const reviewer = await signUpUser(node, { platformRoles: ['exchange_reviewer'] });
  const body = applicationBody({
    roles,
    merchantSubtypes: roles.includes('merchant') ? ['data_service'] : [],
    serviceTypes: roles.includes('service') ? ['quality_assessment'] : [],
    commitments: ['data_truthful', 'data_complete', 'data_lawful', 'security_capability'],
    ...overrides,
  });
  const submitted = await owner.send('POST', '/api/participant-applications', body);
  if (submitted.status !== 201)
    throw new Error(`apply failed: ${submitted.status} ${await submitted.text()}`);
  const app = (await submitted.json()) as { id: string; organizationId: string };
  const approved = await reviewer.send('POST', `/api/participant-applications/${app.id}/approve`, {});
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status} ${await approved.text()}`);
  const after = (await approved.json()) as { participantId: string | null; name: string };
  if (!after.participantId) throw new Error('approval registered no participant');
  return { owner, organizationId: app.organizationId, participantId: after.participantId, name: after.name };
}
