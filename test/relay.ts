import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../src/db/client.ts';
import type { OutgoingMessage } from '../src/integrations/message.ts';
import { type OutboxRow, relayOnce } from '../src/jobs/outbox-relay.ts';

/**
 * Runs the outbox relay until nothing is due, for people who read prodops in their inbox only (their copies need
 * no deliverer); an email or Slack copy is refused, so a test that expects one sees it dead.
 */
export async function relayInboxCopies(db: Db): Promise<void> {
  const refuse = async () => ({ ok: false as const, retryable: false, error: 'inbox only in this test' });
  while ((await relayOnce({ db, deliverers: { email: refuse, slack: refuse }, instance: 'test' })) > 0);
}

/** What a capturing relay sent: each email or Slack copy as its deliverer got it (with its one-time links). */
export interface SentCopy {
  row: OutboxRow;
  message: OutgoingMessage;
}

/** Runs the relay until nothing is due, keeping every email and Slack copy instead of sending it. */
export async function relayCapturing(db: Db): Promise<SentCopy[]> {
  const sent: SentCopy[] = [];
  const keep = async (row: OutboxRow, message: OutgoingMessage) => {
    sent.push({ row, message });
    return { ok: true as const, detail: 'kept by the test' };
  };
  while ((await relayOnce({ db, deliverers: { email: keep, slack: keep }, instance: 'test' })) > 0);
  return sent;
}

/** Every row of every table, as text: where a test looks for a secret that must not be stored. */
export async function databaseText(db: Db): Promise<string> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ t: string }>(await db.execute(sql.raw(`select t::text as t from "${name}" t`)));
    parts.push(...rows.map((r) => r.t));
  }
  return parts.join('\n');
}
