import { describe, expect, it } from 'vitest';

describe('no eval in the browser', () => {
  it('zod, loaded after the setting, parses without compiling code (jitless)', async () => {
    await import('./no-eval.ts');
    const { z } = await import('zod');
    // If zod stops reading its configuration from the global, this fails and main.tsx must import zod again.
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
  });
});
