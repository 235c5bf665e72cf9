/**
 * Feedback dates arrive as ISO 8601, bare dates, "YYYY-MM-DD HH:MM[:SS]" from spreadsheets, or unix seconds /
 * milliseconds. A date without an offset is taken as UTC: exports rarely say, and guessing a zone would move
 * items between days silently. Anything else is refused rather than guessed (no Date.parse: it accepts
 * "32/13/2026" in some engines and reads "03/04" as March or April depending on who wrote it).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The instant as an ISO string in UTC ("…Z"), or null when `value` is not a date we accept. */
export function parseInstant(value: unknown): string | null {
  let ms: number | null = null;
  if (typeof value === 'number') ms = fromEpoch(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    ms = NUMERIC.test(text) ? fromEpoch(Number(text)) : fromIso(text);
  }
  if (ms === null || !Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return null;
  return new Date(ms).toISOString();
}

/** Seconds up to 1e11 (year 5138), milliseconds above: small numbers are ids or counts, not dates. */
function fromEpoch(n: number): number | null {
  if (!Number.isFinite(n) || n < 1e8 || n >= 1e14) return null;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

function fromIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 April over to 1 May: a different day back means the day did not exist.
  if (new Date(ms).getUTCDate() !== day) return null;
  const offset = offsetMinutes(m[8]);
  return offset === null ? null : ms - offset * 60_000;
}

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
