/**
 * Personal-information (个人信息) detection: validators for Chinese identifiers (ID numbers, mobile
 * numbers, bank cards, licence plates, ...), heuristics for names and addresses, and `detectColumn`,
 * which decides from a column's name and values which kinds it holds. Pure: runs in the browser and
 * in Node. Masking of what is found lives in `masking.ts`.
 */
import { COMMON_SURNAMES, COMPOUND_SURNAMES } from './chinese-surnames.js';
import { isValidCreditCode } from './credit-code.js';
import { isPersonalKind, PERSONAL_INFO_KINDS } from './dataset.js';
import type { PersonalInfoFinding, PersonalInfoKind } from './dataset.js';
import { maskForKind } from './masking.js';

/** How one kind is recognized, in memory (`matches`, `valid`) and in DuckDB (`sqlPattern`). */
export interface PersonalInfoDetector {
  /** The value has the kind's shape (a trimmed value). */
  matches(value: string): boolean;
  /** The value's check digit is right; only kinds that have one (id_card, bank_card, credit_code). */
  valid?(value: string): boolean;
  /** A column name that suggests the kind. */
  nameHint: RegExp;
  /** An RE2 pattern for `regexp_full_match(col, pattern)`, a cheap pre-filter; null when none is sensible. */
  sqlPattern: string | null;
}

// Each shape is written once, as RE2 that is also valid JavaScript, so the SQL pre-filter and the
// in-memory test agree.
const ID_CARD_SHAPE =
  '(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3]|91)\\d{4}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]';
const MOBILE_SHAPE = '(?:(?:\\+|00)?86[ -]?)?1[3-9]\\d(?:[ -]?\\d){8}';
const BANK_CARD_SHAPE = '\\d(?:[ -]?\\d){12,18}';
const EMAIL_SHAPE = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
const CREDIT_CODE_SHAPE = '[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}';
const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_CHAR = '[A-HJ-NP-Z0-9]';
const LICENCE_PLATE_SHAPE =
  `[${PLATE_PROVINCES}][A-HJ-NP-Z][ ·•]?` +
  `(?:${PLATE_CHAR}{5}|[DF]${PLATE_CHAR}\\d{4}|\\d{5}[DF]|${PLATE_CHAR}{4}[使领警学挂港澳])`;

const anchored = (shape: string): string => `^(?:${shape})$`;
const ID_CARD_RE = new RegExp(anchored(ID_CARD_SHAPE));
const MOBILE_RE = new RegExp(anchored(MOBILE_SHAPE));
const BANK_CARD_RE = new RegExp(anchored(BANK_CARD_SHAPE));
const EMAIL_RE = new RegExp(anchored(EMAIL_SHAPE));
const CREDIT_CODE_RE = new RegExp(anchored(CREDIT_CODE_SHAPE));
const LICENCE_PLATE_RE = new RegExp(anchored(LICENCE_PLATE_SHAPE));
const SEPARATORS_RE = /[\s-]/g;

/** Province-level prefixes GB 11643 allows in the first two digits of an ID number. */
const ID_PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'.split(
    ' ',
  ),
);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARACTERS = '10X98765432';

/**
 * True for an 18-character resident ID number (GB 11643): known province prefix, a real birth date
 * between 1900 and today, and the right ISO 7064 MOD 11-2 check character (a lower-case x is accepted).
 * @example isChineseIdNumber('11010519491231002X') // true
 */
export function isChineseIdNumber(value: string): boolean {
  if (!/^\d{17}[0-9Xx]$/.test(value)) return false;
  if (!ID_PROVINCE_CODES.has(value.slice(0, 2))) return false;
  if (
    !isPastBirthDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)))
  ) {
    return false;
  }
  return idCheckCharacter(value.slice(0, 17)) === value.charAt(17).toUpperCase();
}

/**
 * The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident ID number.
 * @example '11010519491231002' + idCheckCharacter('11010519491231002') // '11010519491231002X'
 */
export function idCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARACTERS.charAt(sum % 11);
}

function isPastBirthDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > daysInMonth) return false;
  const now = new Date();
  const today = now.getFullYear() * 10_000 + (now.getMonth() + 1) * 100 + now.getDate();
  return year * 10_000 + month * 100 + day <= today;
}

