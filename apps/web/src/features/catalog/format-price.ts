/**
 * Prices are integers in fen (分) everywhere in the API; people read yuan with two decimals and
 * thousands separators. Pure, so the catalog list, the product page and the tests agree.
 */

/**
 * `123456` fen → `¥1,234.56`; negative or non-integer input is shown as given, never rounded away.
 * @example formatFen(990) // '¥9.90'
 */
export function formatFen(amountFen: number): string {
  if (!Number.isFinite(amountFen)) return '—';
  const negative = amountFen < 0;
  const fen = Math.abs(Math.round(amountFen));
  const yuan = Math.floor(fen / 100).toLocaleString('en-US');
  const cents = String(fen % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Units a price can be per (ProductPricing.unit); anything else is shown as written. */
export const PRICE_UNITS = ['order', 'month', 'year', 'call', '1k_rows', 'GB'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** True when `unit` is one of the known units (so it can be translated). */
export function isPriceUnit(unit: string): unit is PriceUnit {
  return PRICE_UNITS.some((known) => known === unit);
}
