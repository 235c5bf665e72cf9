import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlackPayload } from './blocks.ts';
import { openView, postChatMessage, postWebhook, updateChatMessage } from './client.ts';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A real HTTP peer on 127.0.0.1 that records each request and answers with `answer`. */
async function peer(answer: (req: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      received.push(r);
      answer(r, res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, received };
}

const payload: SlackPayload = {
  text: 'Weekly update',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }],
};

const reply =
  (status: number, body: string, headers: Record<string, string> = {}) =>
  (_req: Received, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  reply(status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });

describe('postWebhook', () => {
  it('posts the payload as JSON and takes 200 "ok" as delivered', async () => {
    const { base, received } = await peer(reply(200, 'ok'));
    expect(await postWebhook(`${base}/services/T1/B1/x`, payload)).toEqual({ ok: true, detail: 'ok' });
    expect(received[0]?.method).toBe('POST');
    expect(received[0]?.url).toBe('/services/T1/B1/x');
    expect(received[0]?.headers['content-type']).toContain('application/json');
    expect(JSON.parse(received[0]!.body)).toEqual(payload);
  });

  it('retries a 500', async () => {
    const { base } = await peer(reply(500, 'rollup_error'));
    expect(await postWebhook(base, payload)).toEqual({
      ok: false,
      retryable: true,
      error: 'HTTP 500: rollup_error',
    });
  });

  it('does not retry 404 no_service, and never names the secret URL', async () => {
    const { base } = await peer(reply(404, 'no_service'));
    const result = await postWebhook(`${base}/services/T1/B1/secret-part`, payload);
    expect(result).toEqual({ ok: false, retryable: false, error: 'HTTP 404: no_service' });
  });

  it('retries a 429 and passes on Retry-After', async () => {
    const { base } = await peer(reply(429, 'rate limited', { 'retry-after': '30' }));
    expect(await postWebhook(base, payload)).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: 30_000,
    });
  });

  it('gives up on a server slower than the timeout and marks it retryable', async () => {
    const { base, received } = await peer(() => {
      // never answers; the test's cleanup closes the connection
    });
    const result = await postWebhook(base, payload, { timeoutMs: 200 });
    expect(result).toEqual({ ok: false, retryable: true, error: 'Slack did not answer within 200 ms' });
    expect(received).toHaveLength(1);
  });

  it('retries when nothing listens', async () => {
    const { base } = await peer(reply(200, 'ok'));
    await closers.pop()!();
    const result = await postWebhook(base, payload);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toContain('ECONNREFUSED');
  });
});

describe('postChatMessage', () => {
  it('sends channel, text and blocks with a bearer token', async () => {
    const { base, received } = await peer(json(200, { ok: true, channel: 'C123', ts: '1700000000.000100' }));
    const result = await postChatMessage({
      apiUrl: `${base}/api/`,
      token: 'xoxb-test',
      channel: 'C123',
      payload,
    });
    expect(result).toEqual({
      ok: true,
      detail: 'ok channel=C123 ts=1700000000.000100',
      ts: '1700000000.000100',
      channel: 'C123',
    });
    const req = received[0]!;
    expect(req.url).toBe('/api/chat.postMessage');
    expect(req.headers.authorization).toBe('Bearer xoxb-test');
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(req.body)).toEqual({ channel: 'C123', text: payload.text, blocks: payload.blocks });
  });

  it('does not retry channel_not_found', async () => {
    const { base } = await peer(json(200, { ok: false, error: 'channel_not_found' }));
    const result = await postChatMessage({ apiUrl: base, token: 't', channel: 'C404', payload });
    expect(result).toEqual({ ok: false, retryable: false, error: 'channel_not_found' });
  });

  it('retries HTTP 429 with its Retry-After, and a ratelimited answer', async () => {
    const limited = await peer(json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '2' }));
    expect(await postChatMessage({ apiUrl: limited.base, token: 't', channel: 'C1', payload })).toEqual({
      ok: false,
      retryable: true,
      error: 'HTTP 429: {"ok":false,"error":"ratelimited"}',
      retryAfterMs: 2000,
    });
    const soft = await peer(json(200, { ok: false, error: 'ratelimited' }));
    expect(await postChatMessage({ apiUrl: soft.base, token: 't', channel: 'C1', payload })).toEqual({
      ok: false,
      retryable: true,
      error: 'ratelimited',
    });
  });

  it('does not take a non-JSON 200 (a captive proxy, a wrong apiUrl) as delivered', async () => {
    const { base } = await peer(reply(200, '<html>login</html>'));
    const result = await postChatMessage({ apiUrl: base, token: 't', channel: 'C1', payload });
    expect(result).toMatchObject({ ok: false, retryable: false });
  });
});

describe('threads, updates and modals', () => {
  it('replies in a thread with thread_ts', async () => {
    const { base, received } = await peer(json(200, { ok: true, channel: 'C1', ts: '2.0' }));
    await postChatMessage({ apiUrl: base, token: 't', channel: 'C1', payload, threadTs: '1.0' });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ channel: 'C1', thread_ts: '1.0' });
  });

  it('updates a message by channel and ts with chat.update', async () => {
    const { base, received } = await peer(json(200, { ok: true, channel: 'C1', ts: '1.0' }));
    const result = await updateChatMessage({ apiUrl: base, token: 't', channel: 'C1', ts: '1.0', payload });
    expect(result).toMatchObject({ ok: true, ts: '1.0' });
    expect(received[0]!.url).toBe('/chat.update');
    expect(JSON.parse(received[0]!.body)).toEqual({
      channel: 'C1',
      ts: '1.0',
      text: payload.text,
      blocks: payload.blocks,
    });
  });

  it('opens a modal with views.open and reports an expired trigger', async () => {
    const { base, received } = await peer(json(200, { ok: false, error: 'expired_trigger_id' }));
    const result = await openView({
      apiUrl: base,
      token: 't',
      triggerId: '12.34.ab',
      view: { type: 'modal' },
    });
    expect(result).toEqual({ ok: false, retryable: false, error: 'expired_trigger_id' });
    expect(received[0]!.url).toBe('/views.open');
    expect(JSON.parse(received[0]!.body)).toEqual({ trigger_id: '12.34.ab', view: { type: 'modal' } });
  });
});
