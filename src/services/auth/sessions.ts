import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, sessions } from '../../db/schema/index.ts';
import { AppError, forbidden } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { beginAttempt, clearAttempts, failAttempt } from './lockout.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { newSecret, sha256 } from './tokens.ts';

export const PASSWORD_SIGN_IN_OFF =
  'Password sign-in is off for this organisation: use the single sign-on button on the sign-in page.';

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
  personId: string;
}

/**
 * Password sign-in. The same error for an unknown email and a wrong password, on purpose; both count towards the
 * email's lockout (lockout.ts), which a success resets.
 */
export async function signIn(opts: {
  db: Db;
  email: string;
  password: string;
  ttlHours: number;
  now: Date;
}): Promise<NewSession> {
  const { oidc } = (await getSettings(opts.db)).sso;
  if (!oidc.passwordSignIn) throw forbidden(PASSWORD_SIGN_IN_OFF);
  const email = opts.email.toLowerCase();
  const attempt = await beginAttempt(opts.db, email, opts.now);
  const [person] = await opts.db.select().from(people).where(eq(people.email, email));
  if (!person?.passwordHash) {
    await burnPasswordCheck(opts.password);
    throw await failAttempt(opts.db, attempt, person?.id ?? null, opts.now);
  }
  const ok = await verifyPassword(opts.password, person.passwordHash);
  if (!ok || !person.active) throw await failAttempt(opts.db, attempt, person.id, opts.now);
  return opts.db.transaction(async (tx) => {
    await clearAttempts(tx, email, opts.now);
    return openSession(tx, person, { now: opts.now, ttlHours: opts.ttlHours, change: {} });
  });
}

/**
 * A new session for a person whose identity is proven (by password or by the single sign-on issuer), with its
 * audit entry; call inside the sign-in's transaction. Expired sessions are swept on the way.
 */
export async function openSession(
  tx: Db,
  person: { id: string; email: string },
  opts: { now: Date; ttlHours: number; change: Record<string, unknown> },
): Promise<NewSession> {
  // The person's row, locked and read again: a deactivation committed since the caller read it (during the slow
  // password check) refuses the session, and one still running waits for this insert and ends the session with
  // the others. Otherwise a session opened in between would outlive the deactivation and come back with a
  // reactivation.
  const [current] = await tx
    .select({ active: people.active })
    .from(people)
    .where(eq(people.id, person.id))
    .for('update');
  if (!current?.active) throw new AppError('unauthorized', 'the account is inactive');
  const cookieValue = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(opts.now.getTime() + opts.ttlHours * 3_600_000);
  await tx.delete(sessions).where(lt(sessions.expiresAt, opts.now));
  await tx.insert(sessions).values({ id: sha256(cookieValue), personId: person.id, csrfToken, expiresAt });
  await recordAudit(tx, {
    actor: { personId: person.id, label: person.email, roles: [] },
    action: 'session.create',
    entityType: 'person',
    entityId: person.id,
    change: opts.change,
  });
  return { cookieValue, csrfToken, expiresAt, personId: person.id };
}

export async function signOut(opts: { db: Db; actor: Actor; sessionId: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, opts.sessionId));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'session.delete',
      entityType: 'person',
      entityId: opts.actor.personId ?? 'unknown',
      change: {},
    });
  });
}
