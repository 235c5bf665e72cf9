import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inboxItems, outbox, people, releaseSignOffs, releases } from '../../db/schema/index.ts';
import {
  type LaunchSurprise,
  type LaunchToTell,
  launchSurprise,
  surprisePct,
  type Telling,
  TOLD_FUNCTIONS,
  type ToldFunction,
} from '../../domain/metrics/surprise.ts';
import { localDateTime } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Context } from '../context.ts';
import { ENABLEMENT_BUNDLE } from '../releases/bundle.ts';
import { leadTimeOf } from '../releases/schedule.ts';

/**
 * The surprise score computed from records (issue 16): every Tier 2/3 launch from..to, and for Sales, CS and
 * Support whether the enablement bundle reached one of their people by the tier's distribute-by date (the
 * outbox: sent, to a person of the function) and was acknowledged by launch day (read in the inbox, or the
 * function's readiness sign-off).
 */
export async function computedSurprise(ctx: Context, o: { from: string; to: string }) {
  const settings = await ctx.settings();
  const launches = await launchesToTell(ctx.db, settings, o);
  const tellings = await tellingsOf(
    ctx.db,
    settings.timeZone,
    launches.map((l) => l.releaseId),
  );
  const functions = await staffedFunctions(ctx.db);
  const judged: LaunchSurprise[] = launches.map((l) =>
    launchSurprise(l, tellings.get(l.releaseId) ?? [], functions),
  );
  return { ...o, target: settings.thresholds.surpriseScorePct, pct: surprisePct(judged), launches: judged };
}

async function launchesToTell(db: Db, settings: TSettings, o: { from: string; to: string }) {
  const rows = await db
    .select({ id: releases.id, title: releases.title, tier: releases.tier, launchedOn: releases.launchedOn })
    .from(releases)
    .where(
      and(inArray(releases.tier, [2, 3]), gte(releases.launchedOn, o.from), lte(releases.launchedOn, o.to)),
    )
    .orderBy(releases.launchedOn, releases.id);
  return rows.map((r): LaunchToTell => {
    const launchedOn = r.launchedOn!;
    const lead = leadTimeOf(settings, { tier: r.tier, targetDate: launchedOn }, null, launchedOn);
    return {
      releaseId: r.id,
      title: r.title,
      tier: r.tier!,
      launchedOn,
      tellBy: lead?.distributeBy ?? launchedOn,
    };
  });
}

/** Bundle deliveries sent to Sales, CS and Support people, with when each was read or signed off. */
async function tellingsOf(db: Db, timeZone: string, releaseIds: string[]): Promise<Map<string, Telling[]>> {
  const out = new Map<string, Telling[]>();
  if (releaseIds.length === 0) return out;
  const releaseId = sql<string>`split_part(${outbox.ref}, ':', 1)`;
  const rows = await db
    .select({
      releaseId,
      personId: people.id,
      name: people.name,
      fn: people.function,
      // Local days in SQL: one Intl call per row in JS is what a year of deliveries spends its time on.
      deliveredOn: sql<string>`to_char(${outbox.sentAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      readOn: sql<string | null>`to_char(${inboxItems.readAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
    })
    .from(outbox)
    .innerJoin(people, eq(people.id, outbox.personId))
    .leftJoin(inboxItems, eq(inboxItems.outboxId, outbox.id))
    .where(
      and(
        eq(outbox.kind, ENABLEMENT_BUNDLE),
        eq(outbox.status, 'sent'),
        isNotNull(outbox.sentAt),
        inArray(people.function, [...TOLD_FUNCTIONS]),
        inArray(
          releaseId,
          releaseIds.map((id) => sql`${id}`),
        ),
      ),
    )
    // Earliest first, so the delivery a verdict quotes is the first one (and the same on every server).
    .orderBy(outbox.sentAt, people.name, outbox.id);
  const signOffs = await signOffDays(db, timeZone, releaseIds);
  for (const r of rows) {
    const fn = r.fn as ToldFunction;
    const acks = [r.readOn, signOffs.get(`${r.releaseId}:${fn}`) ?? null].filter(
      (d): d is string => d !== null,
    );
    const telling: Telling = {
      fn,
      personId: r.personId,
      name: r.name,
      deliveredOn: r.deliveredOn,
      acknowledgedOn: acks.sort()[0] ?? null,
    };
    const list = out.get(r.releaseId);
    if (list) list.push(telling);
    else out.set(r.releaseId, [telling]);
  }
  return out;
}

/** The day Sales or Support signed off readiness ("I'm ready") for each release: `${releaseId}:${function}`. */
async function signOffDays(db: Db, timeZone: string, releaseIds: string[]) {
  const rows = await db
    .select({ releaseId: releaseSignOffs.releaseId, kind: releaseSignOffs.kind, at: releaseSignOffs.at })
    .from(releaseSignOffs)
    .where(
      and(
        inArray(releaseSignOffs.releaseId, releaseIds),
        inArray(releaseSignOffs.kind, ['sales', 'support']),
        eq(releaseSignOffs.ready, true),
      ),
    );
  return new Map(rows.map((r) => [`${r.releaseId}:${r.kind}`, localDateTime(r.at, timeZone).date]));
}

/** The functions the org has active people in: a function nobody works in cannot be surprised. */
async function staffedFunctions(db: Db): Promise<ToldFunction[]> {
  const rows = await db
    .selectDistinct({ fn: people.function })
    .from(people)
    .where(and(eq(people.active, true), inArray(people.function, [...TOLD_FUNCTIONS])));
  const present = new Set(rows.map((r) => r.fn));
  return TOLD_FUNCTIONS.filter((f) => present.has(f));
}
