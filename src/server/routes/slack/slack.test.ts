import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makePerson } from '../../../../test/factories.ts';
import { startSlackPeer } from '../../../../test/peers.ts';
import { slackSeenRequests } from '../../../db/schema/index.ts';
import { slackSignature } from '../../../integrations/slack/signature.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TStatusAnswer, TStatusCard, TStatusMatch } from '../../../shared/status.ts';
import type { StatusAnswerer } from './index.ts';

/**
 * The Slack side of "what's the status of X?" against the real app and a local server playing Slack's
 * response_url. The answering service is injected (a fixed answer per query): what is tested here is the
 * signature, the acknowledgement, the card at response_url and the buttons.
 */

const SECRET = 'testsigningsecret0123456789abcdef';
const PUBLIC = 'https://prodops.example.com';
const clock = manualClock('2026-11-20T10:00:00Z');
const seconds = () => Math.floor(clock.now().getTime() / 1000);

const RELEASE_ID = '6f1c2d9e-1111-4a5b-9c3d-000000000001';
const card: TStatusCard = {
  subject: 'release',
  id: RELEASE_ID,
  title: 'Usage-based invoices',
  areaName: 'Billing',
  path: `/releases/${RELEASE_ID}`,
  subjectLabel: 'Release',
  summary: 'Invoices follow metered usage.',
  area: { id: '6f1c2d9e-1111-4a5b-9c3d-0000000000a1', name: 'Billing' },
  owner: { id: '6f1c2d9e-1111-4a5b-9c3d-0000000000b1', name: 'Maya Chen' },
  status: 'In readiness',
  when: { exact: true, text: 'Tue 15 Dec 2026' },
  tier: 3,
  readiness: { ready: false, missing: ['Support sign-off'] },
  bundlePath: null,
  updates: [],
  decisions: [],
  asOf: '2026-11-19T16:00:00.000Z',
};
const choices: TStatusMatch[] = [1, 2, 3].map((i) => ({
  subject: 'roadmap_item',
  id: `6f1c2d9e-2222-4a5b-9c3d-00000000000${i}`,
  title: `Search v${i}`,
  areaName: 'Search',
  path: `/roadmap/items/6f1c2d9e-2222-4a5b-9c3d-00000000000${i}`,
}));

const asked: Parameters<StatusAnswerer>[0][] = [];
/** A fixed answer: "invoices" → the card, "search" → three choices, a pick → its card, else nothing. */
const answerer: StatusAnswerer = async (o) => {
  asked.push(o);
  const base = { query: o.q, choices: [], askInstead: null };
  if (o.subject && o.id) {
    const picked = choices.find((c) => c.id === o.id);
    const c = picked ? { ...card, ...picked, subjectLabel: 'Roadmap item' } : card;
    return { ...base, outcome: 'answer', card: c, message: `${c.title}: ${c.status}.` };
  }
  if (o.q.includes('invoices'))
    return { ...base, outcome: 'answer', card, message: 'Usage-based invoices: In readiness.' };
  if (o.q.includes('search'))
    return { ...base, outcome: 'choose', card: null, choices, message: 'Three things match: which one?' };
  if (o.q.includes('boom')) throw new Error('the database is on fire');
  return {
    ...base,
    outcome: 'none',
    card: null,
    askInstead: { areaName: 'Billing', ownerName: 'Maya Chen' },
    message: 'Nothing matches.',
  };
};

let t: TestApp;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
const USER = 'U0ASKER01';

beforeAll(async () => {
  slack = await startSlackPeer();
  t = await createTestApp({ clock, slack: { signingSecret: SECRET, answerer, publicUrl: PUBLIC } });
  await makePerson(t.database.db, { name: 'Asker', slackId: USER });
});
afterAll(async () => {
  await t.close();
  await slack.close();
});
beforeEach(() => {
  slack.received.length = 0;
  asked.length = 0;
  clock.advance(1000); // each request its own second, as Slack's would be
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const commandBody = (text: string, over: Record<string, string> = {}) =>
  form({
    token: 'deprecated-verification-token',
    team_id: 'T0TEAM001',
    team_domain: 'acme',
    channel_id: 'C0CHAN001',
    channel_name: 'launches',
    user_id: USER,
    user_name: 'asker',
    command: '/status',
    text,
    response_url: `${slack.url}/commands/T0TEAM001/1/abc`,
    trigger_id: '1.2.3',
    ...over,
  });

function signed(body: string, o: { secret?: string; timestamp?: number } = {}) {
  const ts = o.timestamp ?? seconds();
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(o.secret ?? SECRET, ts, body),
  };
}
const command = (body: string, headers = signed(body)) =>
  t.app.inject({ method: 'POST', url: '/api/v1/slack/commands', headers, payload: body });

function interaction(actionId: string, value: string, user = USER) {
  const payload = JSON.stringify({
    type: 'block_actions',
    user: { id: user, team_id: 'T0TEAM001' },
    team: { id: 'T0TEAM001', domain: 'acme' },
    container: { type: 'message', is_ephemeral: true },
    response_url: `${slack.url}/actions/T0TEAM001/2/def`,
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2' }],
  });
  const body = form({ payload });
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/slack/interactions',
    headers: signed(body),
    payload: body,
  });
}

