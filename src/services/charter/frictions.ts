import { asc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { frictions, releases, rituals } from '../../db/schema/index.ts';
import { DEFAULT_FRICTIONS, unmappedRituals, unmappedWarning } from '../../domain/charter/frictions.ts';
import type {
  TEvidenceLink,
  TFriction,
  TFrictionInput,
  TFrictionList,
  TFrictionPatch,
} from '../../shared/charter.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { actorName } from './actor-name.ts';

type Row = typeof frictions.$inferSelect;
const METRIC_LABELS: Record<string, string> = {
  surprise: 'Stakeholder surprise score',
  status_requests: 'Ad-hoc status requests',
  enablement_coverage: 'Launch enablement coverage',
  pm_pulse: 'PM satisfaction pulse',
  ritual_adoption: 'Ritual adoption',
  confused_customers: 'Confused customers',
  operational_burden: 'Operational burden',
  bug_backlog: 'Bug backlog',
  gate_overrides: 'Gate overrides',
};

/** Rows as the API shows them: rituals and evidence named, each link with the page that shows it. */
async function toViews(db: Db, rows: Row[], settings: TSettings): Promise<TFriction[]> {
  const ritualIds = [...new Set(rows.flatMap((r) => r.ritualIds))];
  const releaseIds = [
    ...new Set(rows.flatMap((r) => r.evidenceLinks.flatMap((l) => (l.kind === 'release' ? [l.ref] : [])))),
  ];
  const ritualNames = new Map(
    (ritualIds.length
      ? await db
          .select({ id: rituals.id, name: rituals.name })
          .from(rituals)
          .where(inArray(rituals.id, ritualIds))
      : []
    ).map((r) => [r.id, r.name]),
  );
  const releaseTitles = new Map(
    (releaseIds.length
      ? await db
          .select({ id: releases.id, title: releases.title })
          .from(releases)
          .where(inArray(releases.id, releaseIds))
      : []
    ).map((r) => [r.id, r.title]),
  );
  const themes = new Map(settings.insights.themes.map((t) => [t.key, t.label]));
  const link = (l: TEvidenceLink) => {
    if (l.kind === 'metric') return { ...l, label: METRIC_LABELS[l.ref] ?? l.ref, href: `/metrics/${l.ref}` };
    if (l.kind === 'theme')
      return {
        ...l,
        label: themes.get(l.ref) ?? l.ref,
        href: `/insights/themes/${encodeURIComponent(l.ref)}`,
      };
    const title = releaseTitles.get(l.ref);
    return { ...l, label: title ?? 'A deleted release', href: title ? `/releases/${l.ref}` : null };
  };
  return rows.map((r) => ({
    id: r.id,
    rank: r.rank,
    title: r.title,
    description: r.description,
    evidence: r.evidence,
    evidenceLinks: r.evidenceLinks.map(link),
    rituals: r.ritualIds.flatMap((id) => (ritualNames.has(id) ? [{ id, name: ritualNames.get(id)! }] : [])),
    artifacts: r.artifacts,
    retiredAt: r.retiredAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  }));
}

/** The ranked list, the retired ones, and the rituals that map to no friction (pack §8). */
export async function listFrictions(db: Db): Promise<Omit<TFrictionList, 'permissions'>> {
  const settings = await getSettings(db);
  const active = await db
    .select()
    .from(frictions)
    .where(isNotNull(frictions.rank))
    .orderBy(asc(frictions.rank));
  const retired = await db
    .select()
    .from(frictions)
    .where(isNull(frictions.rank))
    .orderBy(asc(frictions.retiredAt));
  const all = await db
    .select({ id: rituals.id, name: rituals.name, active: rituals.active })
    .from(rituals)
    .orderBy(asc(rituals.createdAt), asc(rituals.name));
  const unmapped = unmappedRituals(
    all,
    active.map((f) => ({ ritualIds: f.ritualIds, retired: false })),
  ).map(({ id, name }) => ({ id, name }));
  return {
    items: await toViews(db, active, settings),
    retired: await toViews(db, retired, settings),
    unmappedRituals: unmapped,
    warning: unmappedWarning(unmapped.map((r) => r.name)),
  };
}

export async function getFriction(db: Db, id: string): Promise<TFriction | null> {
  const rows = await db.select().from(frictions).where(eq(frictions.id, id));
  return (await toViews(db, rows, await getSettings(db)))[0] ?? null;
}

/** Every link and ritual a write names must exist: 400 naming each one that does not. */
async function checkRefs(tx: Db, input: TFrictionPatch): Promise<void> {
  const fields: FieldError[] = [];
  if (input.ritualIds?.length) {
    const found = new Set(
      (await tx.select({ id: rituals.id }).from(rituals).where(inArray(rituals.id, input.ritualIds))).map(
        (r) => r.id,
      ),
    );
    input.ritualIds.forEach((id, i) => {
      if (!found.has(id)) fields.push({ path: `ritualIds.${i}`, message: 'is not a known ritual' });
    });
  }
  const links = input.evidenceLinks ?? [];
  const releaseIds = links.flatMap((l) => (l.kind === 'release' ? [l.ref] : []));
  const releasesFound = new Set(
    releaseIds.length
      ? (await tx.select({ id: releases.id }).from(releases).where(inArray(releases.id, releaseIds))).map(
          (r) => r.id,
        )
      : [],
  );
  const themes = new Set((await getSettings(tx)).insights.themes.map((t) => t.key));
  links.forEach((l, i) => {
    if (l.kind === 'release' && !releasesFound.has(l.ref))
      fields.push({ path: `evidenceLinks.${i}.ref`, message: 'is not a known release' });
    if (l.kind === 'theme' && !themes.has(l.ref))
      fields.push({ path: `evidenceLinks.${i}.ref`, message: 'is not a theme of the insights taxonomy' });
  });
  if (fields.length) throw invalid(fields);
}

const unique = <T>(xs: readonly T[] | undefined) => (xs ? [...new Set(xs)] : undefined);

/** Adds a friction at the bottom of the ranking. */
export async function createFriction(opts: { db: Db; actor: Actor; input: TFrictionInput; now: Date }) {
  return opts.db.transaction(async (tx) => {
    await checkRefs(tx, opts.input);
    const [{ last } = { last: 0 }] = await tx.select({ last: max(frictions.rank) }).from(frictions);
    const [row] = await tx
      .insert(frictions)
      .values({
        rank: (last ?? 0) + 1,
        title: opts.input.title,
        description: opts.input.description ?? '',
        evidence: opts.input.evidence ?? '',
        evidenceLinks: opts.input.evidenceLinks ?? [],
        ritualIds: unique(opts.input.ritualIds) ?? [],
        artifacts: opts.input.artifacts ?? [],
        updatedBy: await actorName(tx, opts.actor),
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'friction.create',
      entityType: 'friction',
      entityId: row!.id,
      change: { title: row!.title, rank: row!.rank },
    });
    return (await getFriction(tx, row!.id))!;
  });
}

/** Active frictions ranked 1…n again, in the given order (closing the gap a retired one leaves). */
async function renumber(tx: Db, ids: string[]) {
  for (const [i, id] of ids.entries())
    await tx
      .update(frictions)
      .set({ rank: i + 1, retiredAt: null })
      .where(eq(frictions.id, id));
}

async function activeIds(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: frictions.id })
    .from(frictions)
    .where(isNotNull(frictions.rank))
    .orderBy(asc(frictions.rank));
  return rows.map((r) => r.id);
}

