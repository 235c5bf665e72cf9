import type { BadCase } from './validation-releases-insights.fixture.ts';

/**
 * Bad input for the 30/60/90 plan's write routes (validation.test.ts); `ids.deliverable`: a manual deliverable of
 * a started plan (its tick route loads it before reading the body), `ids.pm1`: a person.
 */
export function planBadCases(ids: { deliverable: string; pm1: string }): Record<string, BadCase[]> {
  const retro = { working: 'Updates are read', overhead: 'Chasing', adjust: 'Earlier deadline' };
  return {
    'POST /api/v1/plan': [{ name: 'not a date', body: { startOn: '2026-02-30' }, fields: ['startOn'] }],
    'PATCH /api/v1/plan/timeboxes/:n': [
      {
        name: 'a fourth timebox',
        url: '/api/v1/plan/timeboxes/4',
        body: { goal: 'x' },
        fields: ['params.n'],
      },
      {
        name: 'an empty goal, metrics not a list, an area that is not an id',
        url: '/api/v1/plan/timeboxes/1',
        body: { goal: ' ', metrics: 'many', pilotAreaId: 'billing' },
        fields: ['goal', 'metrics', 'pilotAreaId'],
      },
      {
        name: 'an area that does not exist',
        url: '/api/v1/plan/timeboxes/1',
        body: { pilotAreaId: crypto.randomUUID() },
        fields: ['pilotAreaId'],
      },
    ],
    'POST /api/v1/plan/deliverables/:id/tick': [
      {
        name: 'not an id',
        url: '/api/v1/plan/deliverables/abc/tick',
        body: { done: true, note: 'x' },
        fields: ['params.id'],
      },
      {
        name: 'no note, done not true or false',
        url: `/api/v1/plan/deliverables/${ids.deliverable}/tick`,
        body: { done: 'yes', note: '' },
        fields: ['done', 'note'],
      },
    ],
    'PUT /api/v1/plan/retros/:week': [
      {
        name: 'week 5',
        url: '/api/v1/plan/retros/5',
        body: { ...retro, actions: [] },
        fields: ['params.week'],
      },
      {
        name: 'no action',
        url: '/api/v1/plan/retros/4',
        body: { ...retro, actions: [] },
        fields: ['actions'],
      },
      {
        name: 'an action without an owner, a bad due date',
        url: '/api/v1/plan/retros/4',
        body: { ...retro, actions: [{ title: 'Move the deadline', dueOn: 'soon' }] },
        fields: ['actions.0.ownerId', 'actions.0.dueOn'],
      },
      {
        name: 'an owner who does not exist',
        url: '/api/v1/plan/retros/4',
        body: { ...retro, actions: [{ title: 'Move the deadline', ownerId: crypto.randomUUID() }] },
        fields: ['actions.0.ownerId'],
      },
    ],
  };
}
