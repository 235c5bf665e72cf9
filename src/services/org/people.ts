import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { people } from '../../db/schema/index.ts';
import { AppError, forbidden, invalid, notFound } from '../../shared/errors.ts';
import type { TPersonInput, TPersonPatch } from '../../shared/org.ts';
import type { TFunction, TRole } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { endOtherAccess } from '../auth/access.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { noticeAccountChange } from './account-notices.ts';

export interface PersonView {
  id: string;
  name: string;
  email: string;
  function: TFunction;
  roles: TRole[];
  slackId: string | null;
  active: boolean;
  canSignIn: boolean;
  areaIds: string[];
  podIds: string[];
}

type PersonRow = typeof people.$inferSelect;

/**
 * People as the API shows them, in one statement: the areas each owns and the pods each is in come as arrays
 * beside the row (a list was three statements, two of them `IN (…every id…)`), and the password hash never
 * leaves the database, only whether there is one.
 */
function selectPersonViews(db: Db) {
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      function: people.function,
      roles: people.roles,
      slackId: people.slackId,
      active: people.active,
      canSignIn: sql<boolean>`${people.passwordHash} is not null`,
      // Written out: inside a select list drizzle leaves columns unqualified, and "id" would be the area's own.
      areaIds: sql<
        string[]
      >`coalesce((select array_agg(a.id::text) from areas a where a.owner_pm_id = people.id), '{}')`,
      podIds: sql<
        string[]
      >`coalesce((select array_agg(m.pod_id::text) from pod_members m where m.person_id = people.id), '{}')`,
    })
    .from(people);
}

export async function listPeople(db: Db, opts: { q?: string; limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const name = pattern ? 'people_list_q' : 'people_list';
  const q = sql.placeholder('pattern');
  const rows: PersonView[] = await preparedOn(db, name, (d, as) =>
    selectPersonViews(d)
      .where(pattern ? or(ilike(people.name, q), ilike(people.email, q)) : undefined)
      .orderBy(asc(people.name), asc(people.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(as),
  ).execute({ pattern, limit: opts.limit + 1, offset });
  return pageOf(rows, opts.limit, offset);
}

export async function getPerson(db: Db, id: string): Promise<PersonView | null> {
  const [row] = await selectPersonViews(db).where(eq(people.id, id));
  return row ?? null;
}

export async function findPersonByEmail(db: Db, email: string): Promise<PersonRow | null> {
  const [row] = await db.select().from(people).where(eq(people.email, email.toLowerCase()));
  return row ?? null;
}

async function assertEmailFree(db: Db, email: string, exceptId?: string) {
  const existing = await findPersonByEmail(db, email);
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `a person with email ${email} already exists`, [
      { path: 'email', message: 'is already used by another person' },
    ]);
  }
}

export async function createPerson(opts: { db: Db; actor: Actor; input: TPersonInput }): Promise<PersonView> {
  const { password, ...fields } = opts.input;
  const passwordHash = password ? await hashPassword(password) : null;
  return opts.db.transaction(async (tx) => {
    await assertEmailFree(tx, fields.email);
    const [row] = await tx
      .insert(people)
      .values({ ...fields, slackId: fields.slackId ?? null, active: fields.active ?? true, passwordHash })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      change: { ...fields, password: password ? 'set' : undefined },
    });
    return (await getPerson(tx, row.id))!;
  });
}

export async function updatePerson(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TPersonPatch;
  now: Date;
}): Promise<PersonView> {
  const { password, currentPassword, ...fields } = opts.patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(people).where(eq(people.id, opts.id));
    if (!before) throw notFound('person');
    await checkOwnChange(opts.actor, before, opts.patch);
    if (fields.email) await assertEmailFree(tx, fields.email, opts.id);
    const [after] = await tx
      .update(people)
      .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), updatedAt: opts.now })
      .where(eq(people.id, opts.id))
      .returning();
    if (!after) throw notFound('person');
    const { passwordHash: _a, updatedAt: _b, ...visibleBefore } = before;
    const { passwordHash: _c, updatedAt: _d, ...visibleAfter } = after;
    const change: Record<string, unknown> = diffFields(visibleBefore, visibleAfter);
    if (password) change.password = 'changed';
    if (Object.keys(change).length > 0) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'person.update',
        entityType: 'person',
        entityId: opts.id,
        change,
      });
    }
    // Whoever held the old password or roles is signed out: a change of credentials must take effect now.
    const credentialsChanged =
      Boolean(password) || 'roles' in change || (before.active && !after.active) || 'email' in change;
    const signedOut = credentialsChanged
      ? await endOtherAccess(tx, {
          actor: opts.actor,
          personId: opts.id,
          now: opts.now,
          reason: reasonOf(change),
        })
      : null;
    await noticeAccountChange(tx, {
      actor: opts.actor,
      before,
      after,
      passwordChanged: Boolean(password),
      signedOut,
      now: opts.now,
    });
    return (await getPerson(tx, after.id))!;
  });
}

const reasonOf = (change: Record<string, unknown>): string =>
  ['password', 'roles', 'email', 'active'].filter((k) => k in change).join(', ');

/** Changes to one's own account: the current password to set a new one, and no locking oneself out. */
async function checkOwnChange(actor: Actor, before: PersonRow, patch: TPersonPatch): Promise<void> {
  if (actor.personId !== before.id) return;
  if (patch.active === false) throw invalid([{ path: 'active', message: 'you cannot deactivate yourself' }]);
  if (patch.roles && before.roles.includes('admin') && !patch.roles.includes('admin'))
    throw invalid([{ path: 'roles', message: 'you cannot remove your own admin role' }]);
  if (patch.password === undefined) return;
  if (!before.passwordHash)
    throw invalid([{ path: 'password', message: 'you have no password yet: an admin sets the first one' }]);
  if (!patch.currentPassword)
    throw invalid([{ path: 'currentPassword', message: 'is required to change your own password' }]);
  if (!(await verifyPassword(patch.currentPassword, before.passwordHash)))
    throw invalid([{ path: 'currentPassword', message: 'is not your current password' }]);
}

export async function deletePerson(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  if (opts.actor.personId === opts.id) throw forbidden('you cannot delete yourself');
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(people).where(eq(people.id, opts.id)).returning();
    if (!row) throw notFound('person');
    const { passwordHash: _, ...visible } = row;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'person.delete',
      entityType: 'person',
      entityId: opts.id,
      change: { deleted: visible },
    });
  });
}

/** Checks that ids point at people, optionally holding one of some roles; field errors name `path`. */
export async function checkPeopleRefs(
  db: Db,
  refs: { path: string; id: string | null | undefined; roles?: TRole[]; label?: string }[],
) {
  const ids = [...new Set(refs.map((r) => r.id).filter((id): id is string => Boolean(id)))];
  const rows = ids.length
    ? await db
        .select()
        .from(people)
        .where(and(inArray(people.id, ids)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: { path: string; message: string }[] = [];
  for (const ref of refs) {
    if (!ref.id) continue;
    const person = byId.get(ref.id);
    if (!person) errors.push({ path: ref.path, message: 'is not a known person' });
    else if (ref.roles && !ref.roles.some((r) => person.roles.includes(r))) {
      errors.push({
        path: ref.path,
        message: `${person.name} is not ${ref.label ?? `a ${ref.roles.join(' or ')}`}`,
      });
    }
  }
  return { errors, byId };
}
