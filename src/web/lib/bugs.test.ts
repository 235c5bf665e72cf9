import { describe, expect, it } from 'vitest';
import type { TAreaBugBacklog, TBug } from '../../shared/bugs.ts';
import { backlogText, bugAgeText, bugDecisionText, bugOrder, decidersText } from './bugs.ts';

const area: TAreaBugBacklog = {
  area: { id: '00000000-0000-4000-8000-000000000001', slug: 'reporting', name: 'Reporting' },
  open: 11,
  oldestAgeDays: 19,
  overLimit: 9,
  awaitingDecision: 1,
  fixNow: 8,
  deciders: [
    { personId: '00000000-0000-4000-8000-000000000002', name: 'Aisha Bello', as: 'pm' },
    { personId: '00000000-0000-4000-8000-000000000003', name: 'Noah Prodeng', as: 'rotation' },
  ],
};
const bug = (over: Partial<TBug>): TBug => ({
  id: '00000000-0000-4000-8000-00000000000a',
  source: 'insights',
  externalId: '42',
  area: area.area,
  title: 'Scheduled report arrives without its charts',
  openedOn: '2026-10-30',
  ageDays: 19,
  reports: 4,
  lastReportedAt: '2026-11-16T07:48:00.000Z',
  state: 'open',
  closedAt: null,
  closedReason: null,
  closedBy: null,
  disposition: null,
  assignee: null,
  wontFixReason: null,
  decidedBy: null,
  decidedAt: null,
  overLimit: true,
  awaitingDecision: true,
  promptedAt: null,
  permissions: { decide: true, close: true },
  ...over,
});

describe('the bug backlog in words', () => {
  it('says the backlog against zero and who decides this week', () => {
    expect(backlogText(area, 7)).toBe(
      'Oldest open for 19 days; 9 over the 7-day limit: 1 waiting for a decision, 8 being fixed now.',
    );
    expect(backlogText({ ...area, overLimit: 0, oldestAgeDays: 1 }, 7)).toBe(
      'Oldest open for 1 day; none over the 7-day limit.',
    );
    expect(backlogText({ ...area, open: 0, oldestAgeDays: null }, 7)).toBe(
      'No open bug: the area is at the target.',
    );
    expect(decidersText(area)).toBe(
      'Decides this week: Aisha Bello (PM), Noah Prodeng (production-engineering rotation); Product Ops and the Head of Product may too.',
    );
    expect(decidersText({ ...area, deciders: [] })).toContain('Product Ops are asked');
  });

  it('says each bug’s age and decision, the waiting ones first', () => {
    expect(bugAgeText(bug({}))).toBe('Open 19 days, since Fri 30 Oct 2026 · reported 4 times');
    expect(bugDecisionText(bug({}), 7)).toBe('Open longer than 7 days with no decision.');
    expect(
      bugDecisionText(
        bug({
          disposition: 'fix_now',
          awaitingDecision: false,
          assignee: { id: area.deciders[1]!.personId, name: 'Noah Prodeng' },
          decidedBy: 'Aisha Bello',
        }),
        7,
      ),
    ).toBe('Fix now: Noah Prodeng (decided by Aisha Bello).');
    const fresh = bug({ id: 'b', ageDays: 2, overLimit: false, awaitingDecision: false });
    const fixing = bug({ id: 'c', ageDays: 30, awaitingDecision: false, disposition: 'fix_now' });
    const waiting = bug({ id: 'd', ageDays: 9 });
    expect(bugOrder([fresh, fixing, waiting]).map((b) => b.id)).toEqual(['d', 'c', 'b']);
    expect(bugDecisionText(fresh, 7)).toBe('Within the 7 days a bug may wait for a decision.');
  });
});
