import { describe, expect, it } from 'vitest';
import { pingsPerWeek } from './pings.ts';

const at = (iso: string) => ({ postedAt: new Date(iso) });

describe('pingsPerWeek', () => {
  it('counts a ping in the week of its local date in the org’s zone', () => {
    // Sunday 2026-03-15 23:30 in New York is Monday 03:30 UTC: still week 11 for the org.
    const rows = [at('2026-03-16T03:30:00Z'), at('2026-03-16T14:00:00Z')];
    expect(pingsPerWeek(rows, 'America/New_York')).toEqual([
      { week: '2026-W11', pings: 1 },
      { week: '2026-W12', pings: 1 },
    ]);
    expect(pingsPerWeek(rows, 'UTC')).toEqual([{ week: '2026-W12', pings: 2 }]);
  });

  it('lists quiet weeks between the first and the last with 0', () => {
    const rows = [at('2026-03-02T10:00:00Z'), at('2026-03-03T10:00:00Z'), at('2026-03-24T10:00:00Z')];
    expect(pingsPerWeek(rows, 'Europe/London')).toEqual([
      { week: '2026-W10', pings: 2 },
      { week: '2026-W11', pings: 0 },
      { week: '2026-W12', pings: 0 },
      { week: '2026-W13', pings: 1 },
    ]);
  });

  it('reports a fixed window, across an ISO year with 53 weeks, leaving out pings outside it', () => {
    const rows = [at('2026-12-31T12:00:00Z'), at('2027-01-03T12:00:00Z'), at('2027-01-05T12:00:00Z')];
    expect(pingsPerWeek(rows, 'UTC', { from: '2026-W52', to: '2026-W53' })).toEqual([
      { week: '2026-W52', pings: 0 },
      { week: '2026-W53', pings: 2 },
    ]);
  });

  it('is empty without pings, and refuses a week that does not exist', () => {
    expect(pingsPerWeek([], 'UTC')).toEqual([]);
    expect(() => pingsPerWeek([], 'UTC', { from: '2027-W53' })).toThrow(RangeError);
  });
});
