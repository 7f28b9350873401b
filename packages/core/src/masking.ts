/**
 * Masking (脱敏) of personal information shown in public places. Personal information never leaves
 * the platform unmasked unless the viewer is entitled to it. The per-kind masks and `applyMasking`
 * (which carries out a sample's `ColumnMasking`) work on the kinds `personal-info.ts` detects.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ADDRESS_LEVELS, cutAddressAt, type AddressLevel } from './chinese-address.js';
import type { ColumnMasking, PersonalInfoKind } from './dataset.js';

/** Keeps the first character of a person's name: 张三丰 → 张**. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Keeps the first 3 and last 4 digits of a phone number: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length <= 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keeps the first character of the local part: zhang@example.com → z***@example.com. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return email.charAt(0) + '***' + email.slice(at);
}

/**
 * Keeps `keepStart` characters at the start and `keepEnd` at the end (Unicode code points) and masks the
 * rest. When nothing would be masked, all but the first character are; a single character is masked.
 * @example partialMask('13812345678', 3, 4) // '138****5678'
 */
export function partialMask(value: string, keepStart: number, keepEnd: number, maskChar = '*'): string {
  const chars = Array.from(value);
  const start = toCount(keepStart);
  const end = toCount(keepEnd);
  if (chars.length <= 1) return maskChar.repeat(chars.length);
  if (start + end >= chars.length) return chars.slice(0, 1).join('') + maskChar.repeat(chars.length - 1);
  return (
    chars.slice(0, start).join('') +
    maskChar.repeat(chars.length - start - end) +
    chars.slice(chars.length - end).join('')
  );
}

function toCount(keep: number): number {
  return Number.isFinite(keep) ? Math.max(0, Math.floor(keep)) : 0;
}

/**
 * The usual mask of a kind of personal information, as shown in previews, profiles and samples.
 * @example maskForKind('id_card', '11010519491231002X') // '110***********002X'
 * @example maskForKind('licence_plate', '京A12345') // '京A****5'
 */
export function maskForKind(kind: PersonalInfoKind, value: string): string {
  switch (kind) {
    case 'id_card':
      return partialMask(value, 3, 4);
    case 'mobile':
      return maskPhone(value.replace(/[\s-]/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, ''));
    case 'bank_card':
      return maskDigitsButLast(value, 4);
    case 'email':
      return maskEmail(value);
    case 'credit_code':
      return partialMask(value, 8, 2);
    case 'licence_plate':
      return partialMask(value.replace(/[\s·•]/g, ''), 2, 1);
    case 'address':
      return maskAddress(value);
    case 'person_name':
      return maskPersonName(value);
  }
}

/** Masks every digit but the last `keep`, leaving separators where they are: `6222 0212 …` → `**** **** …`. */
function maskDigitsButLast(value: string, keep: number): string {
  let digitsToMask = value.replace(/\D/g, '').length - keep;
  let masked = '';
  for (const char of value) {
    const isDigit = char >= '0' && char <= '9';
    if (isDigit && digitsToMask > 0) {
      masked += '*';
      digitsToMask--;
    } else {
      masked += char;
    }
  }
  return masked;
}

/** An address cut after its district (or county); when no district, city or province is recognized,
 * the first few characters followed by `***`. */
function maskAddress(address: string): string {
  const cut = cutAddressAt(address, 'district');
  if (cut !== null) return cut;
  const chars = Array.from(address.trim());
  return chars.slice(0, Math.min(6, Math.floor(chars.length / 2))).join('') + '***';
}

/**
 * A keyed hash (HMAC-SHA256 with `salt` as the key) of a value: the same value and salt always give
 * the same output, so hashed columns can still be joined, while without the salt the value cannot be
 * recovered by hashing guesses. 64 bits, hex, prefixed `h:`.
 * @example hashWithSalt('13812345678', 'sample-salt') // 'h:' followed by 16 hex digits
 */
export function hashWithSalt(value: string, salt: string): string {
  return 'h:' + bytesToHex(hmac(sha256, utf8ToBytes(salt), utf8ToBytes(value))).slice(0, 16);
}

const DATE_RE = /^(\d{4})[-/.年](\d{1,2})月?(?:[-/.]?(\d{1,2})日?)?(?:[T\s].*)?$/;
const NUMBER_RE = /^[-+]?\d+(?:\.\d+)?$/;

