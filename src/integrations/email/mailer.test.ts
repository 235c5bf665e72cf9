import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type OutgoingEmail } from './mailer.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  // LIFO: the mailer's pooled connection goes before the server it is connected to.
  for (const close of closers.splice(0).reverse()) await close();
});

/** A real SMTP server on 127.0.0.1 that keeps each raw message, or refuses the recipient with `rejectWith`. */
async function smtpPeer(rejectWith?: { code: number; message: string }) {
  const messages: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!rejectWith) return callback();
      const err: SMTPServerError = new Error(rejectWith.message);
      err.responseCode = rejectWith.code;
      callback(err);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  closers.push(() => new Promise<void>((resolve) => server.close(resolve)));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages };
}

function mailerFor(smtpUrl: string): Mailer {
  const mailer = createMailer({ smtpUrl, from: 'prodops <updates@prodops.test>' });
  closers.push(async () => mailer.close());
  return mailer;
}

const email: OutgoingEmail = {
  to: 'dana@example.com',
  subject: 'Weekly Product Update — 2026-11-19',
  text: 'Plain body marker\n\nUnsubscribe: https://prodops.test/unsub/abc',
  html: '<p>HTML body marker</p>',
  messageId: '<delivery-42.weekly@prodops.test>',
  unsubscribeUrl: 'https://prodops.test/unsub/abc',
  headers: { 'X-Prodops-Delivery': '42' },
};

/** Headers of a raw message, unfolded, by lower-case name (test-only: enough for our own messages). */
function headersOf(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    head.split('\r\n').map((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i).toLowerCase(), line.slice(i + 1).trim()] as [string, string];
    }),
  );
}

/** RFC 2047 encoded words (B and Q) back to text, written here so the check does not trust nodemailer. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

describe('createMailer', () => {
  it('delivers one message with both parts and the list headers', async () => {
    const peer = await smtpPeer();
    const result = await mailerFor(peer.url).send(email);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.detail).toContain('<delivery-42.weekly@prodops.test>');
    expect(peer.messages).toHaveLength(1);
    const raw = peer.messages[0]!;
    const h = headersOf(raw);
    expect(h.get('to')).toBe('dana@example.com');
    expect(h.get('from')).toBe('prodops <updates@prodops.test>');
    expect(decodeWords(h.get('subject') ?? '')).toBe('Weekly Product Update — 2026-11-19');
    expect(h.get('message-id')).toBe('<delivery-42.weekly@prodops.test>');
    expect(h.get('list-unsubscribe')).toBe('<https://prodops.test/unsub/abc>');
    expect(h.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(h.get('x-prodops-delivery')).toBe('42');
    expect(h.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(raw).toContain('Plain body marker');
    expect(raw).toContain('HTML body marker');
  });

  it('reuses the pooled connection for several messages', async () => {
    const peer = await smtpPeer();
    const mailer = mailerFor(peer.url);
    const results = await Promise.all(
      [1, 2, 3].map((n) => mailer.send({ ...email, messageId: `d-${n}@prodops.test` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peer.messages.map((m) => headersOf(m).get('message-id')).sort()).toEqual([
      '<d-1@prodops.test>',
      '<d-2@prodops.test>',
      '<d-3@prodops.test>',
    ]);
  });

  it('does not retry a 550 mailbox unavailable', async () => {
    const peer = await smtpPeer({ code: 550, message: 'Mailbox unavailable' });
    const result = await mailerFor(peer.url).send(email);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(!result.ok && result.error).toContain('550');
  });

  it('retries a 451 try-again-later', async () => {
    const peer = await smtpPeer({ code: 451, message: 'Try again later' });
    const result = await mailerFor(peer.url).send(email);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(!result.ok && result.error).toContain('451');
  });

  it('retries when no server listens', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, 'close');
    const result = await mailerFor(`smtp://127.0.0.1:${port}`).send(email);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it('refuses a message id that is not id@domain, without contacting the server', async () => {
    const peer = await smtpPeer();
    const result = await mailerFor(peer.url).send({ ...email, messageId: 'no-domain' });
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(peer.messages).toHaveLength(0);
  });
});
