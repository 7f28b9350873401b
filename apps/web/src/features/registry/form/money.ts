/**
 * Prices are entered in 元 (with up to two decimals) and stored as integer 分 (fen), so amounts
 * never carry floating-point error into contracts and invoices.
 */

/** Largest price accepted: 100 million 元, in fen (well inside Number.MAX_SAFE_INTEGER). */
export const MAX_FEN = 100_000_000_00;

/**
 * Converts an amount in 元 to integer fen, rounding half up at the third decimal. Works on the
 * decimal text rather than multiplying floats (0.29 × 100 is 28.999…). Returns null for empty,
 * negative, non-numeric or too-large input.
 * @example yuanToFen('19.99') // 1999
 */
export function yuanToFen(yuan: number | string | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  const text = (typeof yuan === 'number' ? (Number.isFinite(yuan) ? yuan.toFixed(3) : '') : yuan)
    .trim()
    .replace(/[,，\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const decimals = (match[2] ?? '').padEnd(3, '0');
  const fen = Number(whole) * 100 + Number(decimals.slice(0, 2)) + (Number(decimals[2]) >= 5 ? 1 : 0);
  return Number.isSafeInteger(fen) && fen <= MAX_FEN ? fen : null;
}

/** Converts integer fen back to 元 for the input box (1999 → 19.99). */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100;
}

/** A price as people read it: ¥1,234.50. */
export function formatFen(fen: number, locale = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fenToYuan(fen));
}
