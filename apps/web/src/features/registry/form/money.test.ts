import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, MAX_FEN, yuanToFen } from './money';

describe('yuanToFen', () => {
  it('converts whole and decimal amounts to integer fen without float error', () => {
    expect(yuanToFen(1)).toBe(100);
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen('1,234.5')).toBe(123450);
    expect(yuanToFen(0)).toBe(0);
  });

  it('rounds half up at the third decimal', () => {
    expect(yuanToFen('0.124')).toBe(12);
    expect(yuanToFen('0.125')).toBe(13);
  });

  it('refuses empty, negative, non-numeric and too-large amounts', () => {
    expect(yuanToFen(undefined)).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen(-1)).toBeNull();
    expect(yuanToFen('12元')).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
    expect(yuanToFen(MAX_FEN)).toBeNull();
  });
});

describe('fenToYuan and formatFen', () => {
  it('round-trips with yuanToFen', () => {
    for (const fen of [0, 1, 29, 1999, 123450]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('formats as yuan with two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
  });
});
