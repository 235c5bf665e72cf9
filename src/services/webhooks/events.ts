import { createHash } from 'node:crypto';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { webhookSubscriptions } from '../../db/schema/index.ts';
import type { WebhookExtras } from '../../integrations/message.ts';
import { type TWebhookEvent, WEBHOOK_EVENT_LABELS } from '../../shared/webhooks.ts';
import type { Hold } from '../broadcasts/hold.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { scheduleAction } from '../scheduling.ts';
import { type ReleaseLike, releaseData } from './payloads.ts';

export const WEBHOOK_KIND = 'webhook';

/** The host alone stands for a subscription in the delivery log: a URL may carry a token of its own. */
export const hostOf = (url: string) => new URL(url).host;

/** The same cause always makes the same event id, so a replay (or a re-run) is recognisable by receivers. */
export const eventIdOf = (type: string, key: string) =>
  `evt_${createHash('sha256').update(`${type}|${key}`).digest('hex').slice(0, 24)}`;

export interface EventInput {
  type: TWebhookEvent;
  /** What caused it, unique per occurrence ("weekly_update:2026-W47:v2"): makes the event id and idempotency. */
  key: string;
  /** For the delivery log, in words ("Weekly Product Update — 2026-11-19 published"). */
  title: string;
  /** The resource in stakeholder-safe form (services/webhooks/payloads.ts). */
  data: unknown;
  now: Date;
  /** An undoable action's hold (services/broadcasts): its webhook copies wait and are undone with it. */
  hold?: Hold | null;
}

/**
 * Writes one outbox row per active subscription to `type`, inside the caller's transaction: the event exists
 * exactly when the change does (a rolled-back change sends nothing). Returns the event id.
 */
export async function emitEvent(tx: Db, e: EventInput): Promise<string> {
  const id = eventIdOf(e.type, e.key);
  const subs = await tx
    .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), arrayContains(webhookSubscriptions.events, [e.type])));
  if (!subs.length) return id;
  const webhook: WebhookExtras = {
    event: e.type,
    body: { id, type: e.type, occurredAt: e.now.toISOString(), data: e.data },
  };
  await enqueueMessage(tx, {
    key: `${WEBHOOK_KIND}:${id}`,
    kind: WEBHOOK_KIND,
    ref: id,
    message: { title: e.title, summary: WEBHOOK_EVENT_LABELS[e.type], webhook },
    recipients: subs.map((s) => ({ channel: 'webhook' as const, webhookId: s.id, address: hostOf(s.url) })),
    ...(e.hold ? { hold: e.hold } : {}),
  });
  return id;
}

/** Whether anyone listens to `type` (the gate watch schedules its check only then). */
export async function anyoneListens(tx: Db, type: TWebhookEvent): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), arrayContains(webhookSubscriptions.events, [type])))
    .limit(1);
  return Boolean(row);
}

export const GATE_CHECK = 'webhook.gate_check' as const;

/**
 * After a change that may move a release's gate, inside its transaction: when someone listens to
 * release.gate_changed, a job compares the gate now with what webhooks were last told (services/webhooks/
 * gate-check.ts; the gate reads the release services, which cannot import it back without a cycle). `at` is a
 * later instant the gate is known to change by time alone (an override's end); the 15-minute sweep catches the rest.
 */
export async function watchGate(tx: Db, releaseIds: string[], now: Date, at: Date = now): Promise<void> {
  if (!releaseIds.length || !(await anyoneListens(tx, 'release.gate_changed'))) return;
  for (const releaseId of new Set(releaseIds))
    await scheduleAction(tx, {
      kind: GATE_CHECK,
      key: `${GATE_CHECK}:${releaseId}:${at.getTime()}`,
      dueAt: at,
      latePolicy: 'run_late',
      payload: { releaseId },
    });
}

/** release.status_changed, when the status moved (an edit, a launch, a go/no-go decision). */
export async function emitReleaseStatus(
  tx: Db,
  from: string,
  release: ReleaseLike,
  now: Date,
): Promise<void> {
  if (from === release.status) return;
  await emitEvent(tx, {
    type: 'release.status_changed',
    key: `release_status:${release.id}:${now.getTime()}:${release.status}`,
    title: `${release.title}: ${from.replace('_', ' ')} → ${release.status.replace('_', ' ')}`,
    data: { release: releaseData(release), previousStatus: from },
    now,
  });
}
