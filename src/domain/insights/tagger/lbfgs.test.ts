import { describe, expect, it } from 'vitest';
import { minimize } from './lbfgs.ts';

describe('minimize (L-BFGS)', () => {
  it('finds the minimum of an ill-conditioned quadratic', () => {
    const scales = [1, 10, 100, 1000];
    const target = [3, -2, 0.5, 7];
    const result = minimize((x, g) => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        const d = x[i]! - target[i]!;
        f += 0.5 * scales[i]! * d * d;
        g[i] = scales[i]! * d;
      }
      return f;
    }, new Float64Array(4));
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => {
      expect(v).toBeCloseTo(target[i]!, 4);
    });
  });

  it('finds the minimum of the Rosenbrock function', () => {
    const result = minimize(
      (x, g) => {
        const [a, b] = [x[0]!, x[1]!];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.of(-1.2, 1),
      { maxIterations: 1000, relativeTolerance: 0 },
    );
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('leaves its starting point alone', () => {
    const x0 = Float64Array.of(5);
    minimize((x, g) => {
      g[0] = 2 * x[0]!;
      return x[0]! * x[0]!;
    }, x0);
    expect(x0[0]).toBe(5);
  });
});
