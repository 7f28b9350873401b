/**
 * `shuliu verify <credential>`: checks a Verifiable Credential JWT issued by a Shuliu node (or any
 * VC-JOSE-COSE issuer using did:web and Ed25519) — signature, issuer, validity period, revocation
 * and suspension — and prints each check. Works offline when given the DID document and status lists.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  CHECK_LABELS,
  createHttpResolvers,
  decodeCredentialJwt,
  describeVerificationReason,
  issuerIdOf,
  VERDICT_LABELS,
  verifyCredentialJwt,
  type CredentialVerification,
  type VerificationCheck,
  type VerifyCredentialOptions,
} from '@shuliu/core';
import { failCommand, reportCommandFailure } from './database.js';

type Lang = 'zh' | 'en';

interface VerifyOptions {
  didDocument?: string;
  statusList?: string[];
  offline?: boolean;
  json?: boolean;
  lang?: string;
}

/** Registers `shuliu verify`. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description(
      'Verify a W3C Verifiable Credential (JWT): signature, issuer, validity, revocation, suspension',
    )
    .argument('<credential>', 'the JWT, or a file holding it (plain, or JSON {"jwt": "…"})')
    .option('--did-document <file>', 'the issuer’s DID document, instead of fetching it from did:web')
    .option('--status-list <file...>', 'status list credential(s) (JWT files), instead of fetching them')
    .option('--offline', 'never use the network; checks needing it fail')
    .option('--json', 'print the full result as JSON')
    .option('--lang <lang>', 'report language: zh or en (default: from LANG, else zh)')
    .action(async (credential: string, options: VerifyOptions) => {
      let result: CredentialVerification;
      try {
        const jwt = await readCredentialArgument(credential);
        const resolvers = await resolversFor(options);
        result = await verifyCredentialJwt(jwt, resolvers);
      } catch (error) {
        return reportCommandFailure('verify', error);
      }
      const lang = languageOf(options.lang, process.env.LC_ALL || process.env.LANG);
      process.stdout.write(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : formatVerificationReport(result, lang),
      );
      if (result.verdict !== 'valid') failCommand(1);
    });
}

/** `--lang` if given, else English only when the locale asks for it (the platform defaults to zh-CN). */
export function languageOf(option: string | undefined, locale: string | undefined): Lang {
  const tag = (option ?? locale ?? '').toLowerCase();
  return tag.startsWith('en') ? 'en' : 'zh';
}

/** The JWT held in a file's text: the text itself, or the `jwt` member of a JSON object. */
export function parseCredentialText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new Error('the file is neither a JWT nor valid JSON');
  }
  const jwt = (value as { jwt?: unknown }).jwt;
  if (typeof jwt !== 'string') throw new Error('the JSON file has no "jwt" string member');
  return jwt.trim();
}

/** The JWT named by the argument: a file path when such a file exists, else the argument itself. */
export async function readCredentialArgument(argument: string): Promise<string> {
  if (existsSync(argument)) return parseCredentialText(await readFile(argument, 'utf8'));
  return argument.trim();
}

/** Status list JWTs keyed by the URL they are published at (their credential `id`). */
export function statusListsById(jwts: string[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const jwt of jwts) {
    const decoded = decodeCredentialJwt(jwt);
    if (!decoded.ok || typeof decoded.value.credential.id !== 'string')
      throw new Error(`not a status list credential (${decoded.ok ? 'no id' : decoded.reason})`);
    byId.set(decoded.value.credential.id, jwt);
  }
  return byId;
}

async function resolversFor(
  options: VerifyOptions,
): Promise<Pick<VerifyCredentialOptions, 'resolveDidDocument' | 'fetchStatusListCredential'>> {
  const http = createHttpResolvers();
  const didDocument: unknown = options.didDocument
    ? JSON.parse(await readFile(options.didDocument, 'utf8'))
    : undefined;
  const lists = statusListsById(
    await Promise.all(
      (options.statusList ?? []).map(async (file) => parseCredentialText(await readFile(file, 'utf8'))),
    ),
  );
  const offline = (what: string) => Promise.reject(new Error(`offline: no ${what} given`));
  return {
    // The verifier checks that the document's id is the issuer, so a wrong file fails visibly.
    resolveDidDocument: (did) =>
      didDocument !== undefined
        ? Promise.resolve(didDocument)
        : options.offline
          ? offline(`DID document for ${did}`)
          : http.resolveDidDocument(did),
    fetchStatusListCredential: (url) => {
      const local = lists.get(url);
      if (local) return Promise.resolve(local);
      return options.offline ? offline(`status list ${url}`) : http.fetchStatusListCredential(url);
    },
  };
}

const MARKS = { pass: '✓', fail: '✗', skip: '–' } as const;

/** The result as a person reads it, one line per check. */
export function formatVerificationReport(result: CredentialVerification, lang: Lang): string {
  const zh = lang === 'zh';
  const lines: string[] = [];
  const verdict = VERDICT_LABELS[result.verdict][lang];
  const why = result.reason ? ` — ${describeVerificationReason(result.reason, lang)}` : '';
  lines.push(
    `${result.verdict === 'valid' ? MARKS.pass : MARKS.fail} ${zh ? '结论' : 'Verdict'}: ${verdict}${why}`,
  );
  const credential = result.credential;
  if (credential) {
    const issuerName =
      typeof credential.issuer === 'object' && typeof credential.issuer.name === 'string'
        ? ` (${credential.issuer.name})`
        : '';
    const types =
      credential.type.filter((t) => t !== 'VerifiableCredential').join(', ') || 'VerifiableCredential';
    lines.push(`  ${zh ? '签发方' : 'Issuer'}: ${issuerIdOf(credential.issuer)}${issuerName}`);
    lines.push(`  ${zh ? '类型' : 'Type'}: ${types}`);
    if (credential.id) lines.push(`  ${zh ? '编号' : 'Id'}: ${credential.id}`);
    lines.push(
      `  ${zh ? '有效期' : 'Valid'}: ${credential.validFrom ?? '…'} — ${credential.validUntil ?? '…'}`,
    );
  }
  lines.push('');
  const { checks } = result;
  const rows: [string, VerificationCheck | null, string][] = [
    [CHECK_LABELS.format[lang], checks.format, ''],
    [CHECK_LABELS.issuer[lang], checks.issuer, ''],
    [CHECK_LABELS.signature[lang], checks.signature, ''],
    [CHECK_LABELS.validity[lang], checks.validity, ''],
    ...checks.status.map((status): [string, VerificationCheck, string] => [
      `${CHECK_LABELS.status[lang]} · ${status.purpose ?? '?'}${status.index === null ? '' : ` #${status.index}`}`,
      status,
      '',
    ]),
  ];
  if (checks.status.length === 0 && checks.format.outcome === 'pass')
    rows.push([
      CHECK_LABELS.status[lang],
      null,
      zh ? '凭证未声明状态列表' : 'the credential declares no status list',
    ]);
  const width = Math.max(...rows.map(([label]) => displayWidth(label))) + 2;
  for (const [label, check, note] of rows) {
    const text = check?.reason ? describeVerificationReason(check.reason, lang) : note;
    const detail = check?.detail ? (text ? ` (${check.detail})` : check.detail) : '';
    const mark = MARKS[check?.outcome ?? 'skip'];
    lines.push(`${mark} ${label}${' '.repeat(width - displayWidth(label))}${text}${detail}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** Columns a terminal gives `text`: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return width;
}
