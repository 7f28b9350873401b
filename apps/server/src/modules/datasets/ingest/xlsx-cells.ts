/**
 * Spreadsheet cells as CSV text: dates as ISO, formulas as their cached result, rich text and
 * hyperlinks as their plain text, errors as empty cells; and RFC 4180 quoting of a row.
 */

/** The text of one cell value as exceljs reports it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
  if ('error' in value) return '';
  if ('text' in value) return cellText(value.text);
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A date alone when it has no time of day, else date and time (exceljs dates are UTC). */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  const time = iso.endsWith('.000Z') ? iso.slice(11, 19) : iso.slice(11, 23);
  return `${iso.slice(0, 10)} ${time}`;
}

/** One CSV line (with its newline), padded with empty cells to `width`. */
export function toCsvLine(values: string[], width: number): string {
  const cells =
    values.length < width ? [...values, ...new Array<string>(width - values.length).fill('')] : values;
  return `${cells.map(quoteCsv).join(',')}\n`;
}

function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
