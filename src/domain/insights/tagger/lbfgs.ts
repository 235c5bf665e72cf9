/**
 * Limited-memory BFGS for smooth convex objectives (the softmax regression's loss): the quasi-Newton step
 * converges in tens to a few hundred iterations where plain gradient descent needs thousands, with memory
 * linear in the number of parameters.
 */

/** Writes the gradient at x into grad and returns the objective. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Pairs of past steps kept for the curvature estimate. */
  memory: number;
  maxIterations: number;
  /** Converged when the largest gradient component is below this. */
  gradientTolerance: number;
  /** …or when an iteration improves the objective by less than this fraction. */
  relativeTolerance: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

const DEFAULTS: LbfgsOptions = {
  memory: 10,
  maxIterations: 500,
  gradientTolerance: 1e-5,
  relativeTolerance: 1e-9,
};

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** The two-loop recursion: direction = -H·grad from the stored step pairs (newest last). */
function direction(grad: Float64Array, s: Float64Array[], y: Float64Array[], rho: number[]): Float64Array {
  const q = Float64Array.from(grad);
  const alpha = new Array<number>(s.length);
  for (let i = s.length - 1; i >= 0; i--) {
    alpha[i] = rho[i]! * dot(s[i]!, q);
    const yi = y[i]!;
    for (let j = 0; j < q.length; j++) q[j]! -= alpha[i]! * yi[j]!;
  }
  if (s.length > 0) {
    const last = s.length - 1;
    const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
    for (let j = 0; j < q.length; j++) q[j]! *= gamma;
  }
  for (let i = 0; i < s.length; i++) {
    const beta = rho[i]! * dot(y[i]!, q);
    const si = s[i]!;
    for (let j = 0; j < q.length; j++) q[j]! += (alpha[i]! - beta) * si[j]!;
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j]!;
  return q;
}

/** Minimises `objective` from x0 (which it does not modify). */
export function minimize(objective: Objective, x0: Float64Array, options: Partial<LbfgsOptions> = {}) {
  const opts = { ...DEFAULTS, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let grad = new Float64Array(n);
  let value = objective(x, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let iterations = 0;
  let converged = maxAbs(grad) <= opts.gradientTolerance;
  while (!converged && iterations < opts.maxIterations) {
    iterations++;
    let d = direction(grad, s, y, rho);
    let slope = dot(grad, d);
    if (slope >= 0) {
      // Lost descent (numerical trouble): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      d = direction(grad, s, y, rho);
      slope = dot(grad, d);
    }
    const first = s.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(grad, grad))) : 1;
    const step = lineSearch(objective, x, value, d, slope, first);
    if (!step) break;
    const sNew = new Float64Array(n);
    const yNew = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      sNew[j] = step.x[j]! - x[j]!;
      yNew[j] = step.grad[j]! - grad[j]!;
    }
    const sy = dot(sNew, yNew);
    if (sy > 1e-12) {
      if (s.length === opts.memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sNew);
      y.push(yNew);
      rho.push(1 / sy);
    }
    const improvement = value - step.value;
    x = step.x;
    grad = step.grad;
    value = step.value;
    converged =
      maxAbs(grad) <= opts.gradientTolerance ||
      improvement <= opts.relativeTolerance * Math.max(Math.abs(value), 1);
  }
  return { x, value, iterations, converged } satisfies LbfgsResult;
}

/** Backtracking until the Armijo condition holds; null when no step decreases the objective. */
function lineSearch(
  objective: Objective,
  x: Float64Array,
  value: number,
  d: Float64Array,
  slope: number,
  initial: number,
): { x: Float64Array; grad: Float64Array; value: number } | null {
  const next = new Float64Array(x.length);
  const grad = new Float64Array(x.length);
  let t = initial;
  for (let tries = 0; tries < 40; tries++) {
    for (let j = 0; j < x.length; j++) next[j] = x[j]! + t * d[j]!;
    const v = objective(next, grad);
    if (v <= value + 1e-4 * t * slope) return { x: next, grad, value: v };
    t *= 0.5;
  }
  return null;
}
