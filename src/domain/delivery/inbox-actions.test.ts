import { describe, expect, it } from 'vitest';
import { readinessActionState } from './inbox-actions.ts';

describe("the inbox's stale-action rule", () => {
  const planned = { status: 'go' as const, targetDate: '2026-12-15', launchedOn: null };

  it('keeps "I\'m ready" open up to and on the launch day', () => {
    expect(readinessActionState(planned, '2026-12-15')).toEqual({ open: true, closedReason: null });
  });

  it('closes it after the launch day, once launched, or rolled back, saying why', () => {
    expect(readinessActionState(planned, '2026-12-16').closedReason).toBe(
      'Launch day was Tue 15 Dec 2026 — no sign-off needed',
    );
    expect(
      readinessActionState({ ...planned, status: 'launched', launchedOn: '2026-12-10' }, '2026-12-11'),
    ).toEqual({ open: false, closedReason: 'Launched on Thu 10 Dec 2026 — no sign-off needed' });
    expect(readinessActionState({ ...planned, status: 'rolled_back' }, '2026-12-01').open).toBe(false);
  });
});