interface Posted {
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  text?: string;
  blocks?: {
    type: string;
    text?: { text: string };
    elements?: { action_id: string; value: string; text: { text: string } }[];
  }[];
}
const buttonsOf = (m: Posted) =>
  m.blocks?.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])) ?? [];
const textOf = (m: Posted) => JSON.stringify(m.blocks);

describe('/status from Slack', () => {
  it('acknowledges in the same request, then posts the card to response_url', async () => {
    const res = await command(commandBody('usage invoices'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      response_type: 'ephemeral',
      text: 'Looking up the status of “usage invoices”…',
    });
    const [posted] = await slack.waitFor(1);
    expect(posted!.path).toBe('/commands/T0TEAM001/1/abc');
    const msg = posted!.body as Posted;
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.text).toBe('Usage-based invoices: In readiness.');
    expect(textOf(msg)).toContain(`<${PUBLIC}/releases/${RELEASE_ID}|Usage-based invoices>`);
    expect(buttonsOf(msg).map((b) => b.action_id)).toEqual(['status_share']);
    expect(asked).toEqual([
      {
        q: 'usage invoices',
        slackUserId: USER,
        teamId: 'T0TEAM001',
        channel: 'slack',
        now: clock.now(),
        audience: 'asker',
      },
    ]);
  });

  it('refuses a bad signature with 401 and the one error shape, before reading anything', async () => {
    const body = commandBody('usage invoices');
    const res = await command(body, signed(body, { secret: 'someoneelsessecret0123456789' }));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: {
        code: 'unauthorized',
        message: 'the Slack signature does not match (check SLACK_SIGNING_SECRET)',
      },
    });
    const tampered = await command(body.replace('usage', 'other'), signed(body));
    expect(tampered.statusCode).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toEqual([]);
    expect(slack.received).toEqual([]);
  });

  it('refuses a stale timestamp (more than five minutes old) with 401', async () => {
    const body = commandBody('usage invoices');
    const res = await command(body, signed(body, { timestamp: seconds() - 301 }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('more than 5 minutes');
  });

  it('refuses a replay of a request it accepted with 401, and keeps the signature only for the window', async () => {
    const body = commandBody('usage invoices');
    const headers = signed(body);
    expect((await command(body, headers)).statusCode).toBe(200);
    await slack.waitFor(1);
    clock.advance(30_000);
    const again = await command(body, headers);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toBe('this Slack request was already received');
    // Six minutes on, the next request clears the signatures nobody can replay any more.
    clock.advance(6 * 60_000);
    expect((await command(commandBody('help'))).statusCode).toBe(200);
    const [kept] = await t.database.db.select({ n: count() }).from(slackSeenRequests);
    expect(kept!.n).toBe(1);
  });

  it('refuses requests that are not signed Slack forms with 401', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/slack/commands',
      payload: { text: 'usage invoices' },
    });
    expect(json.statusCode).toBe(401);
    const body = commandBody('usage invoices');
    const unsigned = await command(body, {
      'content-type': 'application/x-www-form-urlencoded',
    } as ReturnType<typeof signed>);
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().error.message).toContain('X-Slack-Signature');
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/slack/commands',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect({ status: empty.statusCode, code: empty.json().error.code }).toEqual({
      status: 401,
      code: 'unauthorized',
    });
  });

  it('tells a Slack user who is not linked to a person how to link, and asks nothing', async () => {
    const res = await command(commandBody('usage invoices', { user_id: 'U0STRANGER' }));
    expect(res.statusCode).toBe(200);
    expect(res.json().response_type).toBe('ephemeral');
    expect(res.json().text).toContain('not linked');
    expect(res.json().text).toContain('*Slack user id* to `U0STRANGER`');
    expect(asked).toEqual([]);
  });

  it('answers help (or nothing) at once, with how to ask', async () => {
    const res = await command(commandBody('  '));
    expect(res.json()).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('/status usage invoices'),
    });
  });

  it('refuses a response_url that is not Slack’s', async () => {
    const res = await command(commandBody('usage invoices', { response_url: 'file:///etc/passwd' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'response_url', message: expect.any(String) }]);
  });

  it('signed, it meets the guards every route has: an unknown query parameter or a control character is a 400 naming it', async () => {
    const body = commandBody('usage invoices');
    const query = await t.app.inject({
      method: 'POST',
      url: '/api/v1/slack/commands?zzUnknown=1',
      headers: signed(body),
      payload: body,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.fields).toEqual([{ path: 'query.zzUnknown', message: 'is not a known field' }]);
    for (const bad of ['a\u0000b', 'x\u001by']) {
      clock.advance(1000);
      const res = await command(commandBody(bad));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([
        { path: 'text', message: expect.stringContaining('control') },
      ]);
    }
    clock.advance(1000);
    const payload = form({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: USER },
        response_url: `${slack.url}/actions/T0TEAM001/2/def`,
        actions: [{ action_id: 'status_pick:release:abc', value: 'in\u0000voices' }],
      }),
    });
    const interaction = await t.app.inject({
      method: 'POST',
      url: '/api/v1/slack/interactions',
      headers: signed(payload),
      payload,
    });
    expect(interaction.statusCode).toBe(400);
    expect(interaction.json().error.fields).toEqual([
      { path: 'payload.actions.0.value', message: expect.stringContaining('control') },
    ]);
    expect(asked).toEqual([]);
  });

  it('says sorry at response_url when the answer fails, and logs it', async () => {
    expect((await command(commandBody('boom'))).statusCode).toBe(200);
    const [posted] = await slack.waitFor(1);
    expect((posted!.body as Posted).text).toBe('Sorry, prodops could not answer that.');
  });
});

