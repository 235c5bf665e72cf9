import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/calendar.ts';
import {
  daysBetween,
  horizonOf,
  quarterAfter,
  quarterOf,
  quartersOf,
  quartersText,
  rangeText,
  viewWindow,
} from './quarters.ts';

describe('quarters', () => {
  it('puts the first and last day of every calendar quarter in that quarter', () => {
    const edges: [string, string][] = [
      ['2026-01-01', 'Q1 2026'],
      ['2026-03-31', 'Q1 2026'],
      ['2026-04-01', 'Q2 2026'],
      ['2026-06-30', 'Q2 2026'],
      ['2026-07-01', 'Q3 2026'],
      ['2026-09-30', 'Q3 2026'],
      ['2026-10-01', 'Q4 2026'],
      ['2026-12-31', 'Q4 2026'],
      ['2027-01-01', 'Q1 2027'],
    ];
    for (const [date, label] of edges) expect(`${date} ${quarterOf(date).label}`).toBe(`${date} ${label}`);
    expect(quarterOf('2026-11-21')).toMatchObject({
      start: '2026-10-01',
      end: '2026-12-31',
      q: 4,
      fiscalYear: 2026,
    });
  });

  it('handles leap years at the end of a fiscal quarter', () => {
    // A fiscal year starting in December: Q1 is Dec–Feb, so Feb 29 ends it in a leap year.
    expect(quarterOf('2028-02-29', 12)).toMatchObject({
      start: '2027-12-01',
      end: '2028-02-29',
      q: 1,
      label: 'FY28 Q1',
    });
    expect(quarterOf('2028-03-01', 12)).toMatchObject({ start: '2028-03-01', q: 2, label: 'FY28 Q2' });
    expect(quarterOf('2027-02-28', 12).end).toBe('2027-02-28');
  });

  it('follows a fiscal year that starts in another month, named by the year it ends in', () => {
    // February start (a common retail year): FY27 runs Feb 2026 – Jan 2027.
    expect(quarterOf('2026-02-01', 2)).toMatchObject({
      label: 'FY27 Q1',
      start: '2026-02-01',
      end: '2026-04-30',
    });
    expect(quarterOf('2026-01-31', 2)).toMatchObject({
      label: 'FY26 Q4',
      start: '2025-11-01',
      end: '2026-01-31',
    });
    expect(quarterOf('2026-11-01', 2)).toMatchObject({
      label: 'FY27 Q4',
      start: '2026-11-01',
      end: '2027-01-31',
    });
    // July start: FY27 Q1 is Jul–Sep 2026.
    expect(quarterOf('2026-07-01', 7).label).toBe('FY27 Q1');
    expect(quarterOf('2026-06-30', 7).label).toBe('FY26 Q4');
  });

  it('steps quarters across year ends both ways', () => {
    expect(quarterAfter('2026-12-31', 1).label).toBe('Q1 2027');
    expect(quarterAfter('2026-01-01', -1).label).toBe('Q4 2025');
    expect(quarterAfter('2026-11-15', 4)).toMatchObject({
      label: 'Q4 2027',
      start: '2027-10-01',
      end: '2027-12-31',
    });
  });

  it('names every quarter a range spans', () => {
    expect(quartersText('2026-12-31', '2026-12-31')).toBe('Q4 2026');
    expect(quartersText('2026-12-31', '2027-01-01')).toBe('Q4 2026 – Q1 2027');
    expect(quartersOf('2026-09-30', '2027-04-01').map((q) => q.label)).toEqual([
      'Q3 2026',
      'Q4 2026',
      'Q1 2027',
      'Q2 2027',
    ]);
    expect(quartersOf('2026-10-01', '2026-12-31').map((q) => q.label)).toEqual(['Q4 2026']);
  });
});

