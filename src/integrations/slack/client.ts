import type { DeliveryResult } from '../message.ts';
import { truncate } from '../text.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_API_URL = 'https://slack.com/api';

interface HttpAnswer {
  status: number;
  retryAfterMs: number | undefined;
  body: string;
}

/** Slack sends Retry-After in seconds on 429; the outbox should wait at least that long. */
function retryAfter(res: Response): number | undefined {
  const seconds = Number(res.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/**
 * POSTs JSON and reads the whole answer under one deadline. Errors never include the URL or the token:
 * a webhook URL is itself a secret and these messages end up in logs and in the delivery log.
 */
async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<HttpAnswer | DeliveryResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    return { status: res.status, retryAfterMs: retryAfter(res), body: await res.text() };
  } catch (err) {
    return { ok: false, retryable: true, error: describeNetworkError(err, timeoutMs) };
  }
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `Slack did not answer within ${timeoutMs} ms`;
  }
  const cause =
    err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  const why = cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
  return `could not reach Slack: ${why}`;
}

/** 429 and 5xx are Slack (or a proxy) being busy; any other status (3xx included: we never follow a
 * redirect with a secret in the body) is about our request or settings and would repeat. */
function httpFailure(answer: HttpAnswer): DeliveryResult {
  const retryable = answer.status === 429 || answer.status >= 500;
  return {
    ok: false,
    retryable,
    error: `HTTP ${answer.status}: ${truncate(answer.body.trim(), 200) || 'no body'}`,
    ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
  };
}

const isAnswer = (a: HttpAnswer | DeliveryResult): a is HttpAnswer => 'status' in a;

/**
 * Posts to an incoming webhook. Slack answers 200 "ok"; 400 invalid_payload, 403, 404 no_service and
 * 410 channel_is_archived mean the webhook or payload is wrong and are not retried.
 */
export async function postWebhook(
  url: string,
  payload: SlackMessage,
  opts: { timeoutMs?: number } = {},
): Promise<DeliveryResult> {
  const answer = await postJson(url, payload, {}, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!isAnswer(answer)) return answer;
  if (answer.status < 200 || answer.status >= 300) return httpFailure(answer);
  return { ok: true, detail: truncate(answer.body.trim(), 200) || `HTTP ${answer.status}` };
}

/** Slack's own transient errors (sent as HTTP 200 {ok:false}): a brief outage must not lose a message. */
const TRANSIENT_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'service_unavailable',
  'request_timeout',
  'fatal_error',
]);

/** A Web API call that worked: `ts` and `channel` say where a posted message is (for threads and updates). */
export type WebApiResult =
  | { ok: true; detail: string; ts?: string; channel?: string }
  | Exclude<DeliveryResult, { ok: true }>;

/** A message's text (notification + fallback) and its Block Kit blocks, as Slack takes them. */
export interface SlackMessage {
  text: string;
  blocks: readonly object[];
}

export interface WebApiOptions {
  apiUrl?: string;
  token: string;
  timeoutMs?: number;
}

/**
 * Calls one Web API method. Slack reports most failures as HTTP 200 {ok:false,error}; only its transient errors
 * (and HTTP 429/5xx, network errors) are worth retrying: channel_not_found, not_in_channel, invalid_auth…
 * need a person to fix the settings.
 */
async function callWebApi(method: string, body: object, opts: WebApiOptions): Promise<WebApiResult> {
  const apiUrl = (opts.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const answer = await postJson(
    `${apiUrl}/${method}`,
    body,
    { authorization: `Bearer ${opts.token}` },
    opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  if (!isAnswer(answer)) return answer;
  if (answer.status < 200 || answer.status >= 300) return httpFailure(answer);
  const parsed = parseApiAnswer(answer.body);
  if (!parsed) {
    return { ok: false, retryable: false, error: `unexpected answer: ${truncate(answer.body.trim(), 200)}` };
  }
  if (parsed.ok) {
    const where = parsed.ts ? ` channel=${parsed.channel ?? '?'} ts=${parsed.ts}` : '';
    return { ok: true, detail: `ok${where}`, ts: parsed.ts, channel: parsed.channel };
  }
  const error = parsed.error ?? 'unknown_error';
  return {
    ok: false,
    retryable: TRANSIENT_ERRORS.has(error),
    error,
    ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}),
  };
}

/** chat.postMessage; with `threadTs` the message is a reply in that thread. */
export function postChatMessage(
  opts: WebApiOptions & { channel: string; payload: SlackMessage; threadTs?: string },
): Promise<WebApiResult> {
  return callWebApi(
    'chat.postMessage',
    {
      channel: opts.channel,
      text: opts.payload.text,
      blocks: opts.payload.blocks,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    },
    opts,
  );
}

/** chat.update: replaces a message the app posted (channel id + its ts). */
export function updateChatMessage(
  opts: WebApiOptions & { channel: string; ts: string; payload: SlackMessage },
): Promise<WebApiResult> {
  return callWebApi(
    'chat.update',
    { channel: opts.channel, ts: opts.ts, text: opts.payload.text, blocks: opts.payload.blocks },
    opts,
  );
}

/** views.open: shows a modal to the person who clicked (the trigger id is good for 3 s). */
export function openView(opts: WebApiOptions & { triggerId: string; view: object }): Promise<WebApiResult> {
  return callWebApi('views.open', { trigger_id: opts.triggerId, view: opts.view }, opts);
}

interface ApiAnswer {
  ok: boolean;
  error?: string;
  channel?: string;
  ts?: string;
}

function parseApiAnswer(body: string): ApiAnswer | null {
  try {
    const value: unknown = JSON.parse(body);
    if (!value || typeof value !== 'object' || !('ok' in value) || typeof value.ok !== 'boolean') return null;
    const v = value as Record<string, unknown>;
    const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
    return { ok: value.ok, error: str('error'), channel: str('channel'), ts: str('ts') };
  } catch {
    return null;
  }
}

/**
 * Posts to a slash command's or an interaction's response_url (an ephemeral or in-channel message, or
 * replace_original / delete_original of the message the button was on). Slack answers 200 with "ok" or
 * {"ok":true}; {"ok":false,"error"} (expired_url, used_url…) is a failure. Nothing is retried: the URL is
 * good for a few uses within 30 minutes, and the asker is waiting now.
 */
export async function postToResponseUrl(
  url: string,
  message: object,
  opts: { timeoutMs?: number } = {},
): Promise<DeliveryResult> {
  const answer = await postJson(url, message, {}, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (!isAnswer(answer)) return answer;
  if (answer.status < 200 || answer.status >= 300) return httpFailure(answer);
  const parsed = parseApiAnswer(answer.body);
  if (parsed && !parsed.ok) return { ok: false, retryable: false, error: parsed.error ?? 'unknown_error' };
  return { ok: true, detail: truncate(answer.body.trim(), 200) || `HTTP ${answer.status}` };
}
