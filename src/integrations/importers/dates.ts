import { MONTH_NAMES } from '../../shared/calendar.ts';

/**
 * Feedback dates arrive as ISO 8601, bare dates, "YYYY-MM-DD HH:MM[:SS]" from spreadsheets, unix seconds /
 * milliseconds, Jira's CSV "05/Mar/24 10:21 AM" or JavaScript's "Thu Mar 14 2024 10:21:33 GMT+0000 (…)" (Linear's
 * CSV). A date without an offset is taken as UTC: exports rarely say, and guessing a zone would move
 * items between days silently. Anything else is refused rather than guessed (no Date.parse: it accepts
 * "32/13/2026" in some engines and reads "03/04" as March or April depending on who wrote it).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^\d+(?:\.\d+)?$/;
const JIRA = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4}) (\d{1,2}):(\d{2})(?: ?([AaPp][Mm]))?$/;
const JS_DATE =
  /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})(?: \([^)]*\))?$/;
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());

const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The instant as an ISO string in UTC ("…Z"), or null when `value` is not a date we accept. */
export function parseInstant(value: unknown): string | null {
  let ms: number | null = null;
  if (typeof value === 'number') ms = fromEpoch(value);
  else if (typeof value === 'string') {
    const text = value.trim();
    ms = NUMERIC.test(text) ? fromEpoch(Number(text)) : (fromIso(text) ?? fromNamedMonth(text));
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

/** Jira's and JavaScript's forms, rewritten as ISO and read by the one strict reader. */
function fromNamedMonth(text: string): number | null {
  const jira = JIRA.exec(text);
  if (jira) {
    const [, day, mon, year, hour, minute, half] = jira;
    let h = Number(hour);
    if (half) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
    }
    const yyyy = year!.length === 2 ? `20${year}` : year!;
    return isoOf(yyyy, mon!, day!, `${String(h).padStart(2, '0')}:${minute}:00`, 'Z');
  }
  const js = JS_DATE.exec(text);
  if (js) {
    const [, mon, day, year, hh, mm, ss, offset] = js;
    return isoOf(year!, mon!, day!, `${hh}:${mm}:${ss}`, offset!);
  }
  return null;
}

function isoOf(year: string, mon: string, day: string, time: string, zone: string): number | null {
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) return null;
  return fromIso(`${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}T${time}${zone}`);
}
