import { and, arrayContains, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, postLaunchChecks, releaseActionItems, releases } from '../../db/schema/index.ts';
import { DAY3_QUESTIONS, DAY14_QUESTIONS } from '../../domain/releases/post-launch.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import type { TPostLaunchInput } from '../../shared/releases.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import type { ActionHandler } from '../scheduling.ts';

const QUESTIONS = { day3: DAY3_QUESTIONS, day14: DAY14_QUESTIONS } as const;
type CheckKind = keyof typeof QUESTIONS;

export async function listPostLaunch(db: Db, releaseId: string) {
  const checks = await db
    .select()
    .from(postLaunchChecks)
    .where(eq(postLaunchChecks.releaseId, releaseId))
    .orderBy(asc(postLaunchChecks.dueOn));
  const items = await db
    .select({ i: releaseActionItems, owner: people.name })
    .from(releaseActionItems)
    .leftJoin(people, eq(people.id, releaseActionItems.ownerId))
    .where(eq(releaseActionItems.releaseId, releaseId))
    .orderBy(asc(releaseActionItems.createdAt));
  return {
    checks: checks.map((c) => ({
      id: c.id,
      kind: c.kind,
      dueOn: c.dueOn,
      questions: QUESTIONS[c.kind].map((q) => ({ ...q })),
      answers: c.answers as Record<string, string>,
      completedAt: c.completedAt?.toISOString() ?? null,
      completedBy: c.completedBy,
    })),
    actionItems: items.map(actionItemView),
  };
}

function actionItemView({ i, owner }: { i: typeof releaseActionItems.$inferSelect; owner: string | null }) {
  return {
    id: i.id,
    releaseId: i.releaseId,
    title: i.title,
    ownerId: i.ownerId,
    ownerName: owner,
    status: i.status,
    createdAt: i.createdAt.toISOString(),
    doneAt: i.doneAt?.toISOString() ?? null,
    doneBy: i.doneBy,
  };
}

/** Product Ops owns the retro's improvements: the actor if they are Product Ops, else the first Product Ops person. */
async function productOpsOwner(tx: Db, actor: Actor): Promise<string | null> {
  if (actor.personId && actor.roles.includes('product_ops')) return actor.personId;
  const [first] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])))
    .orderBy(asc(people.name))
    .limit(1);
  return first?.id ?? actor.personId;
}

/** Answers a check-in or retro; the Day 14 retro must produce 1–3 action items. */
export async function completePostLaunch(opts: {
  db: Db;
  actor: Actor;
  releaseId: string;
  kind: CheckKind;
  input: TPostLaunchInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const [check] = await tx
      .select()
      .from(postLaunchChecks)
      .where(and(eq(postLaunchChecks.releaseId, opts.releaseId), eq(postLaunchChecks.kind, opts.kind)));
    if (!check) throw notFound(`${opts.kind} check (it exists once a Tier 2/3 release is launched)`);
    const known = new Set<string>(QUESTIONS[opts.kind].map((q) => q.key));
    const errors = Object.keys(opts.input.answers)
      .filter((k) => !known.has(k))
      .map((k) => ({
        path: `answers.${k}`,
        message: `is not a question of the ${opts.kind} check (${[...known].join(', ')})`,
      }));
    const items = opts.input.actionItems ?? [];
    if (opts.kind === 'day14' && !check.completedAt && items.length === 0)
      errors.push({
        path: 'actionItems',
        message: 'the Day 14 retro needs 1–3 action items for Product Ops',
      });
    if (opts.kind === 'day3' && items.length)
      errors.push({ path: 'actionItems', message: 'action items come from the Day 14 retro' });
    if (errors.length) throw invalid(errors);
    await tx
      .update(postLaunchChecks)
      .set({
        answers: opts.input.answers,
        completedAt: check.completedAt ?? opts.now,
        completedBy: opts.actor.label,
      })
      .where(eq(postLaunchChecks.id, check.id));
    if (items.length) {
      const ownerId = await productOpsOwner(tx, opts.actor);
      await tx
        .insert(releaseActionItems)
        .values(items.map((title) => ({ releaseId: opts.releaseId, title, ownerId })));
    }
    await recordAudit(tx, {
      actor: opts.actor,
      action: `release.${opts.kind}`,
      entityType: 'release',
      entityId: opts.releaseId,
      change: { answers: opts.input.answers, actionItems: items },
    });
    return listPostLaunch(tx, opts.releaseId);
  });
}

export async function listActionItems(db: Db, opts: { status?: 'open' | 'done' }) {
  const rows = await db
    .select({ i: releaseActionItems, owner: people.name, title: releases.title })
    .from(releaseActionItems)
    .innerJoin(releases, eq(releases.id, releaseActionItems.releaseId))
    .leftJoin(people, eq(people.id, releaseActionItems.ownerId))
    .where(opts.status ? eq(releaseActionItems.status, opts.status) : undefined)
    .orderBy(asc(releaseActionItems.createdAt));
  return rows.map((r) => ({ ...actionItemView(r), releaseTitle: r.title }));
}

export async function getActionItem(db: Db, id: string) {
  const [row] = await db.select().from(releaseActionItems).where(eq(releaseActionItems.id, id));
  return row ?? null;
}

export async function setActionItemStatus(opts: {
  db: Db;
  actor: Actor;
  id: string;
  status: 'open' | 'done';
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const item = await getActionItem(tx, opts.id);
    if (!item) throw notFound('action item');
    const done = opts.status === 'done';
    await tx
      .update(releaseActionItems)
      .set({ status: opts.status, doneAt: done ? opts.now : null, doneBy: done ? opts.actor.label : null })
      .where(eq(releaseActionItems.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.action_item',
      entityType: 'release',
      entityId: item.releaseId,
      change: { item: item.title, status: { from: item.status, to: opts.status } },
    });
    const [row] = await tx
      .select({ i: releaseActionItems, owner: people.name })
      .from(releaseActionItems)
      .leftJoin(people, eq(people.id, releaseActionItems.ownerId))
      .where(eq(releaseActionItems.id, opts.id));
    return actionItemView(row!);
  });
}

/** At a check's due morning: the PM, Product Ops and the area's Support people are asked for it. */
export const postLaunchReminder: ActionHandler<'release.post_launch'> = async ({ tx, action, payload }) => {
  const { checkId } = payload;
  const [row] = await tx
    .select({ c: postLaunchChecks, r: releases })
    .from(postLaunchChecks)
    .innerJoin(releases, eq(releases.id, postLaunchChecks.releaseId))
    .where(eq(postLaunchChecks.id, checkId));
  if (!row || row.c.completedAt) return;
  const kind = row.c.kind;
  const helpers = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), inArray(people.function, ['product_ops', 'support'])));
  const ids = [row.r.pmOwnerId, ...helpers.map((h) => h.id)].filter((id): id is string => Boolean(id));
  const title = kind === 'day3' ? 'Day 3 check-in' : 'Day 14 retro';
  await enqueueMessage(tx, {
    key: action.key,
    kind: 'release.post_launch',
    ref: row.r.id,
    message: {
      title: `${title}: ${row.r.title}`,
      summary: `${row.r.title} launched on ${row.r.launchedOn ? dayText(row.r.launchedOn) : 'its launch day'}. Time for the ${title.toLowerCase()}.`,
      sections: [{ markdown: QUESTIONS[kind].map((q) => `- ${q.label}`).join('\n') }],
      link: { label: `Answer the ${title.toLowerCase()}`, url: `/releases/${row.r.id}` },
    },
    recipients: await recipientsForPeople(tx, ids),
  });
};
