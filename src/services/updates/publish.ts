import { isDeepStrictEqual } from 'node:util';
import { Temporal } from '@js-temporal/polyfill';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  areas,
  followUps,
  occurrenceAttendance,
  people,
  releases,
  ritualOccurrences,
  rituals,
  updateAbsences,
  updateCycles,
  updateSubmissions,
} from '../../db/schema/index.ts';
import { describeChanges } from '../../domain/updates/diff.ts';
import {
  crossCuttingRisks,
  launchHighlights,
  UPCOMING_WINDOW_DAYS,
} from '../../domain/updates/highlights.ts';
import {
  renderWeeklyUpdate,
  type WeeklyUpdateJson,
  weeklyUpdateDigest,
} from '../../domain/updates/render.ts';
import { isoWeekKey, weekDates } from '../../shared/calendar.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import type { TUpdateContent } from '../../shared/updates.ts';
import { type Actor, systemActor } from '../actor.ts';
import { findArtifactVersion, publishArtifactVersion } from '../artifacts.ts';
import { recordAudit } from '../audit.ts';
import { finishHold, type Hold, openHold } from '../broadcasts/hold.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { resolveRecipients } from '../delivery/recipients.ts';
import type { ActionHandler } from '../scheduling.ts';
import { emitEvent } from '../webhooks/events.ts';
import { artifactData } from '../webhooks/payloads.ts';
import { ensureCycle, publicationDate } from './cycles.ts';
import type { PublishUndo } from './publish-undo.ts';

export const WEEKLY_UPDATE = 'weekly_update';

async function areaInputs(tx: Db, week: string) {
  const rows = await tx
    .select({ area: areas, pmName: people.name })
    .from(areas)
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .orderBy(asc(areas.name));
  const subs = await tx.select().from(updateSubmissions).where(eq(updateSubmissions.week, week));
  const absences = await tx.select().from(updateAbsences).where(eq(updateAbsences.week, week));
  return rows.map(({ area, pmName }) => {
    const sub = subs.find((s) => s.areaId === area.id);
    const absence = absences.find((a) => a.areaId === area.id);
    return {
      area,
      areaName: area.name,
      pmName: pmName ?? 'No PM',
      hasPm: pmName !== null,
      update: (sub?.content as TUpdateContent | undefined) ?? null,
      late: sub?.late ?? false,
      absent: absence !== undefined,
      absentReason: absence?.reason ?? null,
    };
  });
}

async function releasesAround(tx: Db, date: string) {
  const { monday } = weekDates(isoWeekKey(date));
  const last = Temporal.PlainDate.from(date).add({ days: UPCOMING_WINDOW_DAYS }).toString();
  const rows = await tx
    .select({ r: releases, areaName: areas.name })
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId))
    .where(and(gte(releases.targetDate, monday), lte(releases.targetDate, last)));
  return rows.map(({ r, areaName }) => ({
    id: r.id,
    title: r.title,
    areaName: areaName ?? 'No area',
    tier: (r.tier ?? 1) as 1 | 2 | 3,
    targetDate: r.targetDate,
    status: r.status,
  }));
}

/**
 * A correction must change something and say what, for readers: an identical re-publish is refused (409, no
 * version written) and one without a note is a 400 naming `note`. The note leads the "what changed" lines.
 */
function correctionChanges(
  previous: { version: number; json: unknown },
  json: WeeklyUpdateJson,
  note: string | undefined,
): string[] {
  if (isDeepStrictEqual(previous.json, json)) {
    throw new AppError(
      'conflict',
      `nothing changed since version ${previous.version}: no correction was published (edit a submission, an absence or a release first)`,
    );
  }
  if (!note) throw invalid([{ path: 'note', message: 'say what this correction changes (readers see it)' }]);
  return [note, ...describeChanges(previous.json as WeeklyUpdateJson, json)];
}

