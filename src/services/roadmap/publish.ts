import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, roadmapReviews, subscriptions } from '../../db/schema/index.ts';
import { defaultMatches } from '../../domain/delivery/defaults.ts';
import { movedDays } from '../../domain/roadmap/changes.ts';
import { renderView } from '../../domain/roadmap/view.ts';
import type { TRoadmapView } from '../../shared/roadmap.ts';
import type { TFunction } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { publishArtifactVersion } from '../artifacts.ts';
import { recordAudit } from '../audit.ts';
import { finishHold, type Hold, openHold } from '../broadcasts/hold.ts';
import { enqueueMessage, type Recipient } from '../delivery/outbox.ts';
import { recipientsForChannels, recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { emitEvent } from '../webhooks/events.ts';
import { artifactData } from '../webhooks/payloads.ts';
import { ratifiedStates } from './item-history.ts';
import type { ViewPublishUndo } from './publish-undo.ts';
import { buildView, publishedView, ROADMAP_VIEW, VIEW_KEY } from './view.ts';

/** One item's move between two published views; `days` is Infinity for items that appear or disappear. */
export interface Move {
  itemId: string;
  areaId: string;
  days: number;
  text: string;
}

/** What moved since the previous published view: new, dropped and re-dated items (not items time rolled out). */
export function movesBetween(prev: TRoadmapView | null, next: TRoadmapView): Move[] {
  if (!prev) return [];
  const before = new Map(prev.items.map((i) => [i.id, i]));
  const after = new Map(next.items.map((i) => [i.id, i]));
  const moves: Move[] = [];
  for (const it of next.items) {
    const was = before.get(it.id);
    if (!was)
      moves.push({
        itemId: it.id,
        areaId: it.areaId,
        days: Number.POSITIVE_INFINITY,
        text: `New: ${it.title} (${it.rangeText})`,
      });
    else if (movedDays(was, it) > 0)
      moves.push({
        itemId: it.id,
        areaId: it.areaId,
        days: movedDays(was, it),
        text: `${it.title}: ${was.rangeText} → ${it.rangeText}`,
      });
  }
  for (const was of prev.items) {
    if (after.has(was.id) || was.latest < next.quarters[0]!.start) continue;
    moves.push({
      itemId: was.id,
      areaId: was.areaId,
      days: Number.POSITIVE_INFINITY,
      text: `No longer on the roadmap: ${was.title}`,
    });
  }
  return moves;
}

interface Listener {
  personId: string | null;
  channelId: string | null;
  areaId: string | null;
  tolerance: number;
}

/** Roadmap subscribers with the tolerance each chose (subscriptions, plus everyone whose function hears by default). */
async function listeners(tx: Db, defaultTolerance: number): Promise<Listener[]> {
  const subs = await tx.select().from(subscriptions).where(eq(subscriptions.kind, 'roadmap'));
  const optedOut = new Set(subs.filter((s) => s.personId && !s.enabled).map((s) => s.personId));
  const out: Listener[] = subs
    .filter((s) => s.enabled)
    .map((s) => ({
      personId: s.personId,
      channelId: s.channelId,
      areaId: s.areaId,
      tolerance: s.toleranceDays ?? defaultTolerance,
    }));
  const everyone = await tx
    .select({ id: people.id, fn: people.function })
    .from(people)
    .where(eq(people.active, true));
  for (const p of everyone) {
    const explicit = subs.some((s) => s.personId === p.id && s.enabled && !s.areaId);
    if (!optedOut.has(p.id) && !explicit && defaultMatches(p.fn as TFunction, 'roadmap', undefined))
      out.push({ personId: p.id, channelId: null, areaId: null, tolerance: defaultTolerance });
  }
  return out;
}

/** Each subscriber hears once per publication, only of the items that moved beyond the tolerance they chose. */
async function notifySubscribers(
  tx: Db,
  version: number,
  moves: Move[],
  defaultTolerance: number,
  hold: Hold | null,
) {
  const byRecipient = new Map<string, { listener: Listener; items: Set<Move> }>();
  for (const l of await listeners(tx, defaultTolerance)) {
    const key = l.personId ? `p:${l.personId}` : `c:${l.channelId}`;
    const entry = byRecipient.get(key) ?? { listener: l, items: new Set<Move>() };
    for (const m of moves)
      if ((!l.areaId || l.areaId === m.areaId) && m.days > l.tolerance) entry.items.add(m);
    byRecipient.set(key, entry);
  }
  const groups = new Map<string, { moves: Move[]; people: string[]; channels: string[] }>();
  for (const { listener, items } of byRecipient.values()) {
    if (!items.size) continue;
    const list = moves.filter((m) => items.has(m));
    const sig = list.map((m) => m.itemId).join(',');
    const g = groups.get(sig) ?? { moves: list, people: [], channels: [] };
    if (listener.personId) g.people.push(listener.personId);
    else if (listener.channelId) g.channels.push(listener.channelId);
    groups.set(sig, g);
  }
  for (const [sig, g] of groups) {
    const recipients: Recipient[] = [
      ...(await recipientsForChannels(tx, g.channels)),
      ...(await recipientsForPeople(tx, g.people)),
    ];
    await enqueueMessage(tx, {
      key: `${ROADMAP_VIEW}:v${version}:${sig}`,
      kind: ROADMAP_VIEW,
      ref: `v${version}`,
      message: {
        title: `Roadmap updated: ${g.moves.length} item${g.moves.length === 1 ? '' : 's'} moved`,
        summary:
          'The stakeholder roadmap view was republished after the Roadmap Review. Dates are ranges, not commitments.',
        sections: [{ heading: 'What moved', markdown: g.moves.map((m) => `- ${m.text}`).join('\n') }],
        link: { label: 'Open the roadmap view', url: '/roadmap/view' },
        footer: 'You hear about moves beyond the tolerance you chose in your preferences.',
      },
      recipients,
      ...(hold ? { hold } : {}),
    });
  }
}

/**
 * Republishes the stakeholder view from what the Head of Product ratified, as a new immutable artifact version;
 * closed reviews waiting for it are marked republished. With `hold` (the web app and API) the subscribers'
 * messages wait that long and the publication is undoable (services/broadcasts/undo.ts).
 */
export async function publishView(o: {
  db: Db;
  actor: Actor;
  note?: string;
  now: Date;
  hold?: { seconds: number };
}) {
  const now = o.now;
  const { version, hold } = await o.db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const view = await buildView(tx, await ratifiedStates(tx, 'stakeholder'), now, settings);
    const previous = await publishedView(tx);
    const moves = movesBetween((previous?.json as TRoadmapView | undefined) ?? null, view);
    const title = `${settings.orgName} roadmap — ${view.quarters.map((q) => q.label).join(' and ')}`;
    const published = await publishArtifactVersion(tx, {
      kind: ROADMAP_VIEW,
      key: VIEW_KEY,
      title,
      markdown: renderView(view),
      json: view,
      changes: [...(o.note ? [o.note] : []), ...moves.map((m) => m.text)],
      publishedBy: o.actor.label,
      now,
    });
    const { version: n, id: versionId } = published;
    // Every closed review still waiting for it is answered by this publication (met or late from here).
    const waiting = and(isNotNull(roadmapReviews.closedAt), isNull(roadmapReviews.republishedAt));
    const reviews = await tx
      .select({ id: roadmapReviews.id, viewVersion: roadmapReviews.viewVersion })
      .from(roadmapReviews)
      .where(waiting);
    await tx.update(roadmapReviews).set({ republishedAt: now, viewVersion: n }).where(waiting);
    const hold: Hold | null = o.hold
      ? await openHold(tx, {
          kind: 'roadmap_view.publish',
          ref: String(n),
          title: `Stakeholder roadmap view, version ${n}`,
          actor: o.actor,
          now,
          seconds: o.hold.seconds,
        })
      : null;
    await notifySubscribers(tx, n, moves, settings.roadmap.moveToleranceDays, hold);
    await emitEvent(tx, {
      type: 'artifact.published',
      key: `${ROADMAP_VIEW}:${VIEW_KEY}:v${n}`,
      title: `${title} (version ${n}) published`,
      data: artifactData({ ...published, path: '/roadmap/view' }),
      now,
      hold,
    });
    if (hold)
      await finishHold(tx, hold, `Stakeholder roadmap view, version ${n}`, {
        versionId,
        version: n,
        reviews,
      } satisfies ViewPublishUndo);
    await recordAudit(tx, {
      actor: o.actor,
      action: 'roadmap_view.publish',
      entityType: 'roadmap_view',
      entityId: String(n),
      change: { version: n, items: view.items.length, moves: moves.length },
    });
    return { version: n, hold };
  });
  return { ...(await publishedView(o.db, version))!, hold };
}
