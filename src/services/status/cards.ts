import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, artifactVersions, decisions, people, releases } from '../../db/schema/index.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { RELEASE_STATUS_LABELS } from '../../shared/releases.ts';
import { ROADMAP_STATUS_LABELS } from '../../shared/roadmap.ts';
import { STATUS_SUBJECT_LABELS, type TStatusCard, type TStatusSubject } from '../../shared/status.ts';
import type { TWeeklyUpdateJson } from '../../shared/updates.ts';
import { getSettings } from '../org/settings.ts';
import { releaseGateOf } from '../releases/gate.ts';
import { getReleaseAsOf } from '../releases/releases.ts';
import { withWhen } from '../releases/when.ts';
import { getRoadmapItem, type Reader } from '../roadmap/item-reads.ts';
import { WEEKLY_UPDATE } from '../updates/publish.ts';

/** The web page that shows each kind of thing. */
export const PATHS: Record<TStatusSubject, (id: string) => string> = {
  release: (id) => `/releases/${id}`,
  roadmap_item: (id) => `/roadmap/items/${id}`,
  decision: (id) => `/decisions/${id}`,
  area: (id) => `/areas/${id}`,
  theme: (id) => `/insights/themes/${encodeURIComponent(id)}`,
};

const base = (subject: TStatusSubject, id: string, title: string, areaName: string | null) => ({
  subject,
  subjectLabel: STATUS_SUBJECT_LABELS[subject],
  id,
  title,
  areaName,
  path: PATHS[subject](id),
});

