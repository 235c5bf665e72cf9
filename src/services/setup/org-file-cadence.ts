import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels, people } from '../../db/schema/index.ts';
import type { TRitualInput } from '../../shared/cadence.ts';
import type { TOrgFile } from '../../shared/org-file.ts';
import type { Actor } from '../actor.ts';
import {
  createRitual,
  findRitualBySlug,
  listRituals,
  type RitualView,
  updateRitual,
} from '../cadence/rituals.ts';
import { createChannel, updateChannel } from '../delivery/channels.ts';

type Count = (what: string, result: 'created' | 'updated' | 'unchanged') => void;
type FileRitual = NonNullable<TOrgFile['rituals']>[number];

/** Rituals and channels as the org file writes them: people by email, not by id. */
export async function exportCadence(db: Db): Promise<Pick<TOrgFile, 'rituals' | 'channels'>> {
  const emailOf = new Map(
    (await db.select({ id: people.id, email: people.email }).from(people)).map((p) => [p.id, p.email]),
  );
  const all = (await listRituals(db, { limit: 10_000 })).items.sort((a, b) => a.slug.localeCompare(b.slug));
  const channelRows = await db.select().from(channels).orderBy(asc(channels.kind), asc(channels.name));
  return {
    rituals: all.map((r) => ({
      slug: r.slug,
      name: r.name,
      purpose: r.purpose,
      schedule: r.schedule,
      holidayPolicy: r.holidayPolicy,
      durationMinutes: r.durationMinutes,
      timeBox: r.timeBox,
      ownerRole: r.ownerRole,
      owner: r.ownerPersonId ? (emailOf.get(r.ownerPersonId) ?? null) : null,
      attendees: {
        roles: r.attendees.roles,
        functions: r.attendees.functions,
        emails: r.attendees.personIds.map((id) => emailOf.get(id)!).filter(Boolean),
      },
      inputs: r.inputs,
      agenda: r.agenda,
      outputArtifact: r.outputArtifact,
      artifactDueHours: r.artifactDueHours,
      reminderMinutes: r.reminderMinutes,
      active: r.active,
    })),
    channels: channelRows.map((c) => ({
      kind: c.kind,
      name: c.name,
      webhookUrl: c.webhookUrl,
      slackChannelId: c.slackChannelId,
      email: c.email,
    })),
  };
}

async function toInput(tx: Db, r: FileRitual): Promise<TRitualInput> {
  const idOf = async (email: string) =>
    (await tx.select({ id: people.id }).from(people).where(eq(people.email, email)))[0]!.id;
  const { owner, attendees, ...rest } = r;
  const personIds: string[] = [];
  for (const e of attendees?.emails ?? []) personIds.push(await idOf(e));
  return {
    ...rest,
    holidayPolicy: r.holidayPolicy ?? 'next_business_day',
    ownerPersonId: owner ? await idOf(owner) : null,
    attendees: { roles: attendees?.roles ?? [], functions: attendees?.functions ?? [], personIds },
    purpose: r.purpose ?? '',
    timeBox: r.timeBox ?? '',
    inputs: r.inputs ?? [],
    agenda: r.agenda ?? [],
    artifactDueHours: r.artifactDueHours ?? 24,
    reminderMinutes: r.reminderMinutes ?? null,
    active: r.active ?? true,
  };
}

/** JSON with sorted keys: jsonb gives keys back in its own order, so plain JSON.stringify would see changes. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const comparable = (v: RitualView | TRitualInput) =>
  canonical([
    v.name,
    v.purpose,
    v.schedule,
    v.holidayPolicy,
    v.durationMinutes,
    v.timeBox,
    v.ownerRole,
    v.ownerPersonId ?? null,
    v.attendees,
    v.inputs,
    v.agenda,
    v.outputArtifact,
    v.artifactDueHours,
    v.reminderMinutes ?? null,
    v.active,
  ]);

/** Rituals by slug and channels by kind+name: created or updated, never removed. */
export async function applyCadence(
  tx: Db,
  actor: Actor,
  now: Date,
  doc: TOrgFile,
  count: Count,
  opts: { allowAnyWebhookHost: boolean },
) {
  for (const r of doc.rituals ?? []) {
    const input = await toInput(tx, r);
    const existing = await findRitualBySlug(tx, r.slug);
    if (!existing) {
      await createRitual({ db: tx, actor, now, input });
      count(`ritual ${r.slug}`, 'created');
      continue;
    }
    const same = comparable(existing) === comparable(input);
    if (!same) await updateRitual({ db: tx, actor, now, id: existing.id, patch: input });
    count(`ritual ${r.slug}`, same ? 'unchanged' : 'updated');
  }
  for (const c of doc.channels ?? []) {
    const [existing] = (await tx.select().from(channels).where(eq(channels.name, c.name))).filter(
      (x) => x.kind === c.kind,
    );
    const wanted = {
      kind: c.kind,
      name: c.name,
      webhookUrl: c.webhookUrl ?? null,
      slackChannelId: c.slackChannelId ?? null,
      email: c.email ?? null,
    };
    if (!existing) {
      await createChannel({ db: tx, actor, input: wanted, allowAnyWebhookHost: opts.allowAnyWebhookHost });
      count(`channel ${c.name}`, 'created');
      continue;
    }
    const same =
      existing.webhookUrl === wanted.webhookUrl &&
      existing.slackChannelId === wanted.slackChannelId &&
      existing.email === wanted.email;
    if (!same)
      await updateChannel({
        db: tx,
        actor,
        id: existing.id,
        patch: wanted,
        allowAnyWebhookHost: opts.allowAnyWebhookHost,
      });
    count(`channel ${c.name}`, same ? 'unchanged' : 'updated');
  }
}