/**
 * True when a string of digits passes the Luhn check (bank cards). Anything but digits fails.
 * @example luhnValid('4111111111111111') // true
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * True for a 13–19 digit card number (spaces or dashes between digits allowed) that passes Luhn.
 * @example isBankCardNumber('4111 1111 1111 1111') // true
 */
export function isBankCardNumber(value: string): boolean {
  return BANK_CARD_RE.test(value) && luhnValid(value.replace(SEPARATORS_RE, ''));
}

/**
 * True for a mainland mobile number, optionally with +86 / 0086 / 86 and spaces or dashes.
 * @example isMobileNumber('+86 138-1234-5678') // true
 */
export function isMobileNumber(value: string): boolean {
  return MOBILE_RE.test(value);
}

/**
 * True for an ordinary e-mail address (ASCII local part and domain, a top-level domain of letters).
 * @example isEmail('zhang.san@example.com.cn') // true
 */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_RE.test(value);
}

/**
 * True for a mainland licence plate: ordinary (京A12345), new-energy (粤BD12345, 粤B12345D) or with a
 * 使/领/警/学/挂/港/澳 suffix; a space or `·` after the issuing letter is allowed.
 * @example isLicencePlate('京A·12345') // true
 */
export function isLicencePlate(value: string): boolean {
  return LICENCE_PLATE_RE.test(value);
}

const ADDRESS_REGION_RE = /省|市|区|县|自治区|镇|乡|街道/;
const ADDRESS_STREET_RE = /路|街|道|巷|号|村|弄|栋|室|大厦/;

/**
 * Heuristic: 6–80 characters naming both an administrative area (省, 市, 区, 县, 镇, 乡, 街道) and a
 * street-level place (路, 街, 巷, 号, 村, 弄, 栋, 室, 大厦).
 * @example looksLikeAddress('北京市朝阳区建国路88号') // true
 */
export function looksLikeAddress(value: string): boolean {
  const length = codePointLength(value);
  return length >= 6 && length <= 80 && ADDRESS_REGION_RE.test(value) && ADDRESS_STREET_RE.test(value);
}

const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const HAN_NAME_RE = new RegExp(`^${HAN}{2,4}$`);
// Transliterated names of minorities and foreigners: 阿卜杜拉·买买提.
const DOTTED_NAME_RE = new RegExp(`^${HAN}+(?:[·•・．.]${HAN}+){1,3}$`);
const DOTTED_NAME_SEPARATORS_RE = /[·•・．.]/g;
// Words that start with a surname character but name an organization, a place, a total or nothing.
const NOT_A_NAME_RE =
  /公司|有限|集团|银行|大学|学院|中学|小学|医院|合计|小计|总计|其他|其它|未知|不详|暂无|北京|上海|天津|重庆|广州|深圳|金额|时间|日期|全部|安全|成本|方法|方式|原因|应用|国家|平均|明细|文件|高级|程序|周期|周末|黄金|石油|万元|省|市|区|县|镇|乡|路|街/;

/**
 * Heuristic: 2–4 Han characters starting with a common surname (or compound surname), or a
 * ·-separated transliterated name of up to 10 characters; not a common non-name word.
 * @example looksLikePersonName('欧阳娜娜') // true
 * @example looksLikePersonName('有限公司') // false
 */
export function looksLikePersonName(value: string): boolean {
  if (NOT_A_NAME_RE.test(value)) return false;
  if (HAN_NAME_RE.test(value)) {
    return (
      COMMON_SURNAMES.has(value.charAt(0)) || (value.length > 2 && COMPOUND_SURNAMES.has(value.slice(0, 2)))
    );
  }
  return DOTTED_NAME_RE.test(value) && value.replace(DOTTED_NAME_SEPARATORS_RE, '').length <= 10;
}

