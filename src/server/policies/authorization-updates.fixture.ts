import { followUps } from '../../db/schema/index.ts';
import { systemActor } from '../../services/actor.ts';
import { rotateFeedToken } from '../../services/cadence/feed.ts';
import { newUnsubscribeToken } from '../../services/delivery/send-links.ts';
import { publishWeeklyUpdate } from '../../services/updates/publish.ts';
import { systemClock } from '../../shared/clock.ts';
import { type Case, managers, publicRoute, signedInOnly, WHO } from './authorization-cases.fixture.ts';

/** Weekly updates (and undoing a publication), follow-ups, unsubscribing, and the Slack endpoints. */
export const UPDATE_CASES: Record<string, Case> = {
  'GET /api/v1/updates': { expect: signedInOnly },
  'GET /api/v1/updates/:week': { expect: signedInOnly, url: () => '/api/v1/updates/2026-W40' },
  'GET /api/v1/updates/:week/artifact': {
    expect: signedInOnly,
    url: () => '/api/v1/updates/2026-W40/artifact?format=md',
  },
  'GET /api/v1/updates/:week/areas/:areaId': {
    expect: signedInOnly,
    url: (c) => `/api/v1/updates/2026-W40/areas/${c.ids.area}`,
  },
  'PUT /api/v1/updates/:week/areas/:areaId': {
    expect: managers({ pmOwner: 'ok' }),
    url: (c) => `/api/v1/updates/2026-W41/areas/${c.ids.area}`,
    body: () => ({ content: { wins: ['Shipped'] } }),
  },
  'POST /api/v1/updates/:week/areas/:areaId/absence': {
    expect: managers(),
    url: (c) => `/api/v1/updates/2026-W42/areas/${c.ids.area}/absence`,
    body: () => ({ reason: 'Leave' }),
  },
  'POST /api/v1/updates/:week/publish': {
    expect: managers(),
    // A week per caller: publishing the same week again unchanged is refused (409), whoever asks.
    url: (c) => `/api/v1/updates/2026-W${20 + WHO.indexOf(c.who)}/publish`,
  },
  // Issue 17: the preview runs the publication and rolls it back: who may publish may preview.
  'GET /api/v1/updates/:week/publish-preview': {
    expect: managers(),
    url: () => '/api/v1/updates/2026-W44/publish-preview',
  },
  // Undoing is the action's own permission (here a publication's; a ratification's is the Head of Product's).
  'POST /api/v1/broadcasts/:id/undo': {
    expect: managers(),
    url: async (c) => {
      const week = `2026-W${30 + WHO.indexOf(c.who)}`;
      const { hold } = await publishWeeklyUpdate({
        db: c.db,
        actor: systemActor('test'),
        week,
        now: systemClock.now(),
        hold: { seconds: 600 },
      });
      return `/api/v1/broadcasts/${hold!.id}/undo`;
    },
  },
  'GET /api/v1/updates/:week/publish-check': {
    expect: signedInOnly,
    url: () => '/api/v1/updates/2026-W43/publish-check',
  },
  'GET /api/v1/updates/feed/:file': {
    expect: publicRoute,
    url: async (c) =>
      new URL((await rotateFeedToken(c.db, c.ids.person, 'http://localhost', systemClock.now())).updates.atom)
        .pathname,
  },
  'GET /api/v1/follow-ups': { expect: signedInOnly },
  'POST /api/v1/follow-ups/:id/close': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => {
      const [f] = await c.db
        .insert(followUps)
        .values({
          source: `test:${Math.random()}`,
          areaId: c.ids.area,
          title: 'Risk',
          assigneeIds: [c.ids.pmOwner],
        })
        .returning();
      return `/api/v1/follow-ups/${f!.id}/close`;
    },
  },
  'GET /api/v1/unsubscribe/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/unsubscribe/${await newUnsubscribeToken(c.db, c.ids.person)}`,
  },
  'POST /api/v1/unsubscribe/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/unsubscribe/${await newUnsubscribeToken(c.db, c.ids.person)}`,
  },
  // Public to Slack alone: the request's signature is the credential, so no session or API token gets in
  // (signed requests: routes/slack/slack.test.ts).
  'POST /api/v1/slack/commands': {
    expect: { rest: 401 },
    body: () => ({
      command: '/status',
      text: 'billing',
      user_id: 'U0ADMIN01',
      team_id: 'T1',
      response_url: 'x',
    }),
  },
  'POST /api/v1/slack/interactions': { expect: { rest: 401 }, body: () => ({ payload: '{}' }) },
};
