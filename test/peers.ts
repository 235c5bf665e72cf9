import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts (raw), for delivery tests and benches. */
export async function startSmtpPeer() {
  const messages: { to: string[]; raw: string }[] = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          const err = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(err);
        }
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The next n messages get "451 try again later". */
    failNext: (n: number) => {
      failNext = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A local endpoint standing in for Slack's incoming webhooks and Web API. `status` decides the answer;
 * every request is kept so a test can count deliveries.
 */
export async function startSlackPeer() {
  const received: { path: string; body: unknown; authorization?: string }[] = [];
  let status = 200;
  // Each posted message gets its own ts, as in Slack, so threads and updates can be told apart.
  let nextTs = 1;
  // A test's rule for chat.postMessage: the Slack error to answer a post with ({ok:false}), or undefined to post it.
  let postError: ((body: Record<string, unknown>) => string | undefined) | null = null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (status !== 200) {
        res.writeHead(status).end('unavailable');
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: req.url ?? '',
        body: text ? JSON.parse(text) : null,
        authorization: req.headers.authorization,
      });
      const json = (body: object) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url?.endsWith('/auth.test')) {
        json({ ok: true, team: 'Test' });
      } else if (req.url?.endsWith('/chat.postMessage')) {
        const b = JSON.parse(text) as { channel?: string };
        const error = postError?.(b);
        if (error) json({ ok: false, error });
        else
          json({
            ok: true,
            channel: b.channel ?? 'C1',
            ts: `1700000000.${String(nextTs++).padStart(6, '0')}`,
          });
      } else if (req.url?.endsWith('/chat.update')) {
        const b = JSON.parse(text) as { channel?: string; ts?: string };
        json({ ok: true, channel: b.channel, ts: b.ts });
      } else if (req.url?.endsWith('/views.open')) {
        json({ ok: true, view: { id: 'V1' } });
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }
    });
  };
  const server: Server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    setStatus: (s: number) => {
      status = s;
    },
    /** From now on, chat.postMessage answers {ok:false, error} for the posts `rule` names an error for. */
    failPosts: (rule: ((body: Record<string, unknown>) => string | undefined) | null) => {
      postError = rule;
    },
    /** Resolves once `count` requests have arrived (work the app does after its reply: response_url posts). */
    waitFor: async (count: number, timeoutMs = 5000) => {
      const deadline = performance.now() + timeoutMs;
      while (received.length < count) {
        if (performance.now() > deadline)
          throw new Error(`the Slack peer got ${received.length} requests, expected ${count}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
