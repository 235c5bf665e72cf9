import { describe, expect, it } from 'vitest';
import { stakeholderWhen } from './announce.ts';

const planned = { targetDate: '2027-01-23', status: 'planned', launchedOn: null, distributedOn: null };
const announceFrom = '2026-12-18';

describe('the launch date stakeholders read (issue 13, finding 3)', () => {
  it('a range while the date is not announced: the roadmap item’s, else the part of the month', () => {
    expect(stakeholderWhen(planned, announceFrom, { earliest: '2027-01-04', latest: '2027-02-15' })).toEqual({
      exact: false,
      text: 'Early Jan – mid Feb 2027',
    });
    expect(stakeholderWhen(planned, announceFrom, null)).toEqual({ exact: false, text: 'Late Jan 2027' });
  });

  it('the day once announced: bundle distributed, within the weekly update’s next 2 weeks, or launched', () => {
    expect(stakeholderWhen({ ...planned, distributedOn: '2026-12-01' }, announceFrom, null)).toEqual({
      exact: true,
      text: '23 Jan 2027',
    });
    expect(stakeholderWhen({ ...planned, targetDate: '2026-12-18' }, announceFrom, null).exact).toBe(true);
    expect(stakeholderWhen({ ...planned, targetDate: '2026-12-19' }, announceFrom, null).exact).toBe(false);
    expect(
      stakeholderWhen({ ...planned, status: 'launched', launchedOn: '2026-11-13' }, announceFrom, null),
    ).toEqual({ exact: true, text: '13 Nov 2026' });
  });
});