describe('the buttons of an answer', () => {
  it('offers three picks; a pick is answered for that subject and id, replacing the question', async () => {
    await command(commandBody('search'));
    const [first] = await slack.waitFor(1);
    const buttons = buttonsOf(first!.body as Posted);
    expect(buttons.map((b) => b.action_id)).toEqual(choices.map((c) => `status_pick:roadmap_item:${c.id}`));

    const res = await interaction(buttons[1]!.action_id, buttons[1]!.value);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    const [, second] = await slack.waitFor(2);
    expect(second!.path).toBe('/actions/T0TEAM001/2/def');
    const msg = second!.body as Posted;
    expect(msg).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Search v2: In readiness.',
    });
    expect(textOf(msg)).toContain(`${PUBLIC}/roadmap/items/${choices[1]!.id}`);
    expect(asked.at(-1)).toEqual({
      q: 'search',
      subject: 'roadmap_item',
      id: choices[1]!.id,
      slackUserId: USER,
      teamId: 'T0TEAM001',
      channel: 'slack',
      now: clock.now(),
      audience: 'asker',
    });
  });

  it('"Share in channel" posts the card in_channel, then removes the ephemeral copy', async () => {
    await command(commandBody('usage invoices'));
    const [first] = await slack.waitFor(1);
    const [share] = buttonsOf(first!.body as Posted);
    expect((await interaction(share!.action_id, share!.value)).statusCode).toBe(200);
    const [, shared, removed] = await slack.waitFor(3);
    expect(shared!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(buttonsOf(shared!.body as Posted)).toEqual([]);
    expect(textOf(shared!.body as Posted)).toContain(`shared by <@${USER}>`);
    expect(removed!.body).toEqual({ delete_original: true });
    // Everyone in the channel reads it: it is asked for as a stakeholder would read it.
    expect(asked.at(-1)).toMatchObject({ audience: 'channel' });
  });

  it('ignores buttons that are not ours, and refuses a payload that is not JSON', async () => {
    expect((await interaction('someone_elses_button', 'x')).json()).toEqual({});
    const body = form({ payload: '{oops' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/slack/interactions',
      headers: signed(body),
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'payload', message: 'is not JSON' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slack.received).toEqual([]);
  });

  it('tells an unlinked user who presses a button how to link', async () => {
    expect((await interaction('status_pick:release:abc', 'q', 'U0STRANGER')).statusCode).toBe(200);
    const [posted] = await slack.waitFor(1);
    expect((posted!.body as Posted).text).toContain('`U0STRANGER`');
    expect(asked).toEqual([]);
  });
});

describe('without SLACK_SIGNING_SECRET', () => {
  it('answers 404 saying Slack is not configured', async () => {
    const bare = await createTestApp({ clock });
    try {
      const body = commandBody('usage invoices');
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/v1/slack/commands',
        headers: signed(body),
        payload: body,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toContain('SLACK_SIGNING_SECRET');
    } finally {
      await bare.close();
    }
  });
});

// Keeps the fixed answers honest: they are what the contract says an answer is.
it('the injected answers follow the status contract', async () => {
  const { ZStatusAnswer } = await import('../../../shared/status.ts');
  for (const q of ['invoices', 'search', 'nothing']) {
    const a: TStatusAnswer = await answerer({
      q,
      slackUserId: USER,
      teamId: 'T',
      channel: 'slack',
      now: clock.now(),
      audience: 'asker',
    });
    expect(ZStatusAnswer.parse(a)).toEqual(a);
  }
});
