import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerConnections } from '../../db/schema/index.ts';
import { GITHUB_API_URL } from '../../integrations/github/client.ts';
import { LINEAR_API_URL } from '../../integrations/linear/client.ts';
import { type OutboundGuard, outboundGuard } from '../../integrations/net/outbound-guard.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import {
  type TGithubConnectionInput,
  type TJiraConnectionInput,
  type TLinearConnectionInput,
  TRACKER_LABELS,
  type TTrackerConnection,
  type TTrackerKind,
} from '../../shared/trackers.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export type ConnectionRow = typeof trackerConnections.$inferSelect;

/** Where each tracker posts its webhooks on this server (under the API's prefix). */
export const webhookPath = (kind: TTrackerKind) => `/api/v1/integrations/${kind}/webhook`;
export const GITHUB_WEBHOOK_PATH = webhookPath('github');

/** A kind's defaults: GitHub's and Linear's APIs have one address; a Jira site has none until it is set. */
const DEFAULTS: Record<TTrackerKind, { apiUrl: string; bugLabel: string; feedbackLabel: string }> = {
  github: { apiUrl: GITHUB_API_URL, bugLabel: 'bug', feedbackLabel: 'customer-feedback' },
  jira: { apiUrl: '', bugLabel: 'Bug', feedbackLabel: 'customer-feedback' },
  linear: { apiUrl: LINEAR_API_URL, bugLabel: 'Bug', feedbackLabel: 'customer-feedback' },
};

export async function trackerConnection(db: Db, kind: TTrackerKind): Promise<ConnectionRow | null> {
  const [row] = await db.select().from(trackerConnections).where(eq(trackerConnections.kind, kind));
  return row ?? null;
}
export const githubConnection = (db: Db) => trackerConnection(db, 'github');

/** The connection, or a 409 saying it is not set up. */
export async function requireConnection(db: Db, kind: TTrackerKind): Promise<ConnectionRow> {
  const conn = await trackerConnection(db, kind);
  if (!conn)
    throw new AppError(
      'conflict',
      `${TRACKER_LABELS[kind]} is not connected: set it up under Settings → Trackers first`,
    );
  return conn;
}

/** The connection as anyone may read it: the token and the webhook secret only as "set". */
export function connectionView(kind: TTrackerKind, row: ConnectionRow | null): TTrackerConnection {
  const d = DEFAULTS[kind];
  return {
    kind,
    connected: row !== null,
    apiUrl: row?.apiUrl ?? d.apiUrl,
    token: row?.token ? 'set' : 'not set',
    webhookSecret: row?.webhookSecret ? 'set' : 'not set',
    bugLabel: row?.bugLabel ?? d.bugLabel,
    feedbackLabel: row?.feedbackLabel ?? d.feedbackLabel,
    webhookPath: webhookPath(kind),
    lastSyncAt: row?.lastSyncAt?.toISOString() ?? null,
    lastSyncError: row?.lastSyncError ?? null,
  };
}

/**
 * Sets the org's connection to a tracker (from Settings, the API or the org file): fields left out keep their
 * value. The audit log says which secrets changed, never their values. A new address may not be a private or
 * internal one unless `guard` (the operator's PRODOPS_WEBHOOK_ALLOW_PRIVATE) allows it: prodops sends the token
 * there and shows what answers.
 */
export async function setTrackerConnection(opts: {
  db: Db;
  actor: Actor;
  kind: TTrackerKind;
  input: TGithubConnectionInput | TJiraConnectionInput | TLinearConnectionInput;
  now: Date;
  guard?: OutboundGuard;
}): Promise<TTrackerConnection> {
  const { input, kind } = opts;
  const d = DEFAULTS[kind];
  const problem = input.apiUrl ? await (opts.guard ?? outboundGuard()).urlProblem(input.apiUrl) : null;
  if (problem) throw invalid([{ path: 'apiUrl', message: problem }]);
  return opts.db.transaction(async (tx) => {
    const before = await trackerConnection(tx, kind);
    const apiUrl = input.apiUrl ?? before?.apiUrl ?? d.apiUrl;
    if (!apiUrl)
      throw invalid([
        { path: 'apiUrl', message: 'is required: the Jira site, as https://acme.atlassian.net' },
      ]);
    const values = {
      apiUrl,
      token: input.token === undefined ? (before?.token ?? null) : input.token,
      webhookSecret:
        input.webhookSecret === undefined ? (before?.webhookSecret ?? null) : input.webhookSecret,
      bugLabel: input.bugLabel ?? before?.bugLabel ?? d.bugLabel,
      feedbackLabel: input.feedbackLabel ?? before?.feedbackLabel ?? d.feedbackLabel,
      updatedBy: opts.actor.label,
      updatedAt: opts.now,
    };
    const [row] = await tx
      .insert(trackerConnections)
      .values({ kind, ...values })
      .onConflictDoUpdate({ target: trackerConnections.kind, set: values })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'trackers.connect',
      entityType: 'tracker_connection',
      entityId: kind,
      change: {
        apiUrl: values.apiUrl,
        bugLabel: values.bugLabel,
        feedbackLabel: values.feedbackLabel,
        ...(input.token !== undefined ? { token: input.token ? 'changed' : 'removed' } : {}),
        ...(input.webhookSecret !== undefined
          ? { webhookSecret: input.webhookSecret ? 'changed' : 'removed' }
          : {}),
      },
    });
    return connectionView(kind, row!);
  });
}
