/**
 * People-facing text for verification results in zh-CN and en, shared by the CLI and the web app's
 * verification page so both explain a failure the same way.
 */
import type { CredentialVerification, Verdict, VerificationReason } from './verification.js';

type Text = { zh: string; en: string };

/** Names of the checks. */
export const CHECK_LABELS: Record<keyof CredentialVerification['checks'], Text> = {
  format: { zh: '格式', en: 'Format' },
  issuer: { zh: '签发方', en: 'Issuer' },
  signature: { zh: '签名', en: 'Signature' },
  validity: { zh: '有效期', en: 'Validity period' },
  status: { zh: '状态', en: 'Status' },
};

/** The verdicts. */
export const VERDICT_LABELS: Record<Verdict, Text> = {
  valid: { zh: '有效', en: 'Valid' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  expired: { zh: '已过期', en: 'Expired' },
  invalid: { zh: '无效', en: 'Invalid' },
};

const REASONS: Record<VerificationReason, Text> = {
  not_a_jwt: {
    zh: '不是 JWT（应为以“.”分隔的三段 base64url）',
    en: 'Not a JWT (expected three base64url parts separated by ".")',
  },
  bad_header: {
    zh: 'JWT 头部无法解析或含不支持的扩展',
    en: 'The JWT header is unreadable or uses unsupported extensions',
  },
  unsupported_algorithm: {
    zh: '签名算法不受支持（仅接受 EdDSA/Ed25519）',
    en: 'Unsupported signature algorithm (only EdDSA/Ed25519)',
  },
  wrong_media_type: { zh: 'JWT 类型（typ）不是 vc+jwt', en: 'The JWT type (typ) is not vc+jwt' },
  missing_kid: { zh: '缺少签名密钥标识（kid）', en: 'The signing key id (kid) is missing' },
  bad_payload: { zh: '凭证内容不是 JSON 对象', en: 'The credential is not a JSON object' },
  bad_context: { zh: '@context 不是 W3C VC 2.0', en: '@context is not W3C VC 2.0' },
  bad_type: { zh: 'type 未包含 VerifiableCredential', en: 'type does not include VerifiableCredential' },
  bad_issuer: { zh: '缺少签发方（issuer）', en: 'The issuer is missing' },
  bad_subject: { zh: '缺少凭证主体（credentialSubject）', en: 'credentialSubject is missing' },
  bad_date: { zh: '日期格式错误', en: 'A date is malformed' },
  did_unresolvable: { zh: '无法获取签发方的 DID 文档', en: 'The issuer’s DID document could not be fetched' },
  did_document_mismatch: {
    zh: 'DID 文档与签发方不一致',
    en: 'The DID document does not belong to the issuer',
  },
  kid_not_issuer: { zh: '签名密钥不属于签发方', en: 'The signing key does not belong to the issuer' },
  issuer_mismatch: { zh: 'iss 与 issuer 不一致', en: 'iss and issuer differ' },
  unknown_key: {
    zh: '签发方的 DID 文档中没有该签名密钥',
    en: 'The issuer’s DID document does not list the signing key',
  },
  not_assertion_method: {
    zh: '该密钥未被授权签发凭证（assertionMethod）',
    en: 'The key may not issue credentials (assertionMethod)',
  },
  unsupported_key: { zh: '签名密钥类型不受支持', en: 'Unsupported signing key type' },
  bad_signature: {
    zh: '签名不正确：凭证被篡改或不是该密钥签发',
    en: 'Bad signature: the credential was altered or signed by another key',
  },
  not_yet_valid: { zh: '凭证尚未生效', en: 'The credential is not yet valid' },
  expired: { zh: '凭证已过期', en: 'The credential has expired' },
  bad_status_entry: { zh: '状态条目格式错误', en: 'A status entry is malformed' },
  unsupported_status_type: { zh: '状态条目类型不受支持', en: 'Unsupported status entry type' },
  unsupported_status_size: { zh: '状态位宽不受支持', en: 'Unsupported status size' },
  unsupported_status_purpose: {
    zh: '状态用途不影响有效性，未检查',
    en: 'Status purpose does not affect validity; not checked',
  },
  status_list_unavailable: { zh: '无法获取状态列表', en: 'The status list could not be fetched' },
  status_list_invalid: { zh: '状态列表凭证无效', en: 'The status list credential is invalid' },
  status_list_issuer_mismatch: {
    zh: '状态列表不是同一签发方签发',
    en: 'The status list has a different issuer',
  },
  status_purpose_mismatch: {
    zh: '状态列表用途与条目不符',
    en: 'The status list’s purpose differs from the entry’s',
  },
  index_out_of_range: { zh: '状态索引超出列表长度', en: 'The status index is beyond the list' },
  revoked: { zh: '凭证已被撤销', en: 'The credential has been revoked' },
  suspended: { zh: '凭证已被暂停', en: 'The credential is suspended' },
  verifier_error: { zh: '验证程序出错，无法得出结论', en: 'The verifier failed; no conclusion' },
  not_checked: { zh: '因前序检查失败未检查', en: 'Not checked because an earlier check failed' },
};

/** The zh or en text for a verification reason code. */
export function describeVerificationReason(reason: VerificationReason, lang: 'zh' | 'en'): string {
  return REASONS[reason][lang];
}
