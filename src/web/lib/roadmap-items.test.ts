import { describe, expect, it } from 'vitest';
import type { TRoadmapItem } from '../../shared/roadmap.ts';
import {
  brokenLinks,
  brokenText,
  filterFromParams,
  filterItems,
  groupChanges,
  lanesFor,
  paramsFromFilter,
} from './roadmap-items.ts';
import { changeCounts, changeHeadline, itemLabel } from './roadmap-labels.ts';

function item(id: string, extra: Partial<TRoadmapItem> = {}): TRoadmapItem {
  return {
    id,
    title: `Item ${id}`,
    summary: 's',
    customerNote: '',
    areaId: 'area-1',
    areaName: 'Billing',
    status: 'planned',
    confidence: 'medium',
    earliest: '2027-01-01',
    latest: '2027-02-15',
    visibility: 'stakeholders',
    dependsOn: [],
    releaseIds: [],
    themes: [],
    ownerPmId: null,
    ownerPmName: null,
    version: 1,
    ratifiedVersion: 1,
    pending: false,
    quarters: 'Q1 2027',
    rangeText: 'Early Jan – mid Feb 2027',
    horizon: 'next',
    updatedAt: '2026-11-20T10:00:00Z',
    permissions: { update: true, delete: false },
    ...extra,
  };
}

describe('roadmap filters', () => {
  it('read and write the URL, ignoring unknown values', () => {
    const f = filterFromParams(new URLSearchParams('area=a1&status=paused&visibility=internal&pending=true'));
    expect(f).toEqual({ areaId: 'a1', status: 'paused', visibility: 'internal', pending: true });
    expect(paramsFromFilter(f).toString()).toBe('area=a1&status=paused&visibility=internal&pending=true');
    expect(filterFromParams(new URLSearchParams('status=bogus&visibility=x'))).toEqual({
      areaId: '',
      status: '',
      visibility: '',
      pending: false,
    });
  });

  it('hide dropped items unless asked for every status', () => {
    const items = [
      item('a'),
      item('b', { status: 'dropped' }),
      item('c', { pending: true, areaId: 'area-2' }),
    ];
    const ids = (f: Parameters<typeof filterItems>[1]) => filterItems(items, f).map((it) => it.id);
    const none = { areaId: '', status: '', visibility: '', pending: false } as const;
    expect(ids(none)).toEqual(['a', 'c']);
    expect(ids({ ...none, status: 'all' })).toEqual(['a', 'b', 'c']);
    expect(ids({ ...none, status: 'dropped' })).toEqual(['b']);
    expect(ids({ ...none, pending: true })).toEqual(['c']);
    expect(ids({ ...none, areaId: 'area-2' })).toEqual(['c']);
  });
});

describe('broken dependencies', () => {
  it('are those on dropped items, missing items, or items that may land later', () => {
    const items = [
      item('a', { dependsOn: ['dropped', 'late', 'fine', 'gone'] }),
      item('dropped', { status: 'dropped' }),
      item('late', { latest: '2027-03-01', rangeText: 'Early Jan – early Mar 2027' }),
      item('fine', { latest: '2027-01-20' }),
    ];
    const broken = brokenLinks(items);
    expect(broken.map((b) => b.depId)).toEqual(['dropped', 'late', 'gone']);
    expect(broken.map(brokenText)).toEqual([
      'Item a depends on Item dropped, which was dropped',
      'Item a depends on Item late, which may land after it (Early Jan – early Mar 2027)',
      'Item a depends on an item that is no longer on the roadmap',
    ]);
  });
});

describe('lanes', () => {
  it('follow the order of the areas, unknown areas last', () => {
    const items = [
      item('a', { areaId: 'z', areaName: 'Zeta' }),
      item('b'),
      item('c', { areaId: 'x', areaName: 'X' }),
    ];
    const areas = [
      { id: 'area-0', name: 'Empty' },
      { id: 'area-1', name: 'Billing' },
    ];
    expect(lanesFor(items, areas).map((l) => l.name)).toEqual(['Billing', 'X', 'Zeta']);
  });
});

describe('roadmap labels', () => {
  it('say the title, the range, the confidence, the status and whether it waits for review', () => {
    expect(
      itemLabel(
        item('a', { title: 'Usage billing', rangeText: 'Early Dec – late Jan 2027', confidence: 'high' }),
      ),
    ).toBe('Usage billing, Early Dec – late Jan 2027, high confidence, planned');
    expect(itemLabel(item('a', { pending: true, status: 'in_progress' }))).toMatch(
      /, in progress, waiting for the next review$/,
    );
  });

  it('name a change with the size of a move, and count changes by kind', () => {
    expect(changeHeadline({ kind: 'slipped', days: 14 })).toBe('Slipped 14 days');
    expect(changeHeadline({ kind: 'pulled_in', days: -1 })).toBe('Pulled in 1 day');
    expect(changeHeadline({ kind: 'added', days: null })).toBe('Added');
    expect(changeCounts([{ kind: 'slipped' }, { kind: 'added' }, { kind: 'slipped' }])).toBe(
      'Added: 1, Slipped: 2',
    );
  });
});

describe('the diff view', () => {
  it('groups changes by area in the areas order, then by item in the order given', () => {
    const change = (itemId: string, areaId: string, kind: 'added' | 'slipped') => ({
      itemId,
      title: itemId,
      areaId,
      kind,
      from: null,
      to: null,
      days: null,
      otherItemId: null,
      text: '',
    });
    const groups = groupChanges(
      [
        change('a', 'x', 'added'),
        change('b', 'y', 'slipped'),
        change('a', 'x', 'slipped'),
        change('c', 'gone', 'added'),
      ],
      [
        { id: 'y', name: 'Y' },
        { id: 'x', name: 'X' },
      ],
    );
    expect(groups.map((g) => g.areaName)).toEqual(['Y', 'X', 'Another area']);
    expect(groups[1]!.items.map((it) => [it.itemId, it.changes.map((c) => c.kind)])).toEqual([
      ['a', ['added', 'slipped']],
    ]);
  });
});
