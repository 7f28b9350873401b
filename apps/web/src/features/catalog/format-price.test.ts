import { describe, expect, it } from 'vitest';
import { formatFen, isPriceUnit } from './format-price';

describe('formatFen', () => {
  it('shows yuan with two decimals and thousands separators', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(990)).toBe('¥9.90');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(100_000_000)).toBe('¥1,000,000.00');
  });

  it('keeps the sign and refuses to invent a number for NaN', () => {
    expect(formatFen(-500)).toBe('-¥5.00');
    expect(formatFen(Number.NaN)).toBe('—');
  });

  it('knows the units products are priced per', () => {
    expect(isPriceUnit('month')).toBe(true);
    expect(isPriceUnit('fortnight')).toBe(false);
  });
});