function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** How each kind is recognized. Column-name hints are deliberately loose: they only lower the bar. */
export const PERSONAL_INFO_DETECTORS: Readonly<Record<PersonalInfoKind, PersonalInfoDetector>> = {
  id_card: {
    matches: (value) => ID_CARD_RE.test(value),
    valid: isChineseIdNumber,
    nameHint: /身份证|证件号|(?:^|[^a-z])id_?(?:card|no|num|number)(?:[^a-z]|$)|sfz/i,
    sqlPattern: anchored(ID_CARD_SHAPE),
  },
  mobile: {
    matches: isMobileNumber,
    nameHint: /手机|电话|联系方式|mobile|phone|(?:^|[^a-z])tel(?:[^a-z]|$|ephone)/i,
    sqlPattern: anchored(MOBILE_SHAPE),
  },
  bank_card: {
    matches: (value) => BANK_CARD_RE.test(value),
    valid: (value) => luhnValid(value.replace(SEPARATORS_RE, '')),
    nameHint: /银行卡|卡号|账号|账户|bank|(?<!id_?)card|acct|account/i,
    sqlPattern: anchored(BANK_CARD_SHAPE),
  },
  email: {
    matches: isEmail,
    nameHint: /邮箱|邮件|email|e-mail|mail/i,
    sqlPattern: anchored(EMAIL_SHAPE),
  },
  credit_code: {
    matches: (value) => CREDIT_CODE_RE.test(value),
    valid: isValidCreditCode,
    nameHint: /信用代码|统一社会|credit|uscc/i,
    sqlPattern: anchored(CREDIT_CODE_SHAPE),
  },
  licence_plate: {
    matches: isLicencePlate,
    nameHint: /车牌|号牌|plate/i,
    sqlPattern: anchored(LICENCE_PLATE_SHAPE),
  },
  address: {
    matches: looksLikeAddress,
    nameHint: /地址|住址|居住地|address|addr/i,
    sqlPattern: null,
  },
  person_name: {
    matches: looksLikePersonName,
    nameHint:
      /姓名|名字|联系人|法人|负责人|^(?:full|real|user|person|contact|customer|owner|first|last|given|family)?[_\s-]?name$/i,
    sqlPattern: null,
  },
};

/** Options of `detectColumn`. */
export interface DetectColumnOptions {
  /** The values are the whole column rather than a sample (recorded on the findings). */
  fullScan?: boolean;
}

/** Share of values that must match for a kind to be reported from its values alone. */
const MATCH_RATE = 0.3;
/** Share that suffices when the column's name hints the kind, or when check digits confirm it. */
const HINTED_MATCH_RATE = 0.05;
/** Luhn share a column named as cards needs (random digits pass 10% of the time). */
const HINTED_CARD_VALID_RATE = 0.5;
/** Share of matches that must pass the check digit to count as confirmation. */
const CONFIRMING_VALID_RATE = 0.9;
const MAX_EXAMPLES = 5;

interface Tally {
  matches: number;
  valid: number;
  examples: Set<string>;
  /** Distinct matching values, counted up to NAME_VARIETY. */
  distinct: Set<string>;
}

/**
 * Matching values a column must show before it is called a name column without a name hint: city,
 * brand or category columns (武汉, 成都, 高新区…) often start with a surname character but repeat
 * a handful of values, while names vary.
 */
const NAME_VARIETY = 20;

/**
 * Finds the kinds of personal information a column holds, judging by its name and its values
 * (`null`, blank and surrounding whitespace are ignored). A kind is reported when at least 30% of the
 * values match it; or 5% when the column's name suggests it; or, for ID numbers, bank cards and mobile
 * numbers, 5% when at least 90% of the matches pass the check digit (mobile numbers have none; their
 * shape is specific enough). Bank cards are only reported when 90% of the matches pass Luhn, since a
 * tenth of any random digits do — or 50% when the column's name says they are cards. Names need a name hint
 * or at least 20 different matching values (a city column repeats a few surname-initial words). Findings are sorted by match rate, highest first; examples are masked.
 * @example detectColumn('手机号', ['13812345678', null]) // [{ kind: 'mobile', matchRate: 1, examples: ['138****5678'], ... }]
 */
