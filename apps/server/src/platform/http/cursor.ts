/**
 * Opaque keyset cursors: `(timestamp, id)` of the last row, base64url-encoded. Stable under inserts,
 * unlike offsets, and cheap with an index on the same pair.
 */
import { AppError } from './errors.js';

/** A position in a list ordered by (at desc, id desc). */
export interface CursorPosition {
  at: Date;
  id: string;
}

/** Encodes a position. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

/** Decodes a cursor, refusing anything we did not produce with 400. */
export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      const at = new Date(value[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('http.validation_failed', 400, {
    issues: [{ path: 'cursor', message: 'invalid cursor' }],
  });
}

/**
 * Cuts a page from `rows` fetched with `limit + 1` (the extra row only tells whether more follow) and
 * the cursor of the next page, positioned at the page's last row.
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => Date) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), id: last.id }) : null,
  };
}
