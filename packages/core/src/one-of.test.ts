import { describe, expect, it } from 'vitest';
import { isOneOf } from './one-of.js';

describe('isOneOf', () => {
  it('accepts members of the vocabulary only', () => {
    const forms = ['dataset', 'api'] as const;
    expect(isOneOf(forms, 'api')).toBe(true);
    expect(isOneOf(forms, 'API')).toBe(false);
    expect(isOneOf(forms, undefined)).toBe(false);
    expect(isOneOf(forms, 1)).toBe(false);
  });
});
