import { describe, expect, it } from 'vitest';

describe('no eval in the browser', () => {
  it('zod, configured by the entry, parses without compiling code (jitless)', async () => {
    await import('./no-eval.ts');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
  });
});
