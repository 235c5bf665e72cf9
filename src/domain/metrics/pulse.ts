/**
 * Issue 16's asked metrics, pure: the PM pulse (agree = 4 or 5 on the 5-point scale, shown only from a minimum
 * number of answers) and the launch-awareness survey (a launch is a surprise when anybody answered "not aware").
 */

export interface PulseSummary {
  answers: number;
  /** Null below the minimum: then nothing but the count may be shown. */
  shown: { agreePct: number; distribution: number[]; meetsTarget: boolean } | null;
}

/** Share of scores that agree (4–5), in whole percent rounded half up; null with no scores. */
export function agreePct(scores: readonly number[]): number | null {
  if (!scores.length) return null;
  const agree = scores.filter((s) => s >= 4).length;
  return Math.round((agree * 1000) / scores.length) / 10;
}

/** The pulse for one quarter; the target is met above targetPct ("> 70% agree"). */
export function pulseSummary(scores: readonly number[], minAnswers: number, targetPct: number): PulseSummary {
  if (scores.length < minAnswers || scores.length === 0) return { answers: scores.length, shown: null };
  const distribution = [1, 2, 3, 4, 5].map((v) => scores.filter((s) => s === v).length);
  const pct = agreePct(scores)!;
  return { answers: scores.length, shown: { agreePct: pct, distribution, meetsTarget: pct > targetPct } };
}

/** A launch is flagged as a surprise when any answer says the person was not aware. */
export const isSurprise = (answers: readonly { aware: boolean }[]): boolean => answers.some((a) => !a.aware);

/** Share of answered launches flagged as a surprise, to one decimal; null when none was answered. */
export function surprisedPct(launches: readonly { answered: number; surprise: boolean }[]): number | null {
  const answered = launches.filter((l) => l.answered > 0);
  if (!answered.length) return null;
  return Math.round((answered.filter((l) => l.surprise).length * 1000) / answered.length) / 10;
}

/** "2026-Q4" for a quarter of the fiscal year (named by the calendar year it ends in). */
export const quarterKey = (q: { fiscalYear: number; q: number }) => `${q.fiscalYear}-Q${q.q}`;

/** The first day of a quarter key's quarter, for a fiscal year starting in `startMonth`. */
export function quarterKeyStart(key: string, startMonth = 1): string {
  const fiscalYear = Number(key.slice(0, 4));
  const q = Number(key.slice(6));
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const abs = firstYear * 12 + (startMonth - 1) + 3 * (q - 1);
  return `${Math.floor(abs / 12)}-${String((abs % 12) + 1).padStart(2, '0')}-01`;
}
