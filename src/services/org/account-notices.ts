import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { localDateTime } from '../../shared/calendar.ts';
import { rolesText, type TRole } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { enqueueMessage, type Recipient } from '../delivery/outbox.ts';
import { getSettings } from './settings.ts';

type PersonRow = typeof people.$inferSelect;

const rolesOrNone = (roles: readonly TRole[]) => rolesText(roles) || 'none';

/** What changed in someone's access, in words; empty when nothing that matters for their account did. */
function changesOf(before: PersonRow, after: PersonRow, passwordChanged: boolean): string[] {
  const lines: string[] = [];
  if (passwordChanged) lines.push('Your password was changed.');
  if (before.roles.join() !== after.roles.join())
    lines.push(`Your roles are now ${rolesOrNone(after.roles)} (they were ${rolesOrNone(before.roles)}).`);
  if (before.email !== after.email)
    lines.push(`Your sign-in email is now ${after.email} (it was ${before.email}).`);
  if (before.active && !after.active) lines.push('Your account was switched off.');
  return lines;
}

/**
 * Tells a person their credentials or roles changed, and by whom, in their inbox and by email whatever their
 * preferences (a security notice, not news), at the old address too when the email changed.
 */
export async function noticeAccountChange(
  tx: Db,
  opts: {
    actor: Actor;
    before: PersonRow;
    after: PersonRow;
    passwordChanged: boolean;
    signedOut: { sessions: number; tokens: number } | null;
    now: Date;
  },
): Promise<void> {
  const lines = changesOf(opts.before, opts.after, opts.passwordChanged);
  if (lines.length === 0) return;
  const { timeZone } = await getSettings(tx);
  const at = localDateTime(opts.now, timeZone);
  const self = opts.actor.personId === opts.after.id;
  const [by] = opts.actor.personId
    ? await tx.select({ name: people.name }).from(people).where(eq(people.id, opts.actor.personId))
    : [];
  const who = self ? 'You' : (by?.name ?? 'An administrator');
  const out = opts.signedOut
    ? ` ${self ? 'Your other sessions and API tokens were' : 'All your sessions and API tokens were'} signed out.`
    : '';
  const recipients: Recipient[] = [{ channel: 'inbox', personId: opts.after.id }];
  for (const address of new Set([opts.after.email, opts.before.email]))
    recipients.push({ channel: 'email', address, personId: opts.after.id });
  await enqueueMessage(tx, {
    // Each change is its own cause: two changes in one instant are two notices.
    key: `account:${opts.after.id}:${randomUUID()}`,
    kind: 'account.change',
    ref: opts.after.id,
    message: {
      title: 'Your prodops account changed',
      summary: `${who} changed your account on ${at.date} at ${at.time} (${timeZone}).${out}`,
      sections: [{ markdown: lines.map((l) => `- ${l}`).join('\n') }],
      footer: self
        ? 'If this was not you, tell your prodops admin.'
        : 'If you did not expect this, ask your prodops admin.',
    },
    recipients: opts.after.active ? recipients : recipients.filter((r) => r.channel === 'email'),
  });
}
