/**
 * Stable error codes and their messages in zh-CN and en. The server answers with the code and the
 * message in the caller's language; the web app may show its own text for a code. Messages say what
 * to do, not only what went wrong. `{name}` placeholders are filled from the error's details.
 */
export const ERROR_MESSAGES = {
  'http.bad_json': {
    zh: '请求体不是合法的 JSON，请检查格式后重试。',
    en: 'The request body is not valid JSON; check its syntax and retry.',
  },
  'http.validation_failed': {
    zh: '请求内容有误，请按提示修改后重试。',
    en: 'Some fields are invalid; correct them as indicated and retry.',
  },
  'http.payload_too_large': {
    zh: '请求体过大（上限 {limit} 字节），请缩小后重试。',
    en: 'The request body is too large (limit {limit} bytes); send less.',
  },
  'http.not_found': { zh: '请求的地址不存在。', en: 'No such endpoint.' },
  'http.method_not_allowed': { zh: '该地址不支持此请求方法。', en: 'This method is not allowed here.' },
  'http.unsupported_media_type': {
    zh: '请求体类型不受支持，请使用 {expected}。',
    en: 'Unsupported content type; use {expected}.',
  },
  'http.internal': {
    zh: '服务器内部错误，请稍后重试；如持续出现请联系平台运营方并提供请求编号。',
    en: 'Internal error; retry later, and if it persists contact the operator with the request id.',
  },
  'auth.unauthenticated': { zh: '请先登录。', en: 'Please sign in first.' },
  'auth.forbidden': { zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  'auth.csrf_failed': {
    zh: '请求来源校验失败，请刷新页面后重试。',
    en: 'Cross-site request check failed; reload the page and retry.',
  },
  'auth.invalid_credentials': { zh: '邮箱或密码错误。', en: 'Wrong email or password.' },
  'auth.locked': {
    zh: '登录失败次数过多，账号已临时锁定，请在 {minutes} 分钟后重试或重置密码。',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes. Retry later or reset your password.',
  },
  'auth.rate_limited': {
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; slow down and retry shortly.',
  },
  'auth.email_taken': {
    zh: '该邮箱已注册，请直接登录或找回密码。',
    en: 'This email is already registered; sign in or reset your password.',
  },
  'auth.weak_password': {
    zh: '密码至少 10 位，且不能与邮箱相同。',
    en: 'Passwords need at least 10 characters and must differ from the email.',
  },
  'auth.wrong_password': { zh: '当前密码不正确。', en: 'The current password is wrong.' },
  'auth.reset_token_invalid': {
    zh: '重置链接无效或已过期，请重新申请。',
    en: 'The reset link is invalid or expired; request a new one.',
  },
  'auth.token_invalid': {
    zh: 'API 令牌无效、已过期或已撤销。',
    en: 'The API token is invalid, expired or revoked.',
  },
  'auth.token_scope': {
    zh: '该 API 令牌的权限范围不包含此操作（需要 {scope}）。',
    en: 'This API token lacks the scope for this operation (needs {scope}).',
  },
  'accounts.user.not_found': { zh: '用户不存在。', en: 'No such user.' },
  'accounts.token.not_found': { zh: 'API 令牌不存在。', en: 'No such API token.' },
  'accounts.organization.not_found': {
    zh: '组织不存在或您无权查看。',
    en: 'No such organization, or you may not see it.',
  },
  'accounts.membership.exists': { zh: '该用户已是组织成员。', en: 'This user is already a member.' },
  'accounts.membership.last_owner': {
    zh: '组织至少需要保留一名所有者。',
    en: 'An organization must keep at least one owner.',
  },
  'accounts.platform_roles.self_demotion': {
    zh: '不能撤销您自己的交易所管理员角色，请由另一位管理员操作。',
    en: 'You cannot withdraw your own exchange admin role; ask another exchange admin.',
  },
  'accounts.platform_roles.last_admin': {
    zh: '平台至少需要保留一名交易所管理员，请先为他人授予该角色。',
    en: 'The platform must keep at least one exchange admin; grant the role to someone else first.',
  },
  'participants.credit_code.invalid': {
    zh: '统一社会信用代码无效：{problem}。请核对营业执照上的 18 位代码。',
    en: 'Invalid unified social credit code: {problem}. Check the 18-character code on the business licence.',
  },
  'participants.credit_code.taken': {
    zh: '该统一社会信用代码已登记（一主体一登记），请联系该主体的管理员加入组织。',
    en: 'This credit code is already registered (one entity, one registration); ask that organization’s admin to add you.',
  },
  'participants.organization.already_applied': {
    zh: '该组织已有进行中的登记申请或已完成登记，请在原申请中修改。',
    en: 'This organization already has an application in progress or is registered; change that application instead.',
  },
  'participants.division_code.invalid': {
    zh: '行政区划代码无效，请填写 6 位数字代码。',
    en: 'Invalid administrative division code; use the 6-digit code.',
  },
  'participants.commitments.missing': {
    zh: '请确认所申请角色要求的全部承诺：{missing}。',
    en: 'Confirm every commitment the requested roles require: {missing}.',
  },
  'participants.application.not_found': {
    zh: '登记申请不存在或您无权查看。',
    en: 'No such application, or you may not see it.',
  },
  'participants.application.illegal_transition': {
    zh: '当前状态“{from}”下不能执行“{action}”。',
    en: 'Cannot {action} an application that is {from}.',
  },
  'participants.application.reason_required': {
    zh: '驳回或退回时必须填写原因。',
    en: 'A reason is required to reject or return.',
  },
  'participants.participant.not_found': { zh: '参与主体不存在。', en: 'No such participant.' },
  'participants.participant.illegal_transition': {
    zh: '当前状态“{from}”下不能执行“{action}”。',
    en: 'Cannot {action} a participant that is {from}.',
  },
  'participants.attachment.not_found': {
    zh: '附件不存在或您无权查看。',
    en: 'No such attachment, or you may not see it.',
  },
  'participants.attachment.too_large': {
    zh: '附件过大（上限 {limit} 字节）。',
    en: 'The attachment is too large (limit {limit} bytes).',
  },
  'participants.attachment.type_not_allowed': {
    zh: '附件类型不受支持，请上传 PDF、JPG 或 PNG。',
    en: 'Unsupported attachment type; upload PDF, JPG or PNG.',
  },
  'credentials.status_list.not_found': { zh: '状态列表不存在。', en: 'No such status list.' },
  'credentials.status.index_not_issued': {
    zh: '该状态位尚未分配给任何凭证。',
    en: 'This status index was never issued.',
  },
  'credentials.status.purpose_mismatch': {
    zh: '状态列表的用途（撤销/暂停）与请求不符。',
    en: 'The status list serves another purpose (revocation/suspension).',
  },
  'credentials.malformed': { zh: '凭证格式错误，无法解析。', en: 'The credential is malformed.' },
} as const satisfies Record<string, { zh: string; en: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The message for `code` in `lang`, with `{name}` placeholders filled from `details`. */
export function formatErrorMessage(
  code: ErrorCode,
  lang: 'zh' | 'en',
  details?: Record<string, unknown>,
): string {
  const template: string = ERROR_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details?.[name];
    if (value === undefined) return whole;
    if (Array.isArray(value))
      return value
        .map((v) => JSON.stringify(v))
        .join(', ')
        .replaceAll('"', '');
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  });
}
