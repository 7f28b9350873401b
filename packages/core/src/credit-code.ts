/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), entity category (1), administrative division (6),
 * organization code (9), check character (1). The alphabet has 31 characters: digits and the
 * capital letters except I, O, Z, S, V.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Why a string is not a valid credit code, or null when it is. */
export type CreditCodeProblem = 'length' | 'characters' | 'check_character';

/** Computes the GB 32100 check character for the first 17 characters of a code. */
export function computeCreditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`character ${first17.charAt(i)} is not allowed`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
}

/**
 * Tells why `code` is not a valid unified social credit code, or returns null when it is valid.
 * @example findCreditCodeProblem('91350100M000100Y43') // null
 */
export function findCreditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return computeCreditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check_character';
}

/** True when `code` is a well-formed credit code whose check character is right. */
export function isValidCreditCode(code: string): boolean {
  return findCreditCodeProblem(code) === null;
}

/** Normalizes user input: trims, removes inner spaces and upper-cases. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The 6-digit administrative division code embedded in a credit code (positions 3–8). */
export function divisionOfCreditCode(code: string): string {
  return code.slice(2, 8);
}

/** Builds a valid code from 17 characters by appending the check character (demo data, tests). */
export function completeCreditCode(first17: string): string {
  return first17 + computeCreditCodeCheckCharacter(first17);
}
