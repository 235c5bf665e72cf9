import { describe, expect, it } from 'vitest';
import { memorySeenRequests, slackSignature, verifySlackRequest } from './signature.ts';

/**
 * Slack's documented example ("Verifying requests from Slack"): this secret, timestamp and slash-command body
 * give exactly this signature.
 */
const DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&' +
    'channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&' +
    'response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&' +
    'trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
/** Two minutes after the example was signed. */
const NOW = new Date((Number(DOC.timestamp) + 120) * 1000);

const verify = (over: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) =>
  verifySlackRequest({
    secret: DOC.secret,
    signature: DOC.signature,
    timestamp: DOC.timestamp,
    rawBody: DOC.body,
    now: NOW,
    seen: memorySeenRequests(),
    ...over,
  });

describe('Slack request signatures', () => {
  it("computes Slack's documented example signature", () => {
    expect(slackSignature(DOC.secret, DOC.timestamp, DOC.body)).toBe(DOC.signature);
  });

  it('accepts the documented request within the window, either side of now', async () => {
    expect(await verify()).toEqual({ ok: true });
    expect(await verify({ now: new Date((Number(DOC.timestamp) - 299) * 1000) })).toEqual({ ok: true });
    expect(await verify({ now: new Date((Number(DOC.timestamp) + 300) * 1000) })).toEqual({ ok: true });
  });

  it('refuses a wrong secret, a changed body and a changed timestamp', async () => {
    expect(await verify({ secret: '8f742231b10e8888abcd99yyyzzz85a6' })).toMatchObject({
      ok: false,
      reason: 'mismatch',
    });
    expect(await verify({ rawBody: DOC.body.replace('text=', 'text=x') })).toMatchObject({
      reason: 'mismatch',
    });
    expect(await verify({ timestamp: '1531420619' })).toMatchObject({ reason: 'mismatch' });
  });

  it('refuses a stale (or future) timestamp even with a good signature', async () => {
    const late = new Date((Number(DOC.timestamp) + 301) * 1000);
    const early = new Date((Number(DOC.timestamp) - 301) * 1000);
    expect(await verify({ now: late })).toMatchObject({ ok: false, reason: 'stale' });
    expect(await verify({ now: early })).toMatchObject({ ok: false, reason: 'stale' });
  });

  it('refuses a replay within the window, and forgets it once the timestamp would be stale anyway', async () => {
    const seen = memorySeenRequests();
    expect(await verify({ seen })).toEqual({ ok: true });
    expect(await verify({ seen, now: new Date(NOW.getTime() + 60_000) })).toMatchObject({
      ok: false,
      reason: 'replayed',
    });
    // Past the window the request is stale, so nothing needs remembering (and nothing is remembered).
    const after = new Date((Number(DOC.timestamp) + 301) * 1000);
    expect(await verify({ seen, now: after })).toMatchObject({ reason: 'stale' });
  });

  it('does not remember requests that fail the signature check', async () => {
    const seen = memorySeenRequests();
    expect(await verify({ seen, secret: 'wrong' })).toMatchObject({ reason: 'mismatch' });
    expect(await verify({ seen })).toEqual({ ok: true });
  });

  it('refuses missing and malformed headers without computing anything', async () => {
    expect(await verify({ signature: undefined })).toMatchObject({ reason: 'missing' });
    expect(await verify({ timestamp: '' })).toMatchObject({ reason: 'missing' });
    expect(await verify({ signature: 'v1=abc' })).toMatchObject({ reason: 'malformed' });
    expect(await verify({ signature: `${DOC.signature}0` })).toMatchObject({ reason: 'malformed' });
    expect(await verify({ timestamp: '1531420618.5' })).toMatchObject({ reason: 'malformed' });
  });

  it('keeps at most `max` signatures in memory', async () => {
    const seen = memorySeenRequests(2);
    const at = { now: NOW, keepUntil: new Date(NOW.getTime() + 300_000) };
    for (const s of ['a', 'b', 'c']) expect(await seen.firstSeen(s, at)).toBe(true);
    expect(await seen.firstSeen('c', at)).toBe(false);
    expect(await seen.firstSeen('a', at)).toBe(true); // dropped as the oldest
  });
});
