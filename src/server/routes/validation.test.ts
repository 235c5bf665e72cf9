import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { snapshotAll } from '../../../test/db.ts';
import { signedIn } from '../../../test/factories.ts';
import { settingsAndCadenceBadCases } from './validation-cadence.fixture.ts';
import { charterBadCases } from './validation-charter.fixture.ts';
import { decisionBadCases } from './validation-decisions.fixture.ts';
import { planBadCases } from './validation-plan.fixture.ts';
import { seedValidationRecords } from './validation-records.fixture.ts';
import { type BadCase, releaseAndInsightCases } from './validation-releases-insights.fixture.ts';
import { roadmapCases } from './validation-roadmap.fixture.ts';
import { surveyBadCases } from './validation-surveys.fixture.ts';
import { trackerBadCases } from './validation-trackers.fixture.ts';
import { velocityBadCases } from './validation-velocity.fixture.ts';
import { aWebhook, webhookBadCases } from './validation-webhooks.fixture.ts';

let t: TestApp;
let admin: { headers: Record<string, string> };
let headOfProduct: { headers: Record<string, string> };
const ids = {
  person: '',
  area: '',
  pod: '',
  stakeholder: '',
  pm1: '',
  pm2: '',
  ritual: '',
  occurrence: '',
  channel: '',
  release: '',
  tier2: '',
  launched: '',
  insight: '',
  routing: '',
  item: '',
  subscription: '',
  decision: '',
  bet: '',
  uncharted: '',
  brief: '',
  bug: '',
  inactive: '',
  friction: '',
  deliverable: '',
  webhook: '',
};

const UNKNOWN_PERSON = crypto.randomUUID();

