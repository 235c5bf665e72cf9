/**
 * The stakeholder surprise score, computed (pack §7): for each Tier 2/3 launch and each of Sales, CS and Support,
 * was the function told in time — something about the launch delivered to one of its people by the tier's
 * distribute-by date, and acknowledged (read, or a readiness sign-off) by the launch day? A function nobody told
 * in time is surprised; a launch that surprised any function counts once. Pure: the deliveries come from the
 * delivery log, the dates are local dates in the org's zone.
 */

export const TOLD_FUNCTIONS = ['sales', 'cs', 'support'] as const;
export type ToldFunction = (typeof TOLD_FUNCTIONS)[number];

export interface LaunchToTell {
  releaseId: string;
  title: string;
  tier: number;
  launchedOn: string;
  /** The tier's distribute-by date for this launch: told after it is told too late. */
  tellBy: string;
}

/** One delivery about the launch to one person of a function. */
export interface Telling {
  fn: ToldFunction;
  personId: string;
  name: string;
  deliveredOn: string;
  /** The day they read it or signed off readiness for it (null: neither). */
  acknowledgedOn: string | null;
}

export type Verdict = 'told in time' | 'not acknowledged' | 'told late' | 'not told';

export interface FunctionVerdict {
  fn: ToldFunction;
  verdict: Verdict;
  surprise: boolean;
  /** The delivery the verdict rests on (the best one there was), null when nobody was told. */
  evidence: Telling | null;
}

export interface LaunchSurprise extends LaunchToTell {
  functions: FunctionVerdict[];
  surprise: boolean;
}

function verdictFor(fn: ToldFunction, launch: LaunchToTell, tellings: readonly Telling[]): FunctionVerdict {
  const mine = tellings.filter((t) => t.fn === fn && t.deliveredOn <= launch.launchedOn);
  const inTime = mine.filter((t) => t.deliveredOn <= launch.tellBy);
  const acknowledged = inTime.find((t) => t.acknowledgedOn !== null && t.acknowledgedOn <= launch.launchedOn);
  if (acknowledged) return { fn, verdict: 'told in time', surprise: false, evidence: acknowledged };
  if (inTime[0]) return { fn, verdict: 'not acknowledged', surprise: true, evidence: inTime[0] };
  if (mine[0]) return { fn, verdict: 'told late', surprise: true, evidence: mine[0] };
  return { fn, verdict: 'not told', surprise: true, evidence: null };
}

/**
 * One launch's verdicts, for the functions the org has people in (a function with nobody in it cannot be
 * surprised, and cannot be told).
 */
export function launchSurprise(
  launch: LaunchToTell,
  tellings: readonly Telling[],
  functions: readonly ToldFunction[] = TOLD_FUNCTIONS,
): LaunchSurprise {
  const verdicts = functions.map((fn) => verdictFor(fn, launch, tellings));
  return { ...launch, functions: verdicts, surprise: verdicts.some((v) => v.surprise) };
}

/** The share of launches that surprised any function, to one decimal (null: no Tier 2/3 launch yet). */
export function surprisePct(launches: readonly { surprise: boolean }[]): number | null {
  if (launches.length === 0) return null;
  const surprised = launches.filter((l) => l.surprise).length;
  return Math.round((surprised / launches.length) * 1000) / 10;
}
