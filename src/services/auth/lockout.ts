import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInFailures } from '../../db/schema/index.ts';
import { localDateTime } from '../../shared/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';

/** Failed sign-ins in a row that lock an email, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;

/** A row nobody has tried for this long is forgotten (unknown emails must not pile up). */
const FORGET_AFTER_MS = 24 * 3_600_000;

export interface Attempt {
  email: string;
  /** This attempt's place in the run of attempts without a success. */
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Counts an attempt before the password is checked, in one statement, so parallel guesses cannot all slip in
 * before the count reaches the limit: the LOCKOUT.failures-th attempt sets the lock, which its own success
 * lifts (`clearAttempts`). Refuses while the email is locked; a lock that has run out starts a new count.
 */
export async function beginAttempt(db: Db, email: string, now: Date): Promise<Attempt> {
  const t = signInFailures;
  const at = sql`${now.toISOString()}::timestamptz`;
  const until = sql`${new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString()}::timestamptz`;
  const expired = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} <= ${at})`;
  const next = sql`(case when ${expired} then 1 else ${t.failures} + 1 end)`;
  const [row] = await db
    .insert(t)
    .values({ email, failures: 1, lastAttemptAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.email,
      set: {
        failures: next,
        lastAttemptAt: now,
        lockedUntil: sql`case when ${expired} then null when ${next} = ${LOCKOUT.failures} then ${until} else ${t.lockedUntil} end`,
      },
    })
    .returning();
  const attempt = { email, failures: row!.failures, lockedUntil: row!.lockedUntil };
  if (attempt.failures > LOCKOUT.failures && attempt.lockedUntil && attempt.lockedUntil > now) {
    throw await lockedError(db, attempt.lockedUntil, now, 'Too many failed sign-ins.');
  }
  return attempt;
}

/**
 * A wrong password (or unknown email): the attempt that reached the limit is audited and answered with the
 * lock, so the person learns it now rather than on the next try.
 */
export async function failAttempt(
  db: Db,
  attempt: Attempt,
  personId: string | null,
  now: Date,
): Promise<AppError> {
  const wrong = new AppError('unauthorized', 'email or password is wrong');
  if (attempt.failures !== LOCKOUT.failures || !attempt.lockedUntil) return wrong;
  await recordAudit(db, {
    actor: { personId: null, label: `sign-in as ${attempt.email}`, roles: [] },
    action: 'sign_in.locked',
    entityType: personId ? 'person' : 'email',
    entityId: personId ?? attempt.email,
    change: {
      email: attempt.email,
      failures: attempt.failures,
      lockedUntil: attempt.lockedUntil.toISOString(),
    },
  });
  return lockedError(
    db,
    attempt.lockedUntil,
    now,
    `Email or password is wrong, ${LOCKOUT.failures} times in a row.`,
  );
}

/** After a success: the email's count starts again, and rows untried for a day are dropped. */
export async function clearAttempts(tx: Db, email: string, now: Date): Promise<void> {
  const t = signInFailures;
  const stale = new Date(now.getTime() - FORGET_AFTER_MS);
  await tx
    .delete(t)
    .where(
      or(
        eq(t.email, email),
        and(lt(t.lastAttemptAt, stale), or(isNull(t.lockedUntil), lt(t.lockedUntil, now))),
      ),
    );
}

async function lockedError(db: Db, until: Date, now: Date, why: string): Promise<AppError> {
  const { timeZone } = await getSettings(db);
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    'rate_limited',
    `${why} Sign-in with this email is paused: try again after ${localDateTime(until, timeZone).time} (${timeZone} time), in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