/** The card for one thing as this reader may read it, or null when it does not exist for them. */
export async function cardFor(
  db: Db,
  subject: TStatusSubject,
  id: string,
  reader: Reader,
  now: Date,
): Promise<TStatusCard | null> {
  switch (subject) {
    case 'release':
      return releaseCard(db, id, reader, now);
    case 'roadmap_item':
      return itemCard(db, id, reader, now);
    case 'decision':
      return decisionCard(db, id);
    case 'area':
      return areaCard(db, id);
    case 'theme':
      return themeCard(db, id, now);
  }
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

async function releaseCard(db: Db, id: string, reader: Reader, now: Date): Promise<TStatusCard | null> {
  const found = isUuid(id) ? await getReleaseAsOf(db, id) : null;
  if (!found) return null;
  const r = found.release;
  // The org reads the date itself; a stakeholder what they are told of it (from the ratified roadmap).
  const when =
    reader === 'org'
      ? { exact: true, text: dayText(r.launchedOn ?? r.targetDate) }
      : (await withWhen(db, [r], now))[0]!.when;
  const gate = await releaseGateOf(db, r, now);
  const launched = r.status === 'launched' || r.status === 'rolled_back';
  return {
    ...base('release', id, r.title, r.areaName),
    summary: `Tier ${r.tier ?? '–'} release${r.areaName ? ` in ${r.areaName}` : ''}.`,
    area: r.areaId && r.areaName ? { id: r.areaId, name: r.areaName } : null,
    owner: r.pmOwnerId && r.pmOwnerName ? { id: r.pmOwnerId, name: r.pmOwnerName } : null,
    status: RELEASE_STATUS_LABELS[r.status],
    when,
    tier: r.tier,
    readiness: launched ? null : { ready: gate.ready, missing: gate.reasons },
    bundlePath: r.distributedOn ? `/releases/${id}#bundle` : null,
    updates: await updateBullets(db, [r.title]),
    decisions: await linkedDecisions(db, sql`${id}::uuid = any(${decisions.releaseIds})`),
    asOf: found.updatedAt.toISOString(),
  };
}

async function itemCard(db: Db, id: string, reader: Reader, now: Date): Promise<TStatusCard | null> {
  const item = isUuid(id) ? await getRoadmapItem(db, id, now, reader) : null;
  if (!item) return null;
  return {
    ...base('roadmap_item', id, item.title, item.areaName),
    summary: item.summary,
    area: { id: item.areaId, name: item.areaName },
    owner: item.ownerPmId && item.ownerPmName ? { id: item.ownerPmId, name: item.ownerPmName } : null,
    status: ROADMAP_STATUS_LABELS[item.status],
    when: { exact: false, text: item.rangeText },
    tier: null,
    readiness: null,
    bundlePath: null,
    updates: await updateBullets(db, [item.title]),
    decisions: await linkedDecisions(db, sql`${id}::uuid = any(${decisions.roadmapItemIds})`),
    asOf: item.updatedAt,
  };
}

async function decisionCard(db: Db, id: string): Promise<TStatusCard | null> {
  if (!isUuid(id)) return null;
  const [d] = await db
    .select({ d: decisions, ownerName: people.name })
    .from(decisions)
    .innerJoin(people, eq(people.id, decisions.ownerId))
    .where(eq(decisions.id, id));
  if (!d) return null;
  return {
    ...base('decision', id, `#${d.d.number} ${d.d.title}`, null),
    summary: d.d.rationale,
    area: null,
    owner: { id: d.d.ownerId, name: d.ownerName },
    status: d.d.status === 'active' ? 'Active' : 'Superseded',
    when: {
      exact: true,
      text: `Decided ${dayText(d.d.decidedOn)}, to review ${dayText(d.d.nextReviewDate)}`,
    },
    tier: null,
    readiness: null,
    bundlePath: null,
    updates: await updateBullets(db, [d.d.title]),
    decisions: [],
    asOf: d.d.createdAt.toISOString(),
  };
}

async function areaCard(db: Db, id: string): Promise<TStatusCard | null> {
  if (!isUuid(id)) return null;
  const [a] = await db
    .select({ a: areas, ownerName: people.name })
    .from(areas)
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .where(eq(areas.id, id));
  if (!a) return null;
  const upcoming = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(releases)
    .where(and(eq(releases.areaId, id), sql`${releases.status} not in ('launched', 'rolled_back')`));
  const n = upcoming[0]?.n ?? 0;
  return {
    ...base('area', id, a.a.name, a.a.name),
    summary: a.a.description || `The ${a.a.name} product area.`,
    area: { id, name: a.a.name },
    owner: a.a.ownerPmId && a.ownerName ? { id: a.a.ownerPmId, name: a.ownerName } : null,
    status: `${n} release${n === 1 ? '' : 's'} not launched yet`,
    when: null,
    tier: null,
    readiness: null,
    bundlePath: null,
    updates: await updateBullets(db, [], a.a.name),
    decisions: [],
    asOf: a.a.updatedAt.toISOString(),
  };
}

async function themeCard(db: Db, key: string, now: Date): Promise<TStatusCard | null> {
  const theme = (await getSettings(db)).insights.themes.find((t) => t.key === key);
  if (!theme) return null;
  return {
    ...base('theme', key, theme.label, null),
    summary: `Customer feedback about ${theme.label.toLowerCase()}.`,
    area: null,
    owner: null,
    status: 'Insight theme',
    when: null,
    tier: null,
    readiness: null,
    bundlePath: null,
    updates: await updateBullets(db, [theme.label]),
    decisions: await linkedDecisions(db, sql`${key} = any(${decisions.themes})`),
    // A theme is read live from the feedback: as of the question.
    asOf: now.toISOString(),
  };
}

/** The latest decisions linked to it (decisions are the whole org's; linked item names are not shown here). */
async function linkedDecisions(db: Db, linked: ReturnType<typeof sql>) {
  const rows = await db
    .select({
      id: decisions.id,
      number: decisions.number,
      title: decisions.title,
      decidedOn: decisions.decidedOn,
    })
    .from(decisions)
    .where(linked)
    .orderBy(desc(decisions.decidedOn), desc(decisions.number))
    .limit(5);
  return rows;
}

/**
 * The bullets of the latest published weekly update that name it (or, for an area, its whole section): the
 * update goes to everyone, so any reader may read them.
 */
async function updateBullets(db: Db, names: readonly string[], areaName?: string) {
  const [latest] = await db
    .select({ key: artifactVersions.key, json: artifactVersions.json })
    .from(artifactVersions)
    .where(eq(artifactVersions.kind, WEEKLY_UPDATE))
    .orderBy(desc(artifactVersions.key), desc(artifactVersions.version))
    .limit(1);
  if (!latest) return [];
  const update = latest.json as TWeeklyUpdateJson;
  const wanted = names.map((n) => n.toLowerCase());
  const out: TStatusCard['updates'] = [];
  for (const area of update.areas) {
    const bullets = area.update ? Object.values(area.update).flat() : [];
    for (const text of bullets.filter((b): b is string => typeof b === 'string')) {
      const mentions = wanted.some((w) => text.toLowerCase().includes(w));
      if (mentions || area.areaName === areaName)
        out.push({ week: latest.key, areaName: area.areaName, text });
    }
  }
  return out.slice(0, 5);
}
