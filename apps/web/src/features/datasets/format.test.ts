import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatShare, formatSpeed, percentOf, shortSha } from './format';

describe('formatBytes', () => {
  it('uses binary units with one decimal below 100', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8 MB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GB');
  });

  it('shows a dash for impossible sizes', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatSpeed', () => {
  it('appends per second and hides a zero speed', () => {
    expect(formatSpeed(2.5 * 1024 * 1024)).toBe('2.5 MB/s');
    expect(formatSpeed(0)).toBe('—');
  });
});

describe('formatShare', () => {
  it('turns a share into a percentage without trailing zeros', () => {
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.5, 2)).toBe('50%');
    expect(formatShare(0.00049, 2)).toBe('0.05%');
  });
});

describe('shortSha, formatCount, percentOf', () => {
  it('shortens a hash to 12 digits', () => {
    expect(shortSha('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortSha('abc')).toBe('abc');
  });

  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
    expect(formatCount(null)).toBe('—');
  });

  it('floors the percent and clamps it to 0–100', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(7, 5)).toBe(100);
  });
});