describe('horizon and the stakeholder window', () => {
  it('places a range in this quarter, the next one, later or the past', () => {
    const today = '2026-12-31';
    expect(horizonOf('2026-12-31', '2026-12-31', today)).toBe('current');
    expect(horizonOf('2026-09-01', '2026-10-01', today)).toBe('current');
    expect(horizonOf('2026-09-01', '2026-09-30', today)).toBe('past');
    expect(horizonOf('2027-01-01', '2027-01-01', today)).toBe('next');
    expect(horizonOf('2027-03-31', '2027-06-01', today)).toBe('next');
    expect(horizonOf('2027-04-01', '2027-06-01', today)).toBe('later');
  });

  it("takes today from the org's time zone, not the server's", () => {
    // 07:30 UTC on 1 Jan 2027 is still New Year's Eve in Los Angeles and already 2027 in Tokyo.
    const instant = new Date('2027-01-01T07:30:00Z');
    const la = todayIn('America/Los_Angeles', instant);
    const tokyo = todayIn('Asia/Tokyo', instant);
    expect(la).toBe('2026-12-31');
    expect(tokyo).toBe('2027-01-01');
    expect(viewWindow(la).map((q) => q.label)).toEqual(['Q4 2026', 'Q1 2027']);
    expect(viewWindow(tokyo).map((q) => q.label)).toEqual(['Q1 2027', 'Q2 2027']);
    // The same item is "current" for one org and "past" for the other.
    expect(horizonOf('2026-12-01', '2026-12-31', la)).toBe('current');
    expect(horizonOf('2026-12-01', '2026-12-31', tokyo)).toBe('past');
    // Kiritimati (UTC+14) and Baker-adjacent Pago Pago (UTC−11) are a calendar day apart at the same instant.
    const q = new Date('2026-09-30T12:00:00Z');
    expect(viewWindow(todayIn('Pacific/Kiritimati', q))[0].label).toBe('Q4 2026');
    expect(viewWindow(todayIn('Pacific/Pago_Pago', q))[0].label).toBe('Q3 2026');
  });

  it('rolls the window on the first day of a quarter, across a DST change', () => {
    // 1 Apr 2027 00:30 in New York (EDT) is 04:30 UTC; at 03:30 UTC it is still 31 March.
    expect(viewWindow(todayIn('America/New_York', new Date('2027-04-01T03:30:00Z')))[0].label).toBe(
      'Q1 2027',
    );
    expect(viewWindow(todayIn('America/New_York', new Date('2027-04-01T04:30:00Z')))[0].label).toBe(
      'Q2 2027',
    );
  });
});

describe('ranges in stakeholder language', () => {
  it('never reads as a single committed date', () => {
    expect(rangeText('2026-12-01', '2027-01-31')).toBe('Early Dec 2026 – late Jan 2027');
    expect(rangeText('2027-03-15', '2027-04-30')).toBe('Mid Mar – late Apr 2027');
    expect(rangeText('2026-12-01', '2026-12-20')).toBe('Early–mid Dec 2026');
    expect(rangeText('2026-12-24', '2026-12-24')).toBe('Late Dec 2026');
    expect(rangeText('2026-12-10', '2026-12-11')).toBe('Early–mid Dec 2026');
    expect(rangeText('2026-12-31', '2027-01-01')).toBe('Late Dec 2026 – early Jan 2027');
  });

  it('counts calendar days across years and leap days', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-01-31', '2026-12-01')).toBe(-61);
  });
});

describe('against a calendar oracle (Temporal)', () => {
  it('gives every day of 2024–2030 its quarter, for every fiscal year start', () => {
    let day = Temporal.PlainDate.from('2024-01-01');
    const wrong: string[] = [];
    while (day.year <= 2030) {
      const date = day.toString();
      for (let fy = 1; fy <= 12; fy++) {
        const q = quarterOf(date, fy);
        const start = Temporal.PlainDate.from(q.start);
        const end = start.add({ months: 3 }).subtract({ days: 1 });
        const aligned = (start.month - fy + 12) % 3 === 0 && start.day === 1;
        const holds = q.start <= date && date <= q.end && end.toString() === q.end;
        const qNumber = Math.floor(((start.month - fy + 12) % 12) / 3) + 1;
        if (!aligned || !holds || q.q !== qNumber) wrong.push(`${date}/${fy}: ${q.start}–${q.end} Q${q.q}`);
      }
      expect(daysBetween('2024-01-01', date)).toBe(Temporal.PlainDate.from('2024-01-01').until(day).days);
      day = day.add({ days: 1 });
    }
    expect(wrong).toEqual([]);
  });
});
