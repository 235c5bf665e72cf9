import type { BadCase } from './validation-releases-insights.fixture.ts';

/** Bad input for the tracker connection's write routes (issue 18); RELEASE and ITEM are filled in by the test. */
export function trackerBadCases(): Record<string, BadCase[]> {
  const link = (base: string): BadCase[] => [
    {
      name: 'not a repository, not a milestone number',
      url: `${base}/tracker/link`,
      body: { repo: 'billing', milestone: 0 },
      fields: ['repo', 'milestone'],
    },
    { name: 'no body fields', url: `${base}/tracker/link`, body: {}, fields: ['repo', 'milestone'] },
    {
      name: 'a Jira link with neither an epic key nor a version id',
      url: `${base}/tracker/link`,
      body: { kind: 'jira', epic: 'not a key', fixVersion: 'v1' },
      fields: ['epic', 'fixVersion'],
    },
    { name: 'a Jira link to nothing', url: `${base}/tracker/link`, body: { kind: 'jira' }, fields: ['epic'] },
    {
      name: 'a Linear link without a project id',
      url: `${base}/tracker/link`,
      body: { kind: 'linear', project: 'ENG' },
      fields: ['project'],
    },
    { name: 'an unknown tracker', url: `${base}/tracker/link`, body: { kind: 'trello' }, fields: ['kind'] },
  ];
  return {
    'PUT /api/v1/integrations/github': [
      {
        name: 'every field wrong',
        body: {
          apiUrl: 'ftp://github.example.com',
          token: 'x',
          webhookSecret: 'short',
          bugLabel: '',
          colour: 1,
        },
        fields: ['apiUrl', 'token', 'webhookSecret', 'bugLabel', 'colour'],
      },
    ],
    'POST /api/v1/integrations/github/sync': [],
    'POST /api/v1/integrations/github/differences/:id/acknowledge': [
      {
        name: 'not an id',
        url: '/api/v1/integrations/github/differences/abc/acknowledge',
        fields: ['params.id'],
      },
    ],
    'POST /api/v1/releases/:id/tracker/link': link('/api/v1/releases/RELEASE'),
    'POST /api/v1/releases/:id/tracker/unlink': [
      { name: 'not an id', url: '/api/v1/releases/abc/tracker/unlink', fields: ['params.id'] },
    ],
    'POST /api/v1/roadmap/items/:id/tracker/link': link('/api/v1/roadmap/items/ITEM'),
    'POST /api/v1/roadmap/items/:id/tracker/unlink': [
      { name: 'not an id', url: '/api/v1/roadmap/items/abc/tracker/unlink', fields: ['params.id'] },
    ],
    // Signed by GitHub, not by a session: a delivery that is not JSON or misses its headers is refused with 400
    // (and a bad signature with 401) in services/trackers/trackers.test.ts.
    'POST /api/v1/integrations/github/webhook': [],
    'PUT /api/v1/integrations/jira': [
      {
        name: 'every field wrong',
        body: {
          apiUrl: 'acme.atlassian.net',
          token: 'no-email-here',
          webhookSecret: 'short',
          bugLabel: '',
          x: 1,
        },
        fields: ['apiUrl', 'token', 'webhookSecret', 'bugLabel', 'x'],
      },
    ],
    'POST /api/v1/integrations/jira/sync': [],
    'POST /api/v1/integrations/jira/differences/:id/acknowledge': [
      {
        name: 'not an id',
        url: '/api/v1/integrations/jira/differences/abc/acknowledge',
        fields: ['params.id'],
      },
    ],
    // Carrying Jira's shared secret, not a session: the wrong secret (401) and a payload that is not an issue
    // event (400) are in services/trackers/jira.test.ts.
    'POST /api/v1/integrations/jira/webhook': [],
    'PUT /api/v1/integrations/linear': [
      {
        name: 'every field wrong',
        body: { apiUrl: 'api.linear.app', token: 'short', webhookSecret: 'short', feedbackLabel: '', x: 1 },
        fields: ['apiUrl', 'token', 'webhookSecret', 'feedbackLabel', 'x'],
      },
    ],
    'POST /api/v1/integrations/linear/sync': [],
    'POST /api/v1/integrations/linear/differences/:id/acknowledge': [
      {
        name: 'not an id',
        url: '/api/v1/integrations/linear/differences/abc/acknowledge',
        fields: ['params.id'],
      },
    ],
    // Signed by Linear: a bad signature or stale timestamp (401) and a bad payload (400) are in
    // services/trackers/linear.test.ts.
    'POST /api/v1/integrations/linear/webhook': [],
  };
}
