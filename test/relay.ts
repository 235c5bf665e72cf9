import type { Db } from '../src/db/client.ts';
import { relayOnce } from '../src/jobs/outbox-relay.ts';

/**
 * Runs the outbox relay until nothing is due, for people who read prodops in their inbox only (their copies need
 * no deliverer); an email or Slack copy is refused, so a test that expects one sees it dead.
 */
export async function relayInboxCopies(db: Db): Promise<void> {
  const refuse = async () => ({ ok: false as const, retryable: false, error: 'inbox only in this test' });
  while ((await relayOnce({ db, deliverers: { email: refuse, slack: refuse }, instance: 'test' })) > 0);
}