/** Bad input for every write route. `fields` are the paths the error must name. */
function cases(): Record<string, BadCase[]> {
  return {
    'POST /api/v1/auth/sign-in': [
      { name: 'bad email, no password', body: { email: 'nope' }, fields: ['email', 'password'] },
    ],
    'POST /api/v1/auth/sign-out': [],
    'POST /api/v1/me/tokens': [{ name: 'empty name', body: { name: '' }, fields: ['name'] }],
    'DELETE /api/v1/me/tokens/:id': [
      { name: 'not an id', url: '/api/v1/me/tokens/xyz', fields: ['params.id'] },
    ],
    'POST /api/v1/people': [
      {
        name: 'every field wrong',
        body: { name: '', email: 'bad', function: 'wizard', roles: [] },
        fields: ['name', 'email', 'function', 'roles'],
      },
      {
        name: 'unknown field',
        body: { name: 'A', email: 'a@example.com', function: 'sales', roles: ['stakeholder'], isBoss: true },
        fields: ['isBoss'],
      },
      {
        name: 'bad slack id and short password',
        body: {
          name: 'A',
          email: 'a@example.com',
          function: 'sales',
          roles: ['stakeholder'],
          slackId: 'bob',
          password: 'short',
        },
        fields: ['slackId', 'password'],
      },
      { name: 'not JSON', raw: '{"name": ', fields: ['body'] },
    ],
    'PATCH /api/v1/people/:id': [
      { name: 'unknown role', body: { roles: ['king'] }, fields: ['roles.0'] },
      { name: 'not an id', url: '/api/v1/people/42', body: { name: 'X' }, fields: ['params.id'] },
    ],
    'DELETE /api/v1/people/:id': [{ name: 'not an id', url: '/api/v1/people/42', fields: ['params.id'] }],
    'POST /api/v1/areas': [
      { name: 'bad slug, no name', body: { slug: 'Bad Slug' }, fields: ['slug', 'name'] },
      {
        name: 'owner is not a PM',
        body: { slug: 'fine-slug', name: 'Fine', ownerPmId: ids.stakeholder },
        fields: ['ownerPmId'],
      },
      {
        name: 'unknown owner',
        body: { slug: 'fine-slug', name: 'Fine', ownerPmId: crypto.randomUUID() },
        fields: ['ownerPmId'],
      },
    ],
    'PATCH /api/v1/areas/:id': [
      { name: 'negative users', body: { activeUsers: -1 }, fields: ['activeUsers'] },
    ],
    'DELETE /api/v1/areas/:id': [{ name: 'not an id', url: '/api/v1/areas/abc', fields: ['params.id'] }],
    'POST /api/v1/areas/:id/active-users': [
      {
        name: 'a month that is not one, negative users',
        body: { entries: [{ month: '2026-13', users: -1 }] },
        fields: ['entries.0.month', 'entries.0.users'],
      },
      { name: 'no entries', body: { entries: [] }, fields: ['entries'] },
    ],
    // No bug backlog: fix now names an active person, won't fix says why.
    'POST /api/v1/quality/bugs/:id/decision': [
      {
        name: "won't fix without a reason",
        url: '/api/v1/quality/bugs/BUG/decision',
        body: { decision: 'wont_fix' },
        fields: ['reason'],
      },
      {
        name: "won't fix with a blank reason",
        url: '/api/v1/quality/bugs/BUG/decision',
        body: { decision: 'wont_fix', reason: '  ' },
        fields: ['reason'],
      },
      {
        name: 'fix now by someone inactive',
        url: '/api/v1/quality/bugs/BUG/decision',
        body: { decision: 'fix_now', assigneeId: ids.inactive },
        fields: ['assigneeId'],
      },
      {
        name: 'an unknown decision',
        url: '/api/v1/quality/bugs/BUG/decision',
        body: { decision: 'someday' },
        fields: ['decision'],
      },
      { name: 'not an id', url: '/api/v1/quality/bugs/abc/decision', body: {}, fields: ['params.id'] },
    ],
    'POST /api/v1/quality/bugs/:id/close': [
      { name: 'not an id', url: '/api/v1/quality/bugs/abc/close', fields: ['params.id'] },
    ],
    'POST /api/v1/pods': [
      {
        name: 'two PMs (3-1-1 is single-threaded)',
        body: {
          slug: 'two-pms',
          name: 'Two PMs',
          members: [
            { personId: ids.pm1, role: 'pm' },
            { personId: ids.pm2, role: 'pm' },
          ],
        },
        fields: ['members'],
      },
      {
        name: 'unknown area and member',
        body: {
          slug: 'ok-pod',
          name: 'OK',
          areaId: crypto.randomUUID(),
          members: [{ personId: crypto.randomUUID(), role: 'engineer' }],
        },
        fields: ['areaId', 'members.0.personId'],
      },
      {
        name: 'bad member role',
        body: { slug: 'ok-pod', name: 'OK', members: [{ personId: ids.pm1, role: 'boss' }] },
        fields: ['members.0.role'],
      },
    ],
    'PATCH /api/v1/pods/:id': [
      { name: 'bad channel', body: { slackChannel: 'pod billing' }, fields: ['slackChannel'] },
      {
        name: 'same week twice',
        body: {
          rotation: [
            { week: '2026-W47', personId: ids.pm1 },
            { week: '2026-W47', personId: ids.pm2 },
          ],
        },
        fields: ['rotation.1.week'],
      },
      {
        name: 'bad week',
        body: { rotation: [{ week: '2026-47', personId: ids.pm1 }] },
        fields: ['rotation.0.week'],
      },
    ],
    'DELETE /api/v1/pods/:id': [{ name: 'not an id', url: '/api/v1/pods/abc', fields: ['params.id'] }],
    // Issue 15: a pod's strategy contract (as an admin, who may propose one for any pod).
    'POST /api/v1/pods/:id/contract': [
      {
        name: 'no goal, an impossible deadline, a risk without text or a yes/no',
        body: { goal: ' ', deadline: '2027-02-30', risks: [{ text: '', oneWayDoor: 'yes' }] },
        fields: ['goal', 'deadline', 'risks.0.text', 'risks.0.oneWayDoor'],
      },
      {
        name: 'a metric without a target, a signer nobody knows',
        body: {
          goal: 'Explain every invoice',
          deadline: '2027-01-29',
          metrics: [{ name: 'Tickets' }],
          signers: ['not-an-id'],
        },
        fields: ['metrics.0.target', 'signers.0'],
      },
      {
        name: 'a signer who is not a person',
        body: { goal: 'Explain every invoice', deadline: '2027-01-29', signers: [UNKNOWN_PERSON] },
        fields: ['signers.0'],
      },
    ],
    'POST /api/v1/pods/:id/contract/signers': [
      { name: 'nobody named', body: { signers: [] }, fields: ['signers'] },
      { name: 'a signer nobody knows', body: { signers: [UNKNOWN_PERSON] }, fields: ['signers.0'] },
    ],
    'POST /api/v1/pods/:id/contract/sign': [
      { name: 'version 0', body: { version: 0 }, fields: ['version'] },
      { name: 'an unknown field', body: { person: 'me' }, fields: ['person'] },
    ],
    ...settingsAndCadenceBadCases(),
    'POST /api/v1/calendar/feed-url/rotate': [],
    'POST /api/v1/channels': [
      {
        name: 'malformed webhook URL',
        body: { kind: 'slack', name: '#updates', webhookUrl: 'not a url' },
        fields: ['webhookUrl'],
      },
      {
        name: 'webhook on another host',
        body: { kind: 'slack', name: '#updates', webhookUrl: 'https://evil.example.com/services/T1/B1/x' },
        fields: ['webhookUrl'],
      },
      {
        name: 'Slack channel without a hash, no target',
        body: { kind: 'slack', name: 'updates' },
        fields: ['name', 'webhookUrl'],
      },
      {
        name: 'email list without an address',
        body: { kind: 'email_list', name: 'Product updates' },
        fields: ['email'],
      },
    ],
    'PATCH /api/v1/channels/:id': [
      {
        name: 'malformed webhook URL',
        url: '/api/v1/channels/CHANNEL',
        body: { webhookUrl: 'ftp://hooks.slack.com/x' },
        fields: ['webhookUrl'],
      },
    ],
    'DELETE /api/v1/channels/:id': [
      { name: 'not an id', url: '/api/v1/channels/abc', fields: ['params.id'] },
    ],
    'POST /api/v1/deliveries/messages/retry': [
      { name: 'no reference', body: { kind: 'weekly_update' }, fields: ['ref'] },
      {
        name: 'blank kind, unknown field',
        body: { kind: ' ', ref: 'x', extra: 1 },
        fields: ['kind', 'extra'],
      },
    ],
    'POST /api/v1/deliveries/:id/retry': [
      { name: 'not an id', url: '/api/v1/deliveries/abc/retry', fields: ['params.id'] },
    ],
    'POST /api/v1/inbox/:id/read': [
      { name: 'not an id', url: '/api/v1/inbox/abc/read', fields: ['params.id'] },
    ],
    'POST /api/v1/inbox/read-all': [],
    'PUT /api/v1/me/preferences': [{ name: 'unknown channel', body: { via: ['fax'] }, fields: ['via.0'] }],
    'POST /api/v1/subscriptions': [
      { name: 'unknown kind and tier', body: { kind: 'memes', tiers: [4] }, fields: ['kind', 'tiers.0'] },
    ],
    'DELETE /api/v1/subscriptions/:id': [
      { name: 'not an id', url: '/api/v1/subscriptions/abc', fields: ['params.id'] },
    ],
    'POST /api/v1/unsubscribe/:token': [
      { name: 'not a token', url: '/api/v1/unsubscribe/x', fields: ['params.token'] },
    ],
    // Public to Slack alone: an unsigned request is refused (401) before its input is read, so bad input needs
    // a signed request: routes/slack/slack.test.ts (a response_url that is not Slack's, a payload that is not JSON).
    'POST /api/v1/slack/commands': [],
    'POST /api/v1/slack/interactions': [],
    // The body is a zip, not JSON: its bad inputs (not a zip, not an export, a JSON body, too big) and that nothing
    // is stored are in routes/status/status.test.ts.
    'POST /api/v1/status-requests/imports': [],
    ...releaseAndInsightCases(ids),
    ...roadmapCases(ids),
    ...decisionBadCases(ids),
    ...velocityBadCases(ids),
    ...charterBadCases(ids),
    ...surveyBadCases(),
    ...planBadCases(ids),
    ...webhookBadCases(ids),
    ...trackerBadCases(),
    'PUT /api/v1/updates/:week/areas/:areaId': [
      {
        name: 'a week that does not exist',
        url: '/api/v1/updates/2026-W60/areas/AREA',
        body: { content: { wins: ['x'] } },
        fields: ['params.week'],
      },
      {
        name: 'empty bullet and an unknown section',
        url: '/api/v1/updates/2026-W47/areas/AREA',
        body: { content: { wins: [''], colour: ['blue'] } },
        fields: ['content.wins.0', 'content.colour'],
      },
    ],
    'POST /api/v1/updates/:week/areas/:areaId/absence': [
      {
        name: 'reason too long',
        url: '/api/v1/updates/2026-W47/areas/AREA/absence',
        body: { reason: 'x'.repeat(501) },
        fields: ['reason'],
      },
    ],
    'POST /api/v1/updates/:week/publish': [
      { name: 'not an ISO week', url: '/api/v1/updates/2026-47/publish', fields: ['params.week'] },
      {
        name: 'note too long',
        url: '/api/v1/updates/2026-W47/publish',
        body: { note: 'x'.repeat(501) },
        fields: ['note'],
      },
    ],
    'POST /api/v1/broadcasts/:id/undo': [
      { name: 'not an id', url: '/api/v1/broadcasts/abc/undo', fields: ['params.id'] },
    ],
    'POST /api/v1/follow-ups/:id/close': [
      { name: 'not an id', url: '/api/v1/follow-ups/abc/close', fields: ['params.id'] },
    ],
    'PUT /api/v1/raci': [
      {
        name: 'empty activity',
        body: { items: [{ activity: '', responsible: 'x', accountable: 'y', consulted: [], informed: [] }] },
        fields: ['items.0.activity'],
      },
    ],
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await signedIn(db, ['admin']);
  admin = a;
  headOfProduct = await signedIn(db, ['head_of_product']);
  await seedValidationRecords(t, admin, ids);
  ids.webhook = await aWebhook(db);
});
afterAll(() => t.close());

