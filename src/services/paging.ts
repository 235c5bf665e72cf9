import { AppError } from '../shared/errors.ts';

/** Cursors are opaque to clients; inside they are a number (an offset or a last id). */
export function encodeCursor(n: number): string {
  return Buffer.from(JSON.stringify({ n })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'n' in parsed && Number.isSafeInteger(parsed.n)) {
      return Number(parsed.n);
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not valid', [
    { path: 'cursor', message: 'is not a cursor returned by this API' },
  ]);
}

/** A search term as an ILIKE "contains" pattern: its own %, _ and \ are taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Offset paging over a query that returns up to limit+1 rows: the extra row says there is a next page. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  offset: number,
): { items: T[]; nextCursor: string | null } {
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
  };
}
