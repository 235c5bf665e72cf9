import type { NodemailerError } from 'nodemailer';
import nodemailer from 'nodemailer';
import type { DeliveryResult } from '../message.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable, derived from the delivery's idempotency key: a resend has the same id, so clients dedupe it. */
  messageId: string;
  unsubscribeUrl: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(m: OutgoingEmail): Promise<DeliveryResult>;
  /** Closes pooled connections; call once on shutdown. */
  close(): void;
}

export interface MailerOptions {
  /** smtp://host:587 (STARTTLS when offered), smtps://user:pass@host:465, query options as nodemailer reads them. */
  smtpUrl: string;
  from: string;
  /** Connection, greeting and DNS deadline; the idle-socket deadline is three times this. Default 10 s. */
  timeoutMs?: number;
}

/** No SMTP reply, and the connection or its setup failed: the next attempt can go through. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'EPROXY',
  'EMAXLIMIT',
  'ECONNREFUSED',
  'ECONNRESET',
]);

/**
 * SMTP says it: 4xx is "try again later", 5xx "never" (RFC 5321) — except 503, a session out of step,
 * which nodemailer already marks as not permanent. Without a reply, connection trouble is retryable and
 * the rest (bad credentials, a malformed address) is a setting or a bug that repeats.
 */
export function classifySmtpError(err: unknown): DeliveryResult {
  const e = (err instanceof Error ? err : new Error(String(err))) as NodemailerError;
  const reply = e.responseCode;
  const error = [e.code, e.response ?? e.message].filter(Boolean).join(': ');
  if (typeof reply === 'number' && reply >= 400) {
    const permanent = e.permanent ?? (reply >= 500 && reply !== 503);
    return { ok: false, retryable: !permanent, error };
  }
  const code = e.code ?? '';
  return {
    ok: false,
    retryable: TRANSIENT_CODES.has(code) || TRANSIENT_CODES.has(e.originalCode ?? ''),
    error,
  };
}

const MESSAGE_ID = /^<?[^\s<>@]+@[^\s<>@]+>?$/;

/**
 * A pooled SMTP sender: one connection reused for a batch of deliveries instead of a TLS handshake per
 * message. Every message carries one-click unsubscribe headers (RFC 8058), which Gmail and Yahoo require
 * of bulk senders.
 */
export function createMailer(opts: MailerOptions): Mailer {
  const timeout = opts.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    pool: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    dnsTimeout: timeout,
    socketTimeout: timeout * 3,
  });

  async function send(m: OutgoingEmail): Promise<DeliveryResult> {
    if (!MESSAGE_ID.test(m.messageId)) {
      return {
        ok: false,
        retryable: false,
        error: `messageId "${m.messageId}" is not of the form id@domain`,
      };
    }
    try {
      const info = await transport.sendMail({
        from: opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        list: { unsubscribe: m.unsubscribeUrl },
        headers: { ...m.headers, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      if (info.rejected.length > 0) {
        return {
          ok: false,
          retryable: false,
          error: `rejected ${info.rejected.join(', ')}: ${info.response}`,
        };
      }
      return { ok: true, detail: `${info.messageId} ${info.response}` };
    } catch (err) {
      return classifySmtpError(err);
    }
  }

  return { send, close: () => transport.close() };
}
