import { eq } from 'drizzle-orm';
import { areas, people, podMembers, pods } from '../../db/schema/index.ts';
import { describeTier } from '../../domain/releases/attributes.ts';
import { SIGNOFF_LABELS } from '../../domain/releases/gate.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import type { THomeSection, TSupportLaunch } from '../../shared/home.ts';
import type { Context } from '../context.ts';
import { listSignOffs } from '../releases/readiness.ts';
import { tierRule } from '../releases/schedule.ts';
import { launchesBetween } from './launches.ts';

/** Support and CS look two weeks ahead: the window the weekly update calls "upcoming". */
export const SUPPORT_WINDOW_DAYS = 14;

/** The areas a person belongs to: those they own and those of their pods (none: they follow every area). */
async function areasOf(ctx: Context, personId: string): Promise<{ id: string; name: string }[]> {
  const owned = await ctx.db
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.ownerPmId, personId));
  const viaPods = await ctx.db
    .select({ id: areas.id, name: areas.name })
    .from(podMembers)
    .innerJoin(pods, eq(pods.id, podMembers.podId))
    .innerJoin(areas, eq(areas.id, pods.areaId))
    .where(eq(podMembers.personId, personId));
  return [...new Map([...owned, ...viaPods].map((a) => [a.id, a])).values()];
}

/**
 * Support / CS home: the customer-visible launches of the next 14 days in the reader's areas, each with its
 * readiness and the reader's own sign-off; those waiting for it first ("Needs my sign-off").
 */
export async function supportSection(ctx: Context): Promise<Extract<THomeSection, { kind: 'support' }>> {
  const personId = ctx.actor?.personId ?? null;
  const settings = await ctx.settings();
  const today = todayIn(settings.timeZone, ctx.now);
  const [me] = personId
    ? await ctx.db.select({ fn: people.function }).from(people).where(eq(people.id, personId))
    : [];
  const mine = personId ? await areasOf(ctx, personId) : [];
  const areaIds = new Set(mine.map((a) => a.id));
  const all = await launchesBetween(ctx.db, today, addDays(today, SUPPORT_WINDOW_DAYS));
  const releases = all.filter(
    (r) => r.status !== 'launched' && (areaIds.size === 0 || (r.areaId !== null && areaIds.has(r.areaId))),
  );
  const myKind = me?.fn === 'support' || me?.fn === 'sales' ? me.fn : null;
  const launches: TSupportLaunch[] = [];
  for (const r of releases) {
    const required = tierRule(settings, r.tier)?.signOffs ?? [];
    const given = await listSignOffs(ctx.db, r.id);
    const answer = (kind: string) => given.find((g) => g.kind === kind);
    const mineAnswer = myKind ? answer(myKind) : undefined;
    launches.push({
      releaseId: r.id,
      title: r.title,
      areaName: r.areaName ?? 'No area',
      tierText: describeTier(r.tier as 2 | 3),
      targetDate: r.targetDate,
      dayText: dayText(r.targetDate),
      readiness: required.map((kind) => ({
        label: SIGNOFF_LABELS[kind],
        done: answer(kind)?.ready === true,
      })),
      bundleOut: r.distributedOn !== null,
      bundleHref: `/releases/${r.id}#bundle`,
      mySignOff:
        myKind && required.includes(myKind)
          ? {
              kind: myKind,
              label: SIGNOFF_LABELS[myKind],
              state: !mineAnswer ? 'pending' : mineAnswer.ready ? 'ready' : 'not_ready',
              open: r.distributedOn !== null,
            }
          : null,
    });
  }
  return {
    kind: 'support',
    scope: mine.length ? mine.map((a) => a.name).join(', ') : 'all areas',
    // Only what the reader can act on now: the bundle is out and they have not confirmed.
    needsMe: launches.filter((l) => l.mySignOff?.open && l.mySignOff.state !== 'ready'),
    launches,
  };
}
