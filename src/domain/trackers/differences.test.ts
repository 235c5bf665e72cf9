import { describe, expect, it } from 'vitest';
import {
  closedWords,
  differencesOf,
  differenceText,
  progressText,
  targetWords,
  trackerSaysDone,
} from './differences.ts';

const work = { state: 'open' as const, dueOn: '2026-12-15', openIssues: 5, closedIssues: 7 };
const release = { type: 'release' as const, targetDate: '2026-12-15', status: 'planned' as const };
const item = {
  type: 'roadmap_item' as const,
  earliest: '2026-12-01',
  latest: '2027-01-31',
  status: 'planned' as const,
};

describe('tracker differences', () => {
  it('flags a due date that is not the launch date, or outside an item’s range', () => {
    expect(differencesOf(release, work)).toEqual([]);
    expect(differencesOf(release, { ...work, dueOn: '2026-12-18' })).toEqual([
      { kind: 'due_date', trackerValue: '2026-12-18', prodopsValue: '2026-12-15' },
    ]);
    expect(differencesOf(release, { ...work, dueOn: null })).toEqual([]);
    expect(differencesOf(item, { ...work, dueOn: '2027-01-31' })).toEqual([]);
    expect(differencesOf(item, { ...work, dueOn: '2027-02-01' })).toEqual([
      { kind: 'due_date', trackerValue: '2027-02-01', prodopsValue: '2026-12-01/2027-01-31' },
    ]);
  });

  it('flags work the tracker says is done while prodops says it is not; nothing once launched or shipped', () => {
    expect(trackerSaysDone({ ...work, openIssues: 0 })).toBe(true);
    expect(trackerSaysDone({ ...work, openIssues: 0, closedIssues: 0 })).toBe(false);
    expect(differencesOf(release, { ...work, state: 'closed' })).toEqual([
      { kind: 'tracker_done', trackerValue: 'closed', prodopsValue: 'planned' },
    ]);
    expect(
      differencesOf({ ...release, status: 'launched' }, { ...work, state: 'closed', dueOn: '2027-01-01' }),
    ).toEqual([]);
    expect(differencesOf({ ...item, status: 'shipped' }, { ...work, openIssues: 0 })).toEqual([]);
  });

  it('says them in words', () => {
    expect(
      differenceText(
        { kind: 'tracker_done', trackerValue: 'open', prodopsValue: 'in_readiness' },
        { tracker: 'GitHub', subjectType: 'release' },
      ),
    ).toBe('GitHub says the work is done (every issue closed); prodops says In readiness');
    expect(
      differenceText(
        { kind: 'due_date', trackerValue: '2027-02-01', prodopsValue: '2026-12-01/2027-01-31' },
        { tracker: 'GitHub', subjectType: 'roadmap_item' },
      ),
    ).toBe(
      "GitHub's due date is 1 February 2027, outside the roadmap range 1 December 2026 – 31 January 2027",
    );
    expect(progressText(5, 7)).toBe('7 of 12 issues closed');
    expect(progressText(0, 0)).toBe('no issues yet');
  });

  it('names what a link points at, per tracker', () => {
    expect(targetWords({ kind: 'github', repo: 'acme/billing', ref: '7' })).toBe(
      'GitHub milestone acme/billing #7',
    );
    expect(targetWords({ kind: 'jira', repo: 'epic', ref: 'ED-12' })).toBe('Jira epic ED-12');
    expect(targetWords({ kind: 'jira', repo: 'version', ref: '10001', title: 'Billing 2027.1' })).toBe(
      'Jira version Billing 2027.1',
    );
    expect(targetWords({ kind: 'linear', repo: 'project', ref: 'x', title: 'Usage billing' })).toBe(
      'Linear project Usage billing',
    );
    expect(
      differenceText(
        { kind: 'tracker_done', trackerValue: 'closed', prodopsValue: 'planned' },
        { tracker: 'Jira', subjectType: 'release', closedWords: closedWords({ kind: 'jira', repo: 'epic' }) },
      ),
    ).toBe('Jira says the work is done (epic done); prodops says Planned');
  });
});