describe('bad input on write routes', () => {
  it('has cases for every write route', () => {
    const writes = t.app.routeTable
      .filter((r) => !['GET', 'HEAD'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect([...new Set(writes)].sort()).toEqual(Object.keys(cases()).sort());
  });

  for (const [route, list] of Object.entries(cases())) {
    for (const c of list) {
      it(`${route}: ${c.name} → 400 naming ${c.fields.join(', ')}; nothing written`, async () => {
        const all = cases()[route]!.find((x) => x.name === c.name)!; // re-read: ids are filled in by beforeAll
        const [method, pattern] = route.split(' ') as [string, string];
        const resource = pattern.split('/')[3];
        const id = resource === 'people' ? ids.person : resource === 'areas' ? ids.area : ids.pod;
        const before = await snapshotAll(t.database.db);
        const res = await t.app.inject({
          method: method as 'POST',
          url: (all.url ?? pattern.replace(':id', id))
            .replace('RITUAL', ids.ritual)
            .replace('OCCURRENCE', ids.occurrence)
            .replace('CHANNEL', ids.channel)
            .replace('RELEASE', ids.release)
            .replace('TIER2', ids.tier2)
            .replace('LAUNCHED', ids.launched)
            .replace('INSIGHT', ids.insight)
            .replace('ROUTING', ids.routing)
            .replace('ITEM', ids.item)
            .replace('SUBSCRIPTION', ids.subscription)
            .replace('BUG', ids.bug)
            .replace('AREA', ids.area),
          headers: {
            ...(all.as === 'head_of_product' ? headOfProduct : admin).headers,
            ...(all.raw !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(all.raw !== undefined
            ? { payload: all.raw }
            : all.body !== undefined
              ? { payload: all.body as object }
              : {}),
        });
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json() as { error: { code: string; fields: { path: string; message: string }[] } };
        expect(body.error.code).toBe('validation_failed');
        const paths = body.error.fields.map((f) => f.path);
        for (const f of all.fields) expect(paths, res.body).toContain(f);
        for (const f of body.error.fields) expect(f.message.length).toBeGreaterThan(0);
        expect(await snapshotAll(t.database.db)).toBe(before);
      });
    }
  }
});
