/**
 * "Now" is an input. Services, routes and jobs take it from the clock their context carries; this file is the
 * only place that reads the wall clock, so a test (or a replay) can set every instant the product sees.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set: tests move it explicitly. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(at: Date | string): ManualClock {
  let t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new Error(`manualClock: not an instant: ${String(at)}`);
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
