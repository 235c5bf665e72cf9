import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBefore,
  isBusinessDay,
  nearestBusinessDay,
  nonBusinessReason,
} from './business-days.ts';

const MON_FRI = [1, 2, 3, 4, 5];
const MON_THU = [1, 2, 3, 4];
const thanksgiving = [
  { date: '2026-11-26', name: 'Thanksgiving' },
  { date: '2026-11-27', name: 'Day after Thanksgiving' },
];

describe('isBusinessDay', () => {
  it('is true on a work-week day, false on a weekend or a holiday', () => {
    expect(isBusinessDay('2026-11-25', MON_FRI, thanksgiving)).toBe(true);
    expect(isBusinessDay('2026-11-28', MON_FRI, thanksgiving)).toBe(false);
    expect(isBusinessDay('2026-11-26', MON_FRI, thanksgiving)).toBe(false);
  });

  it('follows the configured work week (no Fridays)', () => {
    expect(isBusinessDay('2026-03-13', MON_THU, [])).toBe(false);
    expect(isBusinessDay('2026-03-12', MON_THU, [])).toBe(true);
  });

  it('refuses a date that does not exist', () => {
    expect(() => isBusinessDay('2026-02-29', MON_FRI, [])).toThrow(RangeError);
  });
});

describe('nonBusinessReason', () => {
  it('names the holiday first, then the weekday, and is null on a business day', () => {
    const christmasOnSaturday = [{ date: '2027-12-25', name: 'Christmas' }];
    expect(nonBusinessReason('2027-12-25', MON_FRI, christmasOnSaturday)).toBe('Christmas');
    expect(nonBusinessReason('2027-12-26', MON_FRI, christmasOnSaturday)).toBe('not a work day');
    expect(nonBusinessReason('2027-12-27', MON_FRI, christmasOnSaturday)).toBeNull();
  });
});

describe('nearestBusinessDay', () => {
  it('looks strictly after or before the date', () => {
    expect(nearestBusinessDay('2026-11-25', 1, MON_FRI, thanksgiving)).toBe('2026-11-30');
    expect(nearestBusinessDay('2026-11-30', -1, MON_FRI, thanksgiving)).toBe('2026-11-25');
  });

  it('throws on an empty work week instead of looping forever', () => {
    expect(() => nearestBusinessDay('2026-11-25', 1, [], [])).toThrow(RangeError);
    expect(() => nearestBusinessDay('2026-11-25', 1, [0, 8], [])).toThrow(RangeError);
  });
});

describe('addBusinessDays', () => {
  it('steps over a weekend in both directions', () => {
    expect(addBusinessDays('2026-03-13', 1, MON_FRI, [])).toBe('2026-03-16');
    expect(addBusinessDays('2026-03-16', -1, MON_FRI, [])).toBe('2026-03-13');
  });

  it('steps over holidays', () => {
    expect(addBusinessDays('2026-11-25', 1, MON_FRI, thanksgiving)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-23', 5, MON_FRI, thanksgiving)).toBe('2026-12-02');
    expect(addBusinessDays('2026-12-02', -5, MON_FRI, thanksgiving)).toBe('2026-11-23');
  });

  it('does not count a non-business start date', () => {
    expect(addBusinessDays('2026-03-14', 1, MON_FRI, [])).toBe('2026-03-16');
    expect(addBusinessDays('2026-03-14', -1, MON_FRI, [])).toBe('2026-03-13');
    expect(addBusinessDays('2026-03-14', -2, MON_FRI, [])).toBe('2026-03-12');
  });

  it('returns the date unchanged for n = 0, even on a weekend', () => {
    expect(addBusinessDays('2026-03-14', 0, MON_FRI, [])).toBe('2026-03-14');
  });

  it('skips Fridays in a Monday–Thursday work week', () => {
    expect(addBusinessDays('2026-03-12', 1, MON_THU, [])).toBe('2026-03-16');
  });

  it('refuses a fractional n', () => {
    expect(() => addBusinessDays('2026-03-12', 1.5, MON_FRI, [])).toThrow(RangeError);
  });
});

describe('businessDaysBefore', () => {
  it('counts back from a business day', () => {
    expect(businessDaysBefore('2026-03-16', 2, MON_FRI, [])).toBe('2026-03-12');
    expect(businessDaysBefore('2026-03-16', 0, MON_FRI, [])).toBe('2026-03-16');
  });

  it('counts from the business day before a non-business date (unlike addBusinessDays)', () => {
    expect(businessDaysBefore('2026-03-14', 2, MON_FRI, [])).toBe('2026-03-11');
    expect(addBusinessDays('2026-03-14', -2, MON_FRI, [])).toBe('2026-03-12');
    expect(businessDaysBefore('2026-03-14', 0, MON_FRI, [])).toBe('2026-03-13');
  });

  it('skips holidays both when finding the start and when counting', () => {
    expect(businessDaysBefore('2026-11-30', 3, MON_FRI, thanksgiving)).toBe('2026-11-23');
    // Launch on Thanksgiving: count from Wednesday 11-25.
    expect(businessDaysBefore('2026-11-26', 1, MON_FRI, thanksgiving)).toBe('2026-11-24');
  });

  it('uses the configured work week', () => {
    // Launch Friday with Mon–Thu: Thursday is day 0, so 1 business day before is Wednesday.
    expect(businessDaysBefore('2026-03-13', 1, MON_THU, [])).toBe('2026-03-11');
  });

  it('refuses a negative n', () => {
    expect(() => businessDaysBefore('2026-03-16', -1, MON_FRI, [])).toThrow(RangeError);
  });
});
