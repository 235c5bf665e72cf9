import { describe, expect, it } from 'vitest';
import { overrideText, untilBounds, untilInstant } from './gate-overrides.ts';

const NY = 'America/New_York';

describe('gate overrides on the release page', () => {
  it('says who, until which day in the org’s zone (named) and why', () => {
    const o = { by: 'Hana Okafor', reason: 'Legal approved by mail.', expiresAt: '2026-12-13T04:59:59.999Z' };
    expect(overrideText(o, NY)).toBe(
      'Overridden by Hana Okafor until Sat 12 Dec 2026 (America/New_York): Legal approved by mail.',
    );
    expect(overrideText({ ...o, reason: undefined }, NY)).toBe(
      'Overridden by Hana Okafor until Sat 12 Dec 2026 (America/New_York)',
    );
  });

  it('reads "until" as the end of that day in the org’s zone, within the 30 days allowed', () => {
    expect(untilInstant('2026-12-12', NY)).toBe('2026-12-13T04:59:59.999Z');
    expect(untilInstant('', NY)).toBe('');
    // 1 Dec 2026 23:30 in New York is already 2 Dec in UTC: the bounds follow the org's day.
    const now = Date.parse('2026-12-02T04:30:00Z');
    expect(untilBounds(now, NY)).toEqual({ min: '2026-12-01', max: '2026-12-30', suggested: '2026-12-08' });
  });
});
