import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { outbox } from '../../db/schema/index.ts';
import { listDeliveryGroups } from './message-groups.ts';
import { enqueueMessage, type Recipient } from './outbox.ts';

const SMTP = 'email (SMTP_URL) is not configured';
let d: TestDatabase;
const names: string[] = [];

/** One message to `recipients`, its copies queued at `at`. */
async function message(ref: string, title: string, recipients: Recipient[], at: string) {
  await d.db.transaction((tx) =>
    enqueueMessage(tx, {
      key: ref,
      kind: 'enablement_bundle',
      ref,
      message: { title, summary: 's' },
      recipients,
    }),
  );
  await d.db
    .update(outbox)
    .set({ createdAt: new Date(at) })
    .where(eq(outbox.ref, ref));
}

beforeAll(async () => {
  d = await createTestDb();
  const people = [];
  for (let i = 0; i < 20; i++) {
    const p = await makePerson(d.db, { name: `Reader ${String(i).padStart(2, '0')}` });
    people.push(p);
    names.push(p.name);
  }
  // The newer message: 20 email copies (17 fail for the same reason, 1 for another, 2 sent) and 3 inbox copies.
  await message(
    'r1:v1',
    'Enablement bundle: Usage billing',
    [
      ...people.map((p) => ({ channel: 'email' as const, address: p.email, personId: p.id })),
      ...people.slice(0, 3).map((p) => ({ channel: 'inbox' as const, personId: p.id })),
    ],
    '2026-11-20T10:00:00Z',
  );
  const emails = await d.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.ref, 'r1:v1'), eq(outbox.channel, 'email')))
    .orderBy(outbox.address);
  for (const [i, row] of emails.entries()) {
    const set =
      i < 17
        ? { status: 'dead' as const, lastError: SMTP }
        : i === 17
          ? { status: 'dead' as const, lastError: 'mailbox full' }
          : { status: 'sent' as const };
    await d.db.update(outbox).set(set).where(eq(outbox.id, row.id));
  }
  await d.db
    .update(outbox)
    .set({ status: 'sent' })
    .where(and(eq(outbox.ref, 'r1:v1'), eq(outbox.channel, 'inbox')));
  // An older message, still on its way.
  await message(
    'r0:v1',
    'Enablement bundle: Dark mode',
    people.slice(0, 2).map((p) => ({ channel: 'inbox' as const, personId: p.id })),
    '2026-11-10T10:00:00Z',
  );
});
afterAll(async () => d.close());

describe('the delivery log by message', () => {
  it('folds a message into one row: counts per channel, identical failures once, recipients by name', async () => {
    const { items } = await listDeliveryGroups(d.db, { limit: 10 });
    expect(items.map((g) => g.ref)).toEqual(['r1:v1', 'r0:v1']);
    const g = items[0]!;
    expect(g.title).toBe('Enablement bundle: Usage billing');
    expect(g.counts).toEqual({ sent: 5, failed: 18, pending: 0 });
    expect(g.channels.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: 'email', sent: 2, failed: 18, pending: 0 },
      { channel: 'inbox', sent: 3, failed: 0, pending: 0 },
    ]);
    expect(g.failures).toEqual([
      { reason: SMTP, count: 17 },
      { reason: 'mailbox full', count: 1 },
    ]);
    expect(g.recipients).toHaveLength(23);
    expect(new Set(g.recipients.map((r) => r.name))).toEqual(new Set(names));
    expect(g.recipients.some((r) => r.name.includes('@'))).toBe(false);
    expect(items[1]!.counts).toEqual({ sent: 0, failed: 0, pending: 2 });
  });

  it('pages by message, not by copy', async () => {
    const first = await listDeliveryGroups(d.db, { limit: 1 });
    expect(first.items.map((g) => g.ref)).toEqual(['r1:v1']);
    expect(first.items[0]!.recipients).toHaveLength(23);
    expect(first.nextCursor).not.toBeNull();
    const second = await listDeliveryGroups(d.db, { limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((g) => g.ref)).toEqual(['r0:v1']);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps the filters: a status picks messages with such a copy, a channel narrows the copies', async () => {
    const failed = await listDeliveryGroups(d.db, { status: 'dead', limit: 10 });
    expect(failed.items.map((g) => g.ref)).toEqual(['r1:v1']);
    const pending = await listDeliveryGroups(d.db, { status: 'pending', limit: 10 });
    expect(pending.items.map((g) => g.ref)).toEqual(['r0:v1']);
    const inbox = await listDeliveryGroups(d.db, { channel: 'inbox', limit: 10 });
    expect(inbox.items[0]!.counts).toEqual({ sent: 3, failed: 0, pending: 0 });
    expect(inbox.items[0]!.failures).toEqual([]);
    const other = await listDeliveryGroups(d.db, { kind: 'weekly_update', limit: 10 });
    expect(other.items).toEqual([]);
  });
});