export function detectColumn(
  columnName: string,
  values: readonly (string | null)[],
  options: DetectColumnOptions = {},
): PersonalInfoFinding[] {
  const tallies = new Map<PersonalInfoKind, Tally>();
  let examined = 0;
  for (const raw of values) {
    if (raw === null) continue;
    const value = raw.trim();
    if (value === '') continue;
    examined++;
    for (const kind of kindsOf(value)) {
      let tally = tallies.get(kind);
      if (tally === undefined) {
        tally = { matches: 0, valid: 0, examples: new Set(), distinct: new Set() };
        tallies.set(kind, tally);
      }
      tally.matches++;
      if (PERSONAL_INFO_DETECTORS[kind].valid?.(value) === true) tally.valid++;
      if (tally.examples.size < MAX_EXAMPLES) tally.examples.add(value);
      if (tally.distinct.size < NAME_VARIETY) tally.distinct.add(value);
    }
  }

  const findings: PersonalInfoFinding[] = [];
  for (const kind of PERSONAL_INFO_KINDS) {
    const tally = tallies.get(kind);
    if (tally === undefined) continue;
    const detector = PERSONAL_INFO_DETECTORS[kind];
    const matchRate = tally.matches / examined;
    const validRate = detector.valid === undefined ? undefined : tally.valid / tally.matches;
    const nameHint = detector.nameHint.test(columnName);
    if (!isReported(kind, matchRate, validRate, nameHint)) continue;
    if (kind === 'person_name' && !nameHint && tally.distinct.size < NAME_VARIETY) continue;
    findings.push({
      column: columnName,
      kind,
      matchRate,
      ...(validRate === undefined ? {} : { validRate }),
      examined,
      fullScan: options.fullScan ?? false,
      examples: [...tally.examples].map((example) => maskForKind(kind, example)),
      nameHint,
    });
  }
  return findings.sort((a, b) => b.matchRate - a.matchRate);
}

function isReported(
  kind: PersonalInfoKind,
  matchRate: number,
  validRate: number | undefined,
  nameHint: boolean,
): boolean {
  const confirmed = validRate === undefined || validRate >= CONFIRMING_VALID_RATE;
  // A column named as card numbers holds card numbers even when many fail Luhn (that is an accuracy
  // problem, scored elsewhere); without the name, Luhn is the only evidence.
  if (kind === 'bank_card' && !confirmed && !(nameHint && (validRate ?? 0) >= HINTED_CARD_VALID_RATE))
    return false;
  if (matchRate >= MATCH_RATE) return true;
  if (matchRate < HINTED_MATCH_RATE) return false;
  if (nameHint) return true;
  return (kind === 'id_card' || kind === 'bank_card' || kind === 'mobile') && confirmed;
}

/**
 * The kinds one value counts towards. Identifier shapes overlap (an 18-digit string has the shape of an
 * ID number, a credit code and a bank card; `8613812345678` of a mobile and a card), so each value
 * counts towards the most specific one: a mobile is never a card; an ID-number shape wins over a card
 * and over a credit code unless only the credit code's check character is right; an 18-digit string
 * whose credit-code check character is right is a credit code (a random one passes that check one
 * time in 31, Luhn one time in 10, so a card column loses few values and a column of all-digit credit
 * codes does not turn into bank cards).
 */
function kindsOf(value: string): PersonalInfoKind[] {
  const kinds: PersonalInfoKind[] = [];
  const isMobile = isMobileNumber(value);
  const isIdShape = ID_CARD_RE.test(value);
  const isCreditShape = CREDIT_CODE_RE.test(value);
  const isCardShape = !isMobile && !isIdShape && BANK_CARD_RE.test(value);
  if (isMobile) kinds.push('mobile');
  if (isIdShape) {
    const isCredit = isCreditShape && !isChineseIdNumber(value) && isValidCreditCode(value);
    kinds.push(isCredit ? 'credit_code' : 'id_card');
  } else if (isCardShape && isCreditShape) {
    kinds.push(isValidCreditCode(value) ? 'credit_code' : 'bank_card');
  } else if (isCardShape) {
    kinds.push('bank_card');
  } else if (isCreditShape) {
    kinds.push('credit_code');
  }
  // The remaining kinds do not overlap with the identifiers or with each other.
  if (isEmail(value)) kinds.push('email');
  if (isLicencePlate(value)) kinds.push('licence_plate');
  if (looksLikeAddress(value)) kinds.push('address');
  if (looksLikePersonName(value)) kinds.push('person_name');
  return kinds;
}

/**
 * The columns of the findings whose kind is personal (every kind but credit codes), each once, in order:
 * the columns that must be masked before their values are shown.
 */
export function containsUnmaskedPersonalInfo(findings: readonly PersonalInfoFinding[]): string[] {
  const columns = new Set<string>();
  for (const finding of findings) if (isPersonalKind(finding.kind)) columns.add(finding.column);
  return [...columns];
}
