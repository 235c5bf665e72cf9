import { describe, expect, it } from 'vitest';
import type { TBetProfile } from '../../shared/bets.ts';
import { placeBet } from './bets.ts';

/** The known-ground profile; each test moves one or two answers away from it. */
const known: TBetProfile = {
  familiarity: 'high',
  change: [],
  measurability: 'high',
  goal: 'growth',
  dependence: 'none',
  traceability: 'high',
};
const place = (over: Partial<TBetProfile>) => placeBet({ ...known, ...over });

describe('placeBet: known ground', () => {
  it('is a familiar, measurable bet with no change beyond code and no other team: incremental delivery', () => {
    const p = placeBet(known);
    expect(p.cluster).toBe('known_ground');
    expect(p.label).toBe('Known ground');
    expect(p.approach.title).toBe('Incremental delivery: ship in small slices behind flags');
    expect(p.reasons).toContain('Nothing has to change beyond the code.');
    expect(p.reasons).toContain('Results trace back to the work.');
  });

  it('stays known ground when only our systems change or traceability is medium', () => {
    const p = place({ change: ['system'], traceability: 'medium' });
    expect(p.cluster).toBe('known_ground');
    expect(p.reasons).toContain('Only our systems change.');
    expect(p.reasons).not.toContain('Results trace back to the work.');
  });
});

describe('placeBet: adjacent move, one answer off known ground', () => {
  it.each([
    [{ familiarity: 'medium' as const }, 'Domain familiarity is medium, not high.'],
    [{ measurability: 'medium' as const }, 'Measurability is medium, not high.'],
    [{ change: ['behaviour' as const] }, "It needs a change in customers' behaviour."],
    [{ change: ['org' as const] }, 'It needs a change in the organisation.'],
    [{ dependence: 'some' as const }, 'It depends on some work by other teams.'],
    [{ traceability: 'low' as const }, 'Results are hard to trace back to the work (traceability low).'],
  ])('%o', (over, reason) => {
    const p = place(over);
    expect(p.cluster).toBe('adjacent');
    expect(p.label).toBe('Adjacent move');
    expect(p.reasons).toEqual([reason]);
    expect(p.approach.title).toMatch(/^Build, measure, adjust/);
  });

  it('lists every difference, two changes in one line', () => {
    const p = place({ familiarity: 'medium', change: ['behaviour', 'system', 'org'].slice(0, 2) as never });
    expect(p.reasons).toEqual([
      'Domain familiarity is medium, not high.',
      "It needs a change in customers' behaviour.",
    ]);
    const both = place({ change: ['behaviour', 'org'] });
    expect(both.reasons).toEqual(["It needs a change in customers' behaviour and the organisation."]);
  });
});

describe('placeBet: uncharted', () => {
  it('low familiarity: time-boxed discovery with explicit learning goals', () => {
    const p = place({ familiarity: 'low' });
    expect(p.cluster).toBe('uncharted');
    expect(p.approach.title).toBe('Time-boxed discovery with explicit learning goals');
    expect(p.reasons).toEqual(['The team knows little of this domain (familiarity low).']);
  });

  it('low measurability alone is enough', () => {
    expect(place({ measurability: 'low' }).cluster).toBe('uncharted');
  });

  it('all three kinds of change at once; two kinds are only adjacent', () => {
    const p = place({ change: ['org', 'behaviour', 'system'] });
    expect(p.cluster).toBe('uncharted');
    expect(p.reasons[0]).toMatch(/^It changes .+ at once\.$/);
    expect(place({ change: ['behaviour', 'system'] }).cluster).toBe('adjacent');
  });

  it('says every reason that placed it', () => {
    expect(place({ familiarity: 'low', measurability: 'low' }).reasons).toHaveLength(2);
  });

  it('medium familiarity and medium measurability are not uncharted', () => {
    expect(place({ familiarity: 'medium', measurability: 'medium' }).cluster).toBe('adjacent');
  });
});

describe('placeBet: entangled', () => {
  it('heavy dependence wins over everything: coordinate first', () => {
    const p = place({ dependence: 'heavy' });
    expect(p.cluster).toBe('entangled');
    expect(p.label).toBe('Entangled');
    expect(p.approach.title).toBe('Coordinate first: agree the dependency plan with the other teams');
    expect(p.reasons).toEqual(['Depends heavily on other teams.']);
  });

  it('some dependence with an org change is entangled; without it, adjacent', () => {
    expect(place({ dependence: 'some', change: ['org'] }).cluster).toBe('entangled');
    expect(place({ dependence: 'some', change: ['behaviour', 'system'] }).cluster).toBe('adjacent');
  });

  it('an entangled bet that is also uncharted says so in its cautions', () => {
    const p = place({ dependence: 'heavy', familiarity: 'low' });
    expect(p.cluster).toBe('entangled');
    expect(p.cautions.some((c) => c.startsWith('It is uncharted too'))).toBe(true);
    expect(place({ dependence: 'heavy' }).cautions.some((c) => c.startsWith('It is uncharted'))).toBe(false);
  });

  it('some dependence alone with low familiarity is uncharted, not entangled', () => {
    expect(place({ dependence: 'some', familiarity: 'low' }).cluster).toBe('uncharted');
  });
});

describe('placeBet: cautions', () => {
  it('name the goal type', () => {
    expect(place({ goal: 'growth' }).cautions[0]).toMatch(/^Growth bet/);
    expect(place({ goal: 'margin' }).cautions[0]).toMatch(/^Margin bet/);
    expect(place({ goal: 'stability' }).cautions[0]).toMatch(/^Stability bet/);
  });

  it('ask to instrument first when traceability is low, unless that is already the reason (adjacent)', () => {
    const instrument = (c: string[]) => c.some((x) => x.startsWith('Traceability is low'));
    expect(instrument(place({ traceability: 'low', familiarity: 'low' }).cautions)).toBe(true);
    expect(instrument(place({ traceability: 'low' }).cautions)).toBe(false);
    expect(instrument(placeBet(known).cautions)).toBe(false);
  });

  it('ignore the order and repeats of the change answers', () => {
    const a = place({ change: ['org', 'behaviour'] });
    const b = place({ change: ['behaviour', 'org', 'org'] as never });
    expect(a.cluster).toBe(b.cluster);
    expect(a.reasons).toEqual(b.reasons);
  });
});