/**
 * Publishes the week's update as a new immutable version (the pack's template, highlights from release records
 * and flagged risks), says what changed since the previous version, opens follow-ups for flagged risks, marks the
 * ritual's artifact as produced, and queues delivery to subscribers — all in one transaction. With `hold` (the
 * web app and API: settings.broadcast.undoSeconds) the messages wait that long and the publication is undoable
 * (services/broadcasts/undo.ts); the CLI and the automatic publication send at once.
 */
export async function publishWeeklyUpdate(opts: {
  db: Db;
  actor: Actor;
  week: string;
  now: Date;
  /** Required for a correction: what it changes, in the publisher's words. */
  note?: string;
  hold?: { seconds: number };
}) {
  return opts.db.transaction(async (tx) => {
    const now = opts.now;
    const cycle = await ensureCycle(tx, opts.week, opts.now);
    const date = await publicationDate(tx, cycle);
    const inputs = await areaInputs(tx, opts.week);
    const launches = launchHighlights(await releasesAround(tx, date), date);
    const highlights = { ...launches, risks: crossCuttingRisks(inputs) };
    const { markdown, json } = renderWeeklyUpdate({ dateLabel: date, highlights, areas: inputs });
    const previous = await findArtifactVersion(tx, WEEKLY_UPDATE, opts.week);
    const changes = previous ? correctionChanges(previous, json, opts.note?.trim()) : [];
    const row = await publishArtifactVersion(tx, {
      kind: WEEKLY_UPDATE,
      key: opts.week,
      title: json.title,
      markdown,
      json,
      changes,
      publishedBy: opts.actor.label,
      now,
    });
    const { version } = row;
    await tx
      .update(updateCycles)
      .set({ publishedAt: cycle.publishedAt ?? now })
      .where(eq(updateCycles.week, opts.week));
    const followUpIds = await openFollowUps(tx, opts.week, inputs);
    const ritual = await markRitualArtifact(tx, opts.week, now, `/updates/${opts.week}`, inputs);
    const title = version > 1 ? `${json.title} (correction ${version})` : json.title;
    const hold: Hold | null = opts.hold
      ? await openHold(tx, {
          kind: 'weekly_update.publish',
          ref: opts.week,
          title,
          actor: opts.actor,
          now,
          seconds: opts.hold.seconds,
        })
      : null;
    const digest = weeklyUpdateDigest(json);
    await enqueueMessage(tx, {
      key: `${WEEKLY_UPDATE}:${opts.week}:v${version}`,
      kind: WEEKLY_UPDATE,
      ref: `${opts.week}:v${version}`,
      message: {
        title,
        summary:
          version > 1
            ? `What changed: ${changes.slice(0, 3).join('; ') || 'see prodops'}`
            : `What shipped, what's next and what's at risk, across ${inputs.length} product areas.`,
        // The digest (highlights, one line per area); each area's part is a reply (a thread in Slack).
        sections: [{ markdown: digest.markdown }],
        link: { label: 'Read it in prodops', url: `/updates/${opts.week}` },
        replies: digest.areas.map((a) => ({ title: a.title, sections: [{ markdown: a.markdown }] })),
      },
      recipients: await resolveRecipients(tx, { kind: WEEKLY_UPDATE }),
      ...(hold ? { hold } : {}),
    });
    await emitEvent(tx, {
      type: 'artifact.published',
      key: `${WEEKLY_UPDATE}:${opts.week}:v${version}`,
      title: `${title} published`,
      data: artifactData({ ...row, path: `/updates/${opts.week}` }),
      now,
      hold,
    });
    if (hold) {
      const undo: PublishUndo = {
        week: opts.week,
        versionId: row.id,
        version,
        cyclePublishedAt: cycle.publishedAt?.toISOString() ?? null,
        followUpIds,
        ...ritual,
      };
      await finishHold(tx, hold, title, undo);
    }
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'update.publish',
      entityType: 'weekly_update',
      entityId: opts.week,
      change: { version, changes },
    });
    return {
      week: opts.week,
      version,
      title: json.title,
      markdown,
      json,
      changes,
      publishedAt: row.publishedAt.toISOString(),
      hold,
    };
  });
}

