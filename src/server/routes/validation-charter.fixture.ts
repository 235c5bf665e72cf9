import { charterContent, qbrInput } from '../policies/authorization-charter.fixture.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/** Bad input for the charter, friction and QBR write routes (validation.test.ts); `friction`: an active one. */
export function charterBadCases(ids: { friction: string }): Record<string, BadCase[]> {
  const missing = crypto.randomUUID();
  return {
    'PUT /api/v1/charter': [
      {
        name: 'no field',
        body: {},
        fields: [
          'mission',
          'primaryCustomers',
          'scope',
          'nonGoals',
          'decisionRights',
          'intake',
          'prioritization',
          'slas',
          'successMetrics',
        ],
      },
      {
        name: 'an empty mission and scope line',
        body: { ...charterContent, mission: '', scope: [' '] },
        fields: ['mission', 'scope.0'],
      },
    ],
    'POST /api/v1/frictions': [
      {
        name: 'no title, an unknown kind of evidence',
        body: { evidenceLinks: [{ kind: 'gossip', ref: 'x' }] },
        fields: ['title', 'evidenceLinks.0.kind'],
      },
      {
        name: 'a ritual, a release and a theme that do not exist',
        body: {
          title: 'Slow answers',
          ritualIds: [missing],
          evidenceLinks: [
            { kind: 'release', ref: missing },
            { kind: 'theme', ref: 'nope' },
          ],
        },
        fields: ['ritualIds.0', 'evidenceLinks.0.ref', 'evidenceLinks.1.ref'],
      },
    ],
    'PATCH /api/v1/frictions/:id': [
      { name: 'not an id', url: '/api/v1/frictions/abc', body: { title: 'x' }, fields: ['params.id'] },
      {
        name: 'an empty title, a metric that does not exist, retired not a yes/no',
        url: `/api/v1/frictions/${ids.friction}`,
        body: { title: ' ', evidenceLinks: [{ kind: 'metric', ref: 'happiness' }], retired: 'soon' },
        fields: ['title', 'evidenceLinks.0.ref', 'retired'],
      },
    ],
    'PUT /api/v1/frictions/ranking': [
      { name: 'not ids', body: { ids: ['x'] }, fields: ['ids.0'] },
      { name: 'not every active friction', body: { ids: [ids.friction] }, fields: ['ids'] },
    ],
    'POST /api/v1/qbr/:quarter/publish': [
      {
        name: 'not a quarter',
        url: '/api/v1/qbr/2026-Q9/publish',
        body: qbrInput,
        fields: ['params.quarter'],
      },
      {
        name: 'an empty priority, a retrospective without its sections, a roadmap item that is not an id',
        url: '/api/v1/qbr/2026-Q4/publish',
        body: {
          priorities: [{ text: '' }, { text: 'x', roadmapItemId: 'y' }],
          retrospective: { worked: [] },
        },
        fields: [
          'priorities.0.text',
          'priorities.1.roadmapItemId',
          'retrospective.didNot',
          'retrospective.prune',
        ],
      },
      {
        name: 'a roadmap item that does not exist',
        url: '/api/v1/qbr/2026-Q4/publish',
        body: { ...qbrInput, priorities: [{ text: 'x', roadmapItemId: missing }] },
        fields: ['priorities.0.roadmapItemId'],
      },
    ],
  };
}