/**
 * Replaces a value by a coarser one (泛化). Levels: `year` / `month` for dates (`2024-03-05` →
 * `2024` / `2024-03`); a positive number for a bucket of that width (`1234`, `1000` → `1000–2000`);
 * `decade` for ages and years (`34` → `30–40`); `province` / `city` / `district` for addresses;
 * `birth_year` for ID numbers. A value the level does not apply to, or an unknown level, gives `*`.
 * @example generalize('广东省深圳市南山区科技园路1号', 'city') // '广东省深圳市'
 */
export function generalize(value: string | number, level: string): string {
  const text = String(value).trim();
  if (level === 'year' || level === 'month') {
    const date = parseDate(text);
    if (date === null) return '*';
    return level === 'year' ? date.year : `${date.year}-${date.month}`;
  }
  if (level === 'decade') {
    const date = parseDate(text);
    const number = date === null ? parseNumber(value) : Number(date.year);
    return number === null ? '*' : bucketOf(number, 10);
  }
  if (level === 'birth_year') return birthYearOfIdNumber(text) ?? '*';
  if (isAddressLevel(level)) return cutAddressAt(text, level) ?? '*';
  const width = NUMBER_RE.test(level) ? Number(level) : NaN;
  if (width > 0) {
    const number = parseNumber(value);
    return number === null ? '*' : bucketOf(number, width);
  }
  return '*';
}

function parseDate(text: string): { year: string; month: string } | null {
  const match = DATE_RE.exec(text);
  if (match === null) return null;
  const [, year = '', month = ''] = match;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  return { year, month: month.padStart(2, '0') };
}

function parseNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(/,/g, '');
  return NUMBER_RE.test(text) ? Number(text) : null;
}

function bucketOf(number: number, width: number): string {
  const low = Math.floor(number / width) * width;
  // toPrecision trims the float noise of widths like 0.1 (0.30000000000000004 → 0.3).
  const tidy = (n: number): string => String(Number(n.toPrecision(12)));
  return `${tidy(low)}–${tidy(low + width)}`;
}

function birthYearOfIdNumber(text: string): string | null {
  if (/^\d{17}[\dXx]$/.test(text)) return text.slice(6, 10);
  // First-generation (15-digit) numbers carry a two-digit year of the 1900s.
  if (/^\d{15}$/.test(text)) return '19' + text.slice(6, 8);
  return null;
}

function isAddressLevel(level: string): level is AddressLevel {
  return (ADDRESS_LEVELS as readonly string[]).includes(level);
}

/** What `applyMasking` needs besides the column's masking. */
export interface ApplyMaskingOptions {
  /** Key of `hash`: the same per sample (or per buyer), so hashed values join within it. */
  salt: string;
  /** The detected kind, when known: picks the kind's usual mask for `partial` without keep counts. */
  kind?: PersonalInfoKind;
}

/**
 * Applies a column's masking to one value; `null` stays `null`.
 * @example applyMasking('13812345678', { column: 'phone', method: 'partial' }, { salt: 's', kind: 'mobile' }) // '138****5678'
 */
export function applyMasking(
  value: string | number | boolean | null,
  masking: ColumnMasking,
  options: ApplyMaskingOptions,
): string | number | boolean | null {
  if (value === null) return null;
  switch (masking.method) {
    case 'keep':
      return value;
    case 'partial': {
      const text = String(value);
      if (masking.keepStart === undefined && masking.keepEnd === undefined) {
        return options.kind === undefined ? partialMask(text, 1, 1) : maskForKind(options.kind, text);
      }
      return partialMask(text, masking.keepStart ?? 0, masking.keepEnd ?? 0);
    }
    case 'hash':
      return hashWithSalt(String(value), options.salt);
    case 'generalize': {
      const level =
        masking.level ?? (options.kind === undefined ? undefined : defaultMaskingFor(options.kind).level);
      if (level === undefined) return '*';
      return generalize(typeof value === 'boolean' ? String(value) : value, level);
    }
    case 'suppress':
      return null;
  }
}

/**
 * The masking a column of a kind gets unless the provider chooses otherwise: the kind's usual partial
 * mask (no keep counts, so `applyMasking` uses `maskForKind`), addresses generalized to the district,
 * and credit codes kept (they identify organizations and are public on every business licence).
 */
export function defaultMaskingFor(kind: PersonalInfoKind): Omit<ColumnMasking, 'column'> {
  switch (kind) {
    case 'id_card':
    case 'mobile':
    case 'bank_card':
    case 'email':
    case 'licence_plate':
    case 'person_name':
      return { method: 'partial' };
    case 'address':
      return { method: 'generalize', level: 'district' };
    case 'credit_code':
      return { method: 'keep' };
  }
}
