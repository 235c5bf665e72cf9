import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerConnections } from '../../db/schema/index.ts';
import { GITHUB_API_URL } from '../../integrations/github/client.ts';
import type { TGithubConnection, TGithubConnectionInput } from '../../shared/trackers.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export type ConnectionRow = typeof trackerConnections.$inferSelect;

/** Where GitHub posts its webhooks on this server (under the API's prefix). */
export const GITHUB_WEBHOOK_PATH = '/api/v1/integrations/github/webhook';

export async function githubConnection(db: Db): Promise<ConnectionRow | null> {
  const [row] = await db.select().from(trackerConnections).where(eq(trackerConnections.kind, 'github'));
  return row ?? null;
}

/** The connection as anyone may read it: the token and the webhook secret only as "set". */
export function connectionView(row: ConnectionRow | null): TGithubConnection {
  return {
    kind: 'github',
    apiUrl: row?.apiUrl ?? GITHUB_API_URL,
    token: row?.token ? 'set' : 'not set',
    webhookSecret: row?.webhookSecret ? 'set' : 'not set',
    bugLabel: row?.bugLabel ?? 'bug',
    feedbackLabel: row?.feedbackLabel ?? 'customer-feedback',
    webhookPath: GITHUB_WEBHOOK_PATH,
    lastSyncAt: row?.lastSyncAt?.toISOString() ?? null,
    lastSyncError: row?.lastSyncError ?? null,
  };
}

/**
 * Sets the org's GitHub connection (from Settings, the API or the org file): fields left out keep their value.
 * The audit log says which secrets changed, never their values.
 */
export async function setGithubConnection(opts: {
  db: Db;
  actor: Actor;
  input: TGithubConnectionInput;
  now: Date;
}): Promise<TGithubConnection> {
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    const before = await githubConnection(tx);
    const values = {
      apiUrl: input.apiUrl ?? before?.apiUrl ?? GITHUB_API_URL,
      token: input.token === undefined ? (before?.token ?? null) : input.token,
      webhookSecret:
        input.webhookSecret === undefined ? (before?.webhookSecret ?? null) : input.webhookSecret,
      bugLabel: input.bugLabel ?? before?.bugLabel ?? 'bug',
      feedbackLabel: input.feedbackLabel ?? before?.feedbackLabel ?? 'customer-feedback',
      updatedBy: opts.actor.label,
      updatedAt: opts.now,
    };
    const [row] = await tx
      .insert(trackerConnections)
      .values({ kind: 'github', ...values })
      .onConflictDoUpdate({ target: trackerConnections.kind, set: values })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'trackers.connect',
      entityType: 'tracker_connection',
      entityId: 'github',
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
    return connectionView(row!);
  });
}
