/**
 * Number formatting for the datasets pages: file sizes, transfer speeds, shares as percentages,
 * short hashes and row counts. Pure, so the unit tests pin the exact text a person sees.
 */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count in binary units with at most one decimal (1024 B = 1 KB).
 * @example formatBytes(1536) // '1.5 KB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${trimZero(value.toFixed(digits))} ${BYTE_UNITS[unit] ?? 'B'}`;
}

/** A transfer speed: `formatBytes` per second. */
export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—';
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * A share (0–1) as a percentage with up to `digits` decimals, trailing zeros dropped.
 * @example formatShare(0.1234) // '12.3%'
 */
export function formatShare(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '—';
  return `${trimZero((share * 100).toFixed(digits))}%`;
}

/** The first 12 hex digits of a SHA-256, enough to tell files apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

/** A count with thousands separators (locale-independent, so zh and en read the same). */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return '—';
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Whole percent (0–100) of `part` in `total`; 0 when the total is unknown. */
export function percentOf(part: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((part / total) * 100)));
}

function trimZero(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
