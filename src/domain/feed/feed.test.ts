import { describe, expect, it } from 'vitest';
import type { TFeedEntry } from '../../shared/feed.ts';
import { byMonth, itemDay, launchAudiences, monthLabel, monthsBefore, readerAudience } from './feed.ts';

const entry = (title: string, date: string): TFeedEntry => ({
  kind: 'launch',
  key: title,
  title,
  areaName: null,
  date,
  dateText: date,
  exact: true,
  statusText: 'Upcoming',
  tierText: null,
  words: null,
  talkTrack: null,
  supportNotes: null,
  audiences: ['sales'],
  roadmapItems: [],
  href: '/',
});

describe('the stakeholder feed’s rules', () => {
  it('reads the audience from the function, as the home picks its sections', () => {
    expect(['sales', 'marketing', 'support', 'cs', 'exec', 'pm', 'data', null].map(readerAudience)).toEqual([
      'sales',
      'sales',
      'support',
      'cs',
      'exec',
      'all',
      'all',
      'all',
    ]);
  });

  it('announces a launch to the tier’s audiences, CS with Support, Exec for Tier 3', () => {
    expect(launchAudiences(['support', 'sales'], 2)).toEqual(['sales', 'support', 'cs']);
    expect(launchAudiences(['support', 'sales'], 3)).toEqual(['sales', 'support', 'cs', 'exec']);
    expect(launchAudiences(['marketing'], 2)).toEqual(['sales']);
    expect(launchAudiences([], 2)).toEqual([]);
  });

  it('puts an open item at its earliest day or today, a shipped one on its launch day', () => {
    const item = { status: 'in_progress' as const, earliest: '2026-10-05', latest: '2026-12-20' };
    expect(itemDay(item, null, '2026-11-18')).toBe('2026-11-18');
    expect(itemDay({ ...item, earliest: '2027-01-04' }, null, '2026-11-18')).toBe('2027-01-04');
    expect(itemDay({ ...item, status: 'shipped' }, '2026-10-30', '2026-11-18')).toBe('2026-10-30');
    expect(itemDay({ ...item, status: 'shipped', latest: '2026-11-02' }, null, '2026-11-18')).toBe(
      '2026-11-02',
    );
  });

  it('groups by month, newest first, the latest day first; empty months left out but the current one', () => {
    const months = byMonth(
      [
        entry('B', '2026-11-03'),
        entry('A', '2026-11-27'),
        entry('C', '2027-01-10'),
        entry('Z', '2026-06-01'),
      ],
      '2026-11-18',
      { newest: '2027-01', oldest: '2026-09' },
    );
    expect(months.map((m) => [m.month, m.label, m.when, m.entries.map((e) => e.title)])).toEqual([
      ['2027-01', 'January 2027', 'upcoming', ['C']],
      ['2026-11', 'November 2026', 'current', ['A', 'B']],
    ]);
    expect(byMonth([], '2026-11-18', { newest: '2026-12', oldest: '2026-10' }).map((m) => m.month)).toEqual([
      '2026-11',
    ]);
    expect(monthsBefore('2027-01', 2)).toBe('2026-11');
    expect(monthLabel('2026-02')).toBe('February 2026');
  });
});
