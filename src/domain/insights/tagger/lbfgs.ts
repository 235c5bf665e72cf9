/**
 * Limited-memory BFGS for smooth convex objectives (the softmax regression's loss): the quasi-Newton step
 * converges in tens to a few hundred iterations where plain gradient descent needs thousands, with memory
 * linear in the number of parameters. Buffers are allocated once: a model has ~10^5–10^6 parameters, and the
 * vector arithmetic here costs as much as the loss itself.
 */

/** Writes the gradient at x into grad and returns the objective. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Pairs of past steps kept for the curvature estimate. */
  memory: number;
  maxIterations: number;
  /** Converged when the largest gradient component is below this… */
  gradientTolerance: number;
  /** …or when an iteration improves the objective by less than this fraction of it. */
  relativeTolerance: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const DEFAULTS: LbfgsOptions = {
  memory: 8,
  maxIterations: 500,
  gradientTolerance: 1e-4,
  relativeTolerance: 1e-7,
};

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** a += t·b */
function axpy(a: Float64Array, t: number, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i]! += t * b[i]!;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Past steps s = x' − x and gradient changes y = g' − g in a ring, oldest first. */
class History {
  readonly s: Float64Array[] = [];
  readonly y: Float64Array[] = [];
  readonly rho: number[] = [];
  private start = 0;
  count = 0;
  /** Where the next pair is computed; push() swaps it into the ring and hands back the array it evicts. */
  scratchS: Float64Array;
  scratchY: Float64Array;

  constructor(
    private readonly memory: number,
    n: number,
  ) {
    this.scratchS = new Float64Array(n);
    this.scratchY = new Float64Array(n);
  }

  /** The ring index of the i-th oldest pair. */
  at(i: number): number {
    return (this.start + i) % this.memory;
  }

  /** Keeps the scratch pair (with s·y = sy), dropping the oldest when full. */
  push(sy: number): void {
    const n = this.scratchS.length;
    let slot: number;
    if (this.count < this.memory) {
      slot = this.count++;
      this.s.push(new Float64Array(n));
      this.y.push(new Float64Array(n));
      this.rho.push(0);
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.memory;
    }
    [this.s[slot], this.scratchS] = [this.scratchS, this.s[slot]!];
    [this.y[slot], this.scratchY] = [this.scratchY, this.y[slot]!];
    this.rho[slot] = 1 / sy;
  }

  clear(): void {
    this.s.length = this.y.length = this.rho.length = 0;
    this.count = 0;
    this.start = 0;
  }
}

/** The two-loop recursion: d = −H·grad from the stored pairs. */
function direction(grad: Float64Array, h: History, d: Float64Array): void {
  d.set(grad);
  const alpha = new Float64Array(h.count);
  for (let i = h.count - 1; i >= 0; i--) {
    const k = h.at(i);
    alpha[i] = h.rho[k]! * dot(h.s[k]!, d);
    axpy(d, -alpha[i]!, h.y[k]!);
  }
  if (h.count > 0) {
    const k = h.at(h.count - 1);
    const gamma = 1 / (h.rho[k]! * dot(h.y[k]!, h.y[k]!));
    for (let j = 0; j < d.length; j++) d[j]! *= gamma;
  }
  for (let i = 0; i < h.count; i++) {
    const k = h.at(i);
    axpy(d, alpha[i]! - h.rho[k]! * dot(h.y[k]!, d), h.s[k]!);
  }
  for (let j = 0; j < d.length; j++) d[j] = -d[j]!;
}

/** Minimises `objective` from x0 (which it does not modify). */
export function minimize(
  objective: Objective,
  x0: Float64Array,
  options: Partial<LbfgsOptions> = {},
): LbfgsResult {
  const opts = { ...DEFAULTS, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let grad = new Float64Array(n);
  let trial = new Float64Array(n);
  let trialGrad = new Float64Array(n);
  const d = new Float64Array(n);
  const history = new History(opts.memory, n);
  let value = objective(x, grad);
  let iterations = 0;
  let converged = maxAbs(grad) <= opts.gradientTolerance;
  while (!converged && iterations < opts.maxIterations) {
    iterations++;
    direction(grad, history, d);
    let slope = dot(grad, d);
    if (slope >= 0) {
      // Lost descent (numerical trouble): restart from steepest descent.
      history.clear();
      direction(grad, history, d);
      slope = dot(grad, d);
    }
    const first = history.count === 0 ? Math.min(1, 1 / Math.sqrt(dot(grad, grad))) : 1;
    const trialValue = lineSearch(objective, x, value, d, slope, first, trial, trialGrad);
    if (trialValue === null) break;
    const { scratchS, scratchY } = history;
    for (let j = 0; j < n; j++) {
      scratchS[j] = trial[j]! - x[j]!;
      scratchY[j] = trialGrad[j]! - grad[j]!;
    }
    const sy = dot(scratchS, scratchY);
    if (sy > 1e-12) history.push(sy);
    const improvement = value - trialValue;
    [x, trial] = [trial, x];
    [grad, trialGrad] = [trialGrad, grad];
    value = trialValue;
    converged =
      maxAbs(grad) <= opts.gradientTolerance ||
      improvement <= opts.relativeTolerance * Math.max(Math.abs(value), 1);
  }
  return { x, value, iterations, converged };
}

/**
 * Backtracking from `initial` until the Armijo condition holds, leaving the point and its gradient in
 * next/nextGrad; null when no step decreases the objective.
 */
function lineSearch(
  objective: Objective,
  x: Float64Array,
  value: number,
  d: Float64Array,
  slope: number,
  initial: number,
  next: Float64Array,
  nextGrad: Float64Array,
): number | null {
  let t = initial;
  for (let tries = 0; tries < 40; tries++) {
    for (let j = 0; j < x.length; j++) next[j] = x[j]! + t * d[j]!;
    const v = objective(next, nextGrad);
    if (v <= value + 1e-4 * t * slope) return v;
    t *= 0.5;
  }
  return null;
}
