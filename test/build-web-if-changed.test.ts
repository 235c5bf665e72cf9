import { describe, expect, it } from 'vitest';
import { buildDecision, sourcesHash } from '../scripts/build-web-if-changed.mjs';

describe('npm start builds the web app only when its sources changed', () => {
  const current = 'a'.repeat(64);

  it('builds when there is no build, or the build has no stamp', () => {
    expect(buildDecision({ built: false, stamp: current, current })).toEqual({
      build: true,
      reason: 'not built yet',
    });
    expect(buildDecision({ built: true, stamp: null, current }).build).toBe(true);
  });

  it('builds when the sources hash differs from the one the build recorded', () => {
    const decision = buildDecision({ built: true, stamp: 'b'.repeat(64), current });
    expect(decision).toEqual({ build: true, reason: 'its sources changed since the last build' });
  });

  it('skips the build when the hashes match', () => {
    expect(buildDecision({ built: true, stamp: current, current }).build).toBe(false);
  });

  it('hashes contents: the same inputs give the same hash, other inputs another', () => {
    const web = sourcesHash(['src/web', 'vite.config.ts']);
    expect(sourcesHash(['src/web', 'vite.config.ts'])).toBe(web);
    expect(web).toMatch(/^[0-9a-f]{64}$/);
    expect(sourcesHash(['src/web', 'tsconfig.json'])).not.toBe(web);
    // Tests are not part of the bundle: adding one changes nothing.
    expect(sourcesHash(['src/web', 'vite.config.ts', 'src/web/lib/no-eval.test.ts'])).toBe(web);
  });
});
