import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { podCompositionErrors, podWarnings } from './pods.ts';

const targets = DEFAULT_SETTINGS.pods;
const m = (name: string, role: 'pm' | 'engineer' | 'designer', otherPods: string[] = [], active = true) => ({
  personId: name,
  name,
  role,
  active,
  otherPods,
});
const threeOneOne = [
  m('E1', 'engineer'),
  m('E2', 'engineer'),
  m('E3', 'engineer'),
  m('D', 'designer'),
  m('P', 'pm'),
];

describe('3-1-1 warnings', () => {
  it('has nothing to say about a 3-1-1 pod with a rotation', () => {
    expect(podWarnings(threeOneOne, targets, true)).toEqual([]);
  });

  it('names the counts when the composition differs', () => {
    const [w] = podWarnings(threeOneOne.slice(1), targets, true);
    expect(w).toEqual({
      code: 'composition',
      message: 'Not 3-1-1: has 2 engineers, 1 designer and 1 PM (target 3 engineers, 1 designer, 1 PM).',
    });
  });

  it('flags people in other pods, inactive members and a missing rotation', () => {
    const members = [...threeOneOne.slice(0, 4), m('P', 'pm', ['Search pod', 'Mobile pod'], false)];
    expect(podWarnings(members, targets, false).map((w) => w.message)).toEqual([
      'P is also in Search pod, Mobile pod: not single-threaded.',
      'P is no longer active.',
      'No production-engineering rotation this week: nobody shields the pod from inbound bugs.',
    ]);
  });

  it('follows configured targets', () => {
    expect(podWarnings(threeOneOne.slice(1), { ...targets, engineers: 2 }, true)).toEqual([]);
  });
});

describe('hard composition rules', () => {
  it('refuses more PMs than maxPms and a person listed twice', () => {
    const errors = podCompositionErrors([m('A', 'pm'), m('B', 'pm'), m('A', 'engineer')], targets);
    expect(errors).toEqual([
      { path: 'members', message: 'has 2 PMs; a pod has at most 1 (single-threaded ownership)' },
      { path: 'members.2.personId', message: 'is listed twice in this pod' },
    ]);
  });
});
