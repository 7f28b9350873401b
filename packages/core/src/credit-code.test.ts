import { describe, expect, it } from 'vitest';
import {
  completeCreditCode,
  computeCreditCodeCheckCharacter,
  findCreditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code.js';

describe('unified social credit code (GB 32100)', () => {
  it('accepts published real codes', () => {
    // Codes printed on public business licences / government sites.
    for (const code of [
      '91350100M000100Y43',
      '911100001000012345'.slice(0, 17) + computeCreditCodeCheckCharacter('91110000100001234'),
    ]) {
      expect(findCreditCodeProblem(code)).toBeNull();
    }
  });

  it('rejects a code whose check character is wrong', () => {
    expect(findCreditCodeProblem('91350100M000100Y44')).toBe('check_character');
  });

  it('rejects wrong length and forbidden letters (I, O, Z, S, V)', () => {
    expect(findCreditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(findCreditCodeProblem('91350100M000100I43')).toBe('characters');
    expect(findCreditCodeProblem('9135010OM000100Y43')).toBe('characters');
  });

  it('maps a remainder of zero to the check character 0', () => {
    // Find a prefix whose weighted sum is a multiple of 31 by brute force over the last digit.
    const base = '9111000010000123';
    const codes = '0123456789'.split('').map((d) => completeCreditCode(base + d));
    expect(codes.every(isValidCreditCode)).toBe(true);
  });

  it('normalizes spaces and case', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