/**
 * Each flagged risk becomes a follow-up for the area's PM and eng lead; a correction adds only new ones. Returns
 * the ones it added (undo removes them).
 */
async function openFollowUps(
  tx: Db,
  week: string,
  inputs: Awaited<ReturnType<typeof areaInputs>>,
): Promise<string[]> {
  const added: string[] = [];
  for (const input of inputs) {
    for (const risk of input.update?.risks ?? []) {
      const assigneeIds = [input.area.ownerPmId, input.area.engLeadId].filter((id): id is string =>
        Boolean(id),
      );
      const rows = await tx
        .insert(followUps)
        .values({ source: `${WEEKLY_UPDATE}:${week}`, areaId: input.area.id, title: risk, assigneeIds })
        .onConflictDoNothing()
        .returning({ id: followUps.id });
      added.push(...rows.map((r) => r.id));
    }
  }
  return added;
}

/**
 * The Weekly Product Update ritual's occurrence of this week gets its artifact and its attendance: for this
 * async ritual, a PM "attended" by contributing (or being marked absent). Ritual adoption counts both. Returns
 * what it changed, as it was before (undo puts it back).
 */
async function markRitualArtifact(
  tx: Db,
  week: string,
  at: Date,
  ref: string,
  inputs: Awaited<ReturnType<typeof areaInputs>>,
): Promise<Pick<PublishUndo, 'occurrenceIds' | 'attendance'>> {
  const before: Pick<PublishUndo, 'occurrenceIds' | 'attendance'> = { occurrenceIds: [], attendance: [] };
  const { monday, sunday } = weekDates(week);
  const [ritual] = await tx.select().from(rituals).where(eq(rituals.slug, 'weekly-product-update'));
  if (!ritual) return before;
  const occurrences = await tx
    .select()
    .from(ritualOccurrences)
    .where(
      and(
        eq(ritualOccurrences.ritualId, ritual.id),
        gte(ritualOccurrences.localDate, monday),
        lte(ritualOccurrences.localDate, sunday),
      ),
    );
  const contributed = new Map<string, boolean>();
  for (const i of inputs) {
    if (!i.area.ownerPmId) continue;
    const did = i.update !== null || i.absent;
    contributed.set(i.area.ownerPmId, (contributed.get(i.area.ownerPmId) ?? true) && did);
  }
  for (const o of occurrences) {
    const had = await tx
      .select()
      .from(occurrenceAttendance)
      .where(eq(occurrenceAttendance.occurrenceId, o.id));
    for (const personId of contributed.keys()) {
      const was = had.find((h) => h.personId === personId);
      before.attendance.push({ occurrenceId: o.id, personId, present: was ? was.present : null });
    }
    if (!o.artifactProducedAt) {
      before.occurrenceIds.push({ id: o.id, status: o.status });
      await tx
        .update(ritualOccurrences)
        .set({ artifactProducedAt: at, artifactRef: ref, status: 'held', updatedAt: at })
        .where(eq(ritualOccurrences.id, o.id));
    }
    for (const [personId, present] of contributed) {
      await tx
        .insert(occurrenceAttendance)
        .values({ occurrenceId: o.id, personId, present })
        .onConflictDoUpdate({
          target: [occurrenceAttendance.occurrenceId, occurrenceAttendance.personId],
          set: { present },
        });
    }
  }
  return before;
}

/** At the publication instant: publish unless Product Ops already did (on demand) this week. */
export const weeklyUpdateAutoPublish: ActionHandler<'weekly_update.publish'> = async ({
  tx,
  payload,
  now,
}) => {
  const { week } = payload;
  const [cycle] = await tx.select().from(updateCycles).where(eq(updateCycles.week, week));
  if (cycle?.publishedAt) return;
  await publishWeeklyUpdate({ db: tx, actor: systemActor('system:auto-publish'), week, now });
};
