import { describe, expect, it } from 'vitest';
import type { OccurrenceFacts } from './adoption.ts';
import { ritualAdoption } from './adoption.ts';

const window = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', now: '2026-03-20T00:00:00Z' };

function occ(overrides: Partial<OccurrenceFacts> = {}): OccurrenceFacts {
  return {
    ritualId: 'roadmap-review',
    startsAt: '2026-03-05T15:00:00Z',
    status: 'held',
    expectedAttendees: 5,
    presentAttendees: 5,
    artifactDueAt: '2026-03-06T15:00:00Z',
    artifactProducedAt: '2026-03-05T16:00:00Z',
    ...overrides,
  };
}

const run = (os: OccurrenceFacts[], attendanceSharePct = 80) =>
  ritualAdoption(os, { attendanceSharePct, ...window });

describe('ritualAdoption attendance', () => {
  it('counts a share exactly at the threshold as attended, one person fewer as not', () => {
    const { overall } = run([occ({ presentAttendees: 4 }), occ({ presentAttendees: 3 })]);
    expect(overall).toEqual({ eligible: 2, adopted: 1, pct: 50, attendanceOk: 1, artifactOnTime: 2 });
  });

  it('is not fooled by floating point at the boundary (29 of 100 at 29 %)', () => {
    const { overall } = run([occ({ expectedAttendees: 100, presentAttendees: 29 })], 29);
    expect(overall.attendanceOk).toBe(1);
    expect(overall.adopted).toBe(1);
  });

  it('treats an async ritual with nobody expected as attended', () => {
    const { overall } = run([occ({ expectedAttendees: 0, presentAttendees: 0 })]);
    expect(overall).toEqual({ eligible: 1, adopted: 1, pct: 100, attendanceOk: 1, artifactOnTime: 1 });
  });
});

describe('ritualAdoption artifact', () => {
  it('counts an artifact produced exactly at the due instant as on time, a millisecond later as late', () => {
    const { overall } = run([
      occ({ artifactProducedAt: '2026-03-06T15:00:00Z' }),
      occ({ artifactProducedAt: '2026-03-06T15:00:00.001Z' }),
      occ({ artifactProducedAt: null }),
    ]);
    expect(overall).toEqual({ eligible: 3, adopted: 1, pct: 33.3, attendanceOk: 3, artifactOnTime: 1 });
  });

  it('compares instants, not strings, when offsets differ', () => {
    // 23:30+02:00 is 21:30Z, before a 22:00Z deadline.
    const { overall } = run([
      occ({ artifactDueAt: '2026-03-05T22:00:00Z', artifactProducedAt: '2026-03-05T23:30:00+02:00' }),
    ]);
    expect(overall.artifactOnTime).toBe(1);
  });
});

describe('ritualAdoption eligibility', () => {
  it('includes from, excludes to, skipped and cancelled occurrences', () => {
    const { overall } = ritualAdoption(
      [
        occ({ startsAt: '2026-03-01T00:00:00Z' }), // at from: in
        occ({ startsAt: '2026-02-28T23:59:59Z' }), // before from
        occ({ startsAt: '2026-04-01T00:00:00Z' }), // at to: out
        occ({ status: 'skipped' }),
        occ({ status: 'cancelled' }),
        occ({ status: 'scheduled', presentAttendees: 0, artifactProducedAt: null }), // never run: counts, fails
      ],
      { attendanceSharePct: 80, from: window.from, to: window.to, now: '2026-04-10T00:00:00Z' },
    );
    expect(overall).toEqual({ eligible: 2, adopted: 1, pct: 50, attendanceOk: 1, artifactOnTime: 1 });
  });

  it('excludes occurrences starting at or after now', () => {
    const { overall } = run([occ({ startsAt: window.now }), occ({ startsAt: '2026-03-25T00:00:00Z' })]);
    expect(overall).toEqual({ eligible: 0, adopted: 0, pct: null, attendanceOk: 0, artifactOnTime: 0 });
  });

  it('returns null pct when nothing is eligible', () => {
    expect(run([]).overall.pct).toBeNull();
    expect(run([]).perRitual).toEqual({});
  });
});

describe('ritualAdoption per ritual', () => {
  it('splits by ritual, rounds to one decimal and lists rituals with nothing eligible', () => {
    const { overall, perRitual } = run([
      occ({ ritualId: 'a' }),
      occ({ ritualId: 'a' }),
      occ({ ritualId: 'a', presentAttendees: 0 }),
      occ({ ritualId: 'b', artifactProducedAt: null }),
      occ({ ritualId: 'c', startsAt: '2026-03-30T00:00:00Z' }),
      occ({ ritualId: '__proto__' }),
    ]);
    expect(perRitual.a).toEqual({ eligible: 3, adopted: 2, pct: 66.7, attendanceOk: 2, artifactOnTime: 3 });
    expect(perRitual.b).toEqual({ eligible: 1, adopted: 0, pct: 0, attendanceOk: 1, artifactOnTime: 0 });
    expect(perRitual.c).toEqual({ eligible: 0, adopted: 0, pct: null, attendanceOk: 0, artifactOnTime: 0 });
    expect(Object.keys(perRitual)).toEqual(['a', 'b', 'c', '__proto__']);
    expect(overall).toEqual({ eligible: 5, adopted: 3, pct: 60, attendanceOk: 4, artifactOnTime: 4 });
  });

  it('rounds 1 of 6 to 16.7', () => {
    const os = [occ(), ...Array.from({ length: 5 }, () => occ({ artifactProducedAt: null }))];
    expect(run(os).overall.pct).toBe(16.7);
  });
});
