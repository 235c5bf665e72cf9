import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import type { Actor } from '../actor.ts';

/** Who acted, as people read it: the person's name (the actor's label is their email), else the label. */
export async function actorName(tx: Db, actor: Actor): Promise<string> {
  if (!actor.personId) return actor.label;
  const [p] = await tx.select({ name: people.name }).from(people).where(eq(people.id, actor.personId));
  return p?.name ?? actor.label;
}
