import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureValid, startReceiver } from '../../../test/webhook-receiver.ts';
import { outboundGuard, type Resolve } from '../net/outbound-guard.ts';
import { postWebhookEvent } from './post.ts';

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let port = 0;

beforeAll(async () => {
  receiver = await startReceiver();
  port = Number(new URL(receiver.url).port);
});
afterAll(() => receiver.close());

/** DNS as an attacker runs it: the name answers 127.0.0.1 (at send time, whatever it said at registration). */
const rebound: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];

const post = (url: string, guard: ReturnType<typeof outboundGuard>) =>
  postWebhookEvent({
    url,
    secret: 'whsec_test',
    event: 'ping',
    deliveryId: 'd-1',
    body: { id: 'evt_1', type: 'ping', occurredAt: '2026-11-10T09:00:00.000Z', data: {} },
    guard,
    timeoutMs: 5_000,
  });

describe('postWebhookEvent and private addresses', () => {
  it('refuses, for good, a name that resolves to 127.0.0.1 when it connects: nothing is sent', async () => {
    const before = receiver.received.length;
    const result = await post(`http://hooks.example.com:${port}/hooks/prodops`, outboundGuard([], rebound));
    expect(result).toEqual({
      ok: false,
      retryable: false,
      error: expect.stringContaining(
        'refused before sending: the webhook URL must not point at a private or internal address: ' +
          'hooks.example.com resolves to 127.0.0.1, a loopback address',
      ),
    });
    expect(receiver.received).toHaveLength(before);
  });

  it('refuses localhost and a literal private address without asking DNS', async () => {
    const noDns: Resolve = async () => {
      throw new Error('DNS must not be asked');
    };
    const before = receiver.received.length;
    for (const url of [
      `http://localhost:${port}/x`,
      `http://127.0.0.1:${port}/x`,
      `http://[::1]:${port}/x`,
    ]) {
      const result = await post(url, outboundGuard([], noDns));
      expect(result, url).toMatchObject({ ok: false, retryable: false });
      expect(!result.ok && result.error, url).toMatch(/loopback address/);
    }
    expect(receiver.received).toHaveLength(before);
  });

  it('with the operator switch, sends to the same name and address, signed', async () => {
    const result = await post(
      `http://hooks.example.com:${port}/hooks/prodops`,
      outboundGuard(['127.0.0.1'], rebound),
    );
    expect(result).toEqual({ ok: true, detail: 'HTTP 200' });
    const got = receiver.received.at(-1)!;
    expect(got.headers.host).toBe(`hooks.example.com:${port}`);
    expect(signatureValid('whsec_test', got.raw, got.headers['x-prodops-signature-256'])).toBe(true);
    expect(await post(`http://localhost:${port}/x`, outboundGuard(['localhost']))).toEqual({
      ok: true,
      detail: 'HTTP 200',
    });
  });

  it('does not follow a redirect: the 3xx is the answer, and the place it points at hears nothing', async () => {
    const target = await startReceiver();
    const redirector = createServer((_req, res) => {
      res.writeHead(307, { location: target.url }).end('moved');
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/x`;
      const result = await post(at, outboundGuard(['127.0.0.1']));
      expect(result).toEqual({ ok: false, retryable: true, error: 'HTTP 307: moved' });
      expect(target.received).toHaveLength(0);
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
      await target.close();
    }
  });

  it('a receiver that does not answer in time is worth retrying', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x`;
      const result = await postWebhookEvent({
        url: at,
        secret: 's',
        event: 'ping',
        deliveryId: 'd-2',
        body: {},
        guard: outboundGuard(['127.0.0.1']),
        timeoutMs: 100,
      });
      expect(result).toEqual({
        ok: false,
        retryable: true,
        error: 'the receiver did not answer within 100 ms',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a receiver that cannot be reached is worth retrying, in words', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await post(`http://127.0.0.1:${free}/x`, outboundGuard(['127.0.0.1']));
    expect(result).toEqual({
      ok: false,
      retryable: true,
      error: 'could not reach the receiver: ECONNREFUSED',
    });
  });
});
