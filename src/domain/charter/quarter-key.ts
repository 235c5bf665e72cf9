import { type Quarter, quarterOf } from '../roadmap/quarters.ts';

/** "2026-Q4": the key a quarter's artifacts are published under. */
export const quarterKey = (q: Quarter): string => `${q.fiscalYear}-Q${q.q}`;

/**
 * The fiscal quarter a key names, for a fiscal year starting in `startMonth`: the fiscal year is named by the
 * calendar year it ends in, so FY2027 starting in July begins in July 2026.
 */
export function quarterFromKey(key: string, startMonth = 1): Quarter {
  const fiscalYear = Number(key.slice(0, 4));
  const q = Number(key.slice(6, 7));
  const firstYear = startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const month0 = startMonth - 1 + 3 * (q - 1);
  const y = firstYear + Math.floor(month0 / 12);
  const m = (month0 % 12) + 1;
  return quarterOf(`${y}-${String(m).padStart(2, '0')}-01`, startMonth);
}
