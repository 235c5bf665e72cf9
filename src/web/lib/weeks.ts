/** ISO week key (2026-W47) of a date, in the browser's time zone; only used to prefill forms. */
export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The week after `week` (2026-W52 → 2027-W01 or W53, as the calendar says). */
export function nextIsoWeek(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return week;
  const year = Number(m[1]);
  const jan4 = new Date(year, 0, 4);
  const monday = new Date(jan4);
  monday.setDate(jan4.getDate() - ((jan4.getDay() || 7) - 1) + (Number(m[2]) - 1) * 7 + 7);
  return isoWeekOf(monday);
}

/** The Monday (UTC date) of ISO week `week`, or null when it is not a week key. */
function mondayOf(week: string): Date | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const jan4Weekday = new Date(jan4).getUTCDay() || 7;
  return new Date(jan4 + ((Number(m[2]) - 1) * 7 - (jan4Weekday - 1)) * 86_400_000);
}

/** `week` moved by `n` weeks (2026-W01, -1 → 2025-W52), computed in UTC. */
export function shiftIsoWeek(week: string, n: number): string {
  const monday = mondayOf(week);
  if (!monday) return week;
  const d = new Date(monday.getTime() + n * 7 * 86_400_000 + 3 * 86_400_000);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const num = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(num).padStart(2, '0')}`;
}