/** Edits a friction; `retired` takes it out of the ranking (or brings it back at the bottom). */
export async function updateFriction(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TFrictionPatch;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(frictions).where(eq(frictions.id, opts.id)).for('update');
    if (!before) throw notFound('friction');
    await checkRefs(tx, opts.patch);
    const { retired, ...fields } = opts.patch;
    const set = { ...fields, ritualIds: unique(fields.ritualIds) };
    await tx
      .update(frictions)
      .set({ ...set, updatedBy: await actorName(tx, opts.actor), updatedAt: opts.now })
      .where(eq(frictions.id, opts.id));
    const wasRetired = before.rank === null;
    if (retired !== undefined && retired !== wasRetired) {
      const ids = (await activeIds(tx)).filter((id) => id !== opts.id);
      await renumber(tx, retired ? ids : [...ids, opts.id]);
      if (retired)
        await tx.update(frictions).set({ rank: null, retiredAt: opts.now }).where(eq(frictions.id, opts.id));
    }
    const [after] = await tx.select().from(frictions).where(eq(frictions.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action:
        retired === undefined || retired === wasRetired
          ? 'friction.update'
          : retired
            ? 'friction.retire'
            : 'friction.restore',
      entityType: 'friction',
      entityId: opts.id,
      change: diffFields(
        { ...before, retiredAt: before.retiredAt?.toISOString() ?? null, updatedAt: null },
        { ...after!, retiredAt: after!.retiredAt?.toISOString() ?? null, updatedAt: null },
      ),
    });
    return (await getFriction(tx, opts.id))!;
  });
}

/** Reranks the active frictions: `ids` must name each of them exactly once. */
export async function rankFrictions(opts: { db: Db; actor: Actor; ids: string[]; now: Date }) {
  return opts.db.transaction(async (tx) => {
    const current = await activeIds(tx);
    const same =
      opts.ids.length === current.length &&
      new Set(opts.ids).size === current.length &&
      opts.ids.every((id) => current.includes(id));
    if (!same)
      throw invalid([
        { path: 'ids', message: `must list each of the ${current.length} active frictions once` },
      ]);
    await renumber(tx, opts.ids);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'friction.rank',
      entityType: 'friction',
      entityId: 'ranking',
      change: { from: current, to: opts.ids },
    });
    return listFrictions(tx);
  });
}

/** The pack's three frictions (§0), mapped to the default rituals by slug: once, for a new org. */
export async function seedDefaultFrictions(tx: Db, now: Date): Promise<void> {
  const bySlug = new Map(
    (await tx.select({ id: rituals.id, slug: rituals.slug }).from(rituals)).map((r) => [r.slug, r.id]),
  );
  await tx.insert(frictions).values(
    DEFAULT_FRICTIONS.map((f, i) => ({
      rank: i + 1,
      title: f.title,
      description: f.description,
      ritualIds: f.ritualSlugs.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : [])),
      artifacts: f.artifacts,
      updatedBy: 'prodops (the pack’s defaults)',
      createdAt: now,
      updatedAt: now,
    })),
  );
}
