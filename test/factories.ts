import { randomBytes } from 'node:crypto';
import { like } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { bugs, inboxItems, outbox } from '../src/db/schema/index.ts';
import { systemActor } from '../src/services/actor.ts';
import { createApiToken } from '../src/services/auth/tokens.ts';
import { enqueueMessage } from '../src/services/delivery/outbox.ts';
import { createArea } from '../src/services/org/areas.ts';
import { createPerson, type PersonView } from '../src/services/org/people.ts';
import { createPod } from '../src/services/org/pods.ts';
import { systemClock } from '../src/shared/clock.ts';
import type { TAreaInput, TPersonInput, TPodInput } from '../src/shared/org.ts';
import type { TRole } from '../src/shared/roles.ts';

const actor = systemActor('test:factory');
const unique = () => randomBytes(4).toString('hex');

export async function makePerson(db: Db, over: Partial<TPersonInput> = {}): Promise<PersonView> {
  const id = unique();
  const roles: TRole[] = over.roles ?? ['stakeholder'];
  const fn = roles.includes('pm')
    ? 'pm'
    : roles.includes('engineer') || roles.includes('eng_lead')
      ? 'eng'
      : roles.includes('designer')
        ? 'design'
        : 'sales';
  return createPerson({
    db,
    actor,
    input: { name: `Person ${id}`, email: `p-${id}@example.com`, function: fn, roles, ...over },
  });
}

export async function makeArea(db: Db, over: Partial<TAreaInput> = {}) {
  const id = unique();
  return createArea({
    db,
    actor,
    input: { slug: `area-${id}`, name: `Area ${id}`, activeUsers: 100, ...over },
  });
}

export async function makePod(db: Db, over: Partial<TPodInput> = {}) {
  const id = unique();
  return createPod({
    db,
    actor,
    input: { slug: `pod-${id}`, name: `Pod ${id}`, ...over },
    now: systemClock.now(),
  });
}

/** A person with the given roles and an API token for them. */
export async function signedIn(db: Db, roles: TRole[], over: Partial<TPersonInput> = {}) {
  const person = await makePerson(db, { roles, ...over });
  const { token } = await createApiToken({ db, actor, personId: person.id, now: systemClock.now() });
  return { person, token, headers: { authorization: `Bearer ${token}` } };
}

/** A full 3-1-1 pod's worth of people: 3 engineers, 1 designer, 1 PM. */
export async function makeTeam(db: Db) {
  const pm = await makePerson(db, { roles: ['pm'] });
  const engineers = [
    await makePerson(db, { roles: ['engineer'] }),
    await makePerson(db, { roles: ['engineer'] }),
    await makePerson(db, { roles: ['engineer'] }),
  ];
  const designer = await makePerson(db, { roles: ['designer'] });
  return { pm, engineers, designer };
}

/** A dead letter to look at or retry, fresh for each call. */
export async function deadDelivery(db: Db): Promise<string> {
  const key = crypto.randomUUID();
  await db.transaction((tx) =>
    enqueueMessage(tx, {
      key,
      kind: 'weekly_update',
      ref: key,
      message: { title: 't', summary: 's' },
      recipients: [{ channel: 'email', address: 'x@example.com' }],
    }),
  );
  const [row] = await db
    .update(outbox)
    .set({ status: 'dead', attempts: 8 })
    .where(like(outbox.idempotencyKey, `${key}|%`))
    .returning();
  return row!.id;
}

export async function inboxItemFor(db: Db, personId: string): Promise<string> {
  const [row] = await db
    .insert(inboxItems)
    .values({ personId, kind: 'ritual.reminder', message: { title: 't', summary: 's' } })
    .returning();
  return row!.id;
}

/** An open bug in an area (as if a tracker had reported it), first reported 30 days before `now`. */
export async function makeBug(db: Db, over: { areaId?: string | null; title?: string; now?: Date } = {}) {
  const now = over.now ?? systemClock.now();
  const [row] = await db
    .insert(bugs)
    .values({
      source: 'github',
      externalId: `gh-${unique()}`,
      areaId: over.areaId ?? null,
      title: over.title ?? 'Export crashes',
      openedOn: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
      lastReportedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}
