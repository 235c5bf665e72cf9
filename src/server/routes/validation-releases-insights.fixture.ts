/** A bad request for a write route: its URL (placeholders such as RELEASE are filled in by the test), its
 * body, and the field paths the 400 must name. */
export interface BadCase {
  name: string;
  url?: string;
  body?: unknown;
  raw?: string;
  /** Field paths the 400 must name. */
  fields: string[];
  /** Sent as the Head of Product, for routes only that role may call (else as an admin). */
  as?: 'head_of_product';
}

/** Bad input for the release enablement (C5) and insights (C6) write routes; `stakeholder` is a non-PM id. */
export function releaseAndInsightCases(ids: { stakeholder: string }): Record<string, BadCase[]> {
  return {
    'POST /api/v1/releases': [
      {
        name: 'a tier below the suggestion without a reason',
        body: { title: 'Checkout', targetDate: '2026-12-01', attributes: ['ga_launch'], tier: 1 },
        fields: ['tierReason'],
      },
      {
        name: 'empty title, impossible date, tier 4',
        body: { title: '', targetDate: '2026-13-01', tier: 4 },
        fields: ['title', 'targetDate', 'tier'],
      },
      {
        name: 'unknown area and a non-PM owner',
        body: {
          title: 'X',
          targetDate: '2026-12-01',
          areaId: crypto.randomUUID(),
          pmOwnerId: ids.stakeholder,
        },
        fields: ['areaId', 'pmOwnerId'],
      },
    ],
    'PATCH /api/v1/releases/:id': [
      {
        name: 'unknown status',
        url: '/api/v1/releases/RELEASE',
        body: { status: 'shipped' },
        fields: ['status'],
      },
      {
        name: 'hold without a go/no-go decision',
        url: '/api/v1/releases/RELEASE',
        body: { status: 'hold' },
        fields: ['status'],
      },
      {
        name: 'attributes that are not in the tier table',
        url: '/api/v1/releases/RELEASE',
        body: { attributes: ['ga_launch', 'teleportation'] },
        fields: ['attributes.1'],
      },
    ],
    'POST /api/v1/releases/tier-suggestion': [
      {
        name: 'not a key, and an unknown one',
        body: { attributes: ['GA Launch!'] },
        fields: ['attributes.0'],
      },
      {
        name: 'unknown attribute',
        body: { attributes: ['api_change', 'teleportation'] },
        fields: ['attributes.1'],
      },
    ],
    'PUT /api/v1/releases/:id/bundle': [
      {
        name: 'a number for a section, a section the template does not have',
        url: '/api/v1/releases/RELEASE/bundle',
        body: { sections: { what_changed: 5, colour: 'blue' } },
        fields: ['sections.what_changed', 'sections.colour'],
      },
    ],
    'POST /api/v1/releases/:id/bundle/distribute': [
      { name: 'not an id', url: '/api/v1/releases/abc/bundle/distribute', fields: ['params.id'] },
    ],
    'POST /api/v1/releases/:id/bundle/publish': [
      { name: 'not an id', url: '/api/v1/releases/abc/bundle/publish', fields: ['params.id'] },
      { name: 'incomplete bundle', url: '/api/v1/releases/TIER2/bundle/publish', fields: ['sections'] },
    ],
    'POST /api/v1/releases/:id/sign-offs': [
      {
        name: 'unknown kind',
        url: '/api/v1/releases/RELEASE/sign-offs',
        body: { kind: 'ceo' },
        fields: ['kind'],
      },
      {
        name: 'note too long',
        url: '/api/v1/releases/RELEASE/sign-offs',
        body: { kind: 'sales', note: 'x'.repeat(2001) },
        fields: ['note'],
      },
      {
        name: 'not ready without saying why',
        url: '/api/v1/releases/RELEASE/sign-offs',
        body: { kind: 'support', ready: false, note: '  ' },
        fields: ['note'],
      },
    ],
    'DELETE /api/v1/releases/:id/sign-offs/:kind': [
      { name: 'unknown kind', url: '/api/v1/releases/RELEASE/sign-offs/ceo', fields: ['kind'] },
    ],
    'POST /api/v1/releases/:id/decisions': [
      {
        name: 'unknown decision, no reason',
        url: '/api/v1/releases/RELEASE/decisions',
        body: { decision: 'maybe', reason: '' },
        fields: ['decision', 'reason'],
      },
      {
        name: 'delay without a new date',
        url: '/api/v1/releases/RELEASE/decisions',
        body: { decision: 'delay', reason: 'Vendor late' },
        fields: ['newTargetDate'],
      },
    ],
    'POST /api/v1/releases/:id/gate-overrides': [
      {
        name: 'no check, blank reason, not an instant',
        url: '/api/v1/releases/RELEASE/gate-overrides',
        body: { reason: '  ', expiresAt: '12 Dec' },
        fields: ['checkId', 'reason', 'expiresAt'],
        as: 'head_of_product',
      },
      {
        name: 'a check that is never overridden, an end in the past',
        url: '/api/v1/releases/RELEASE/gate-overrides',
        body: { checkId: 'tier', reason: 'Trust me', expiresAt: '2020-01-01T00:00:00Z' },
        fields: ['checkId', 'expiresAt'],
        as: 'head_of_product',
      },
      {
        name: 'an end beyond 30 days, an unknown field',
        url: '/api/v1/releases/RELEASE/gate-overrides',
        body: { checkId: 'sign_offs', reason: 'Fine', expiresAt: '2100-01-01T00:00:00Z', forever: true },
        fields: ['forever'],
        as: 'head_of_product',
      },
      {
        name: 'not an id',
        url: '/api/v1/releases/abc/gate-overrides',
        body: { checkId: 'sign_offs', reason: 'Fine', expiresAt: '2100-01-01T00:00:00Z' },
        fields: ['params.id'],
        as: 'head_of_product',
      },
    ],
    'DELETE /api/v1/releases/:id/gate-overrides/:overrideId': [
      {
        name: 'override not an id',
        url: '/api/v1/releases/RELEASE/gate-overrides/42',
        fields: ['params.overrideId'],
        as: 'head_of_product',
      },
    ],
    'PUT /api/v1/releases/:id/post-launch/:kind': [
      {
        name: 'not a check',
        url: '/api/v1/releases/RELEASE/post-launch/day7',
        body: { answers: {} },
        fields: ['params.kind'],
      },
      {
        name: 'a question the check does not ask, no action items for the retro',
        url: '/api/v1/releases/LAUNCHED/post-launch/day14',
        body: { answers: { mood: 'great' } },
        fields: ['answers.mood', 'actionItems'],
      },
      {
        name: 'four action items',
        url: '/api/v1/releases/LAUNCHED/post-launch/day14',
        body: { answers: {}, actionItems: ['a', 'b', 'c', 'd'] },
        fields: ['actionItems'],
      },
    ],
    'PATCH /api/v1/release-action-items/:id': [
      {
        name: 'not an id',
        url: '/api/v1/release-action-items/abc',
        body: { status: 'done' },
        fields: ['params.id'],
      },
    ],
    'POST /api/v1/insights/intake': [
      { name: 'no source, no items', body: { source: '', items: [] }, fields: ['source', 'items'] },
      {
        name: 'an item without text',
        body: { source: 'support', items: [{ externalId: 'a-1' }] },
        fields: ['items.0.body'],
      },
      {
        name: 'a source the taxonomy does not have',
        body: { source: 'telepathy', items: [{ externalId: 'a-1', body: 'Hello' }] },
        fields: ['source'],
      },
    ],
    'PATCH /api/v1/insights/:id': [
      { name: 'unknown kind', url: '/api/v1/insights/INSIGHT', body: { kind: 'rant' }, fields: ['kind'] },
      {
        name: 'a theme and area that do not exist',
        url: '/api/v1/insights/INSIGHT',
        body: { theme: 'astrology', areaId: crypto.randomUUID() },
        fields: ['theme', 'areaId'],
      },
      { name: 'not an id', url: '/api/v1/insights/abc', body: { kind: 'bug' }, fields: ['params.id'] },
    ],
    'POST /api/v1/insights/triage': [
      { name: 'a week that does not exist', body: { week: '2026-W60' }, fields: ['week'] },
    ],
    'POST /api/v1/insights/routings/:id/disposition': [
      {
        name: "won't do without a rationale",
        url: '/api/v1/insights/routings/ROUTING/disposition',
        body: { disposition: 'wont_do' },
        fields: ['rationale'],
      },
      {
        name: 'unknown disposition',
        url: '/api/v1/insights/routings/ROUTING/disposition',
        body: { disposition: 'ignore' },
        fields: ['disposition'],
      },
    ],
    'POST /api/v1/insights/routings/:id/assign': [
      {
        name: 'neither an area nor a PM',
        url: '/api/v1/insights/routings/ROUTING/assign',
        body: {},
        fields: ['areaId'],
      },
      {
        name: 'an area that does not exist',
        url: '/api/v1/insights/routings/ROUTING/assign',
        body: { areaId: '00000000-0000-4000-8000-000000000000' },
        fields: ['areaId'],
      },
      {
        name: 'not ids',
        url: '/api/v1/insights/routings/ROUTING/assign',
        body: { areaId: 'billing', ownerId: 'maya' },
        fields: ['areaId', 'ownerId'],
      },
    ],
    'POST /api/v1/insights/digests/:month/publish': [
      { name: 'not a month', url: '/api/v1/insights/digests/2026-13/publish', fields: ['params.month'] },
    ],
    'POST /api/v1/readiness/:token': [
      { name: 'not a token', url: '/api/v1/readiness/x', fields: ['params.token'] },
    ],
    'DELETE /api/v1/releases/:id': [
      { name: 'not an id', url: '/api/v1/releases/abc', fields: ['params.id'] },
    ],
  };
}
