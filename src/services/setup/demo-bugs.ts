import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, bugs } from '../../db/schema/index.ts';
import { bugAge } from '../../domain/quality/bugs.ts';
import { addDays, currentWeekKey, localInstant, todayIn } from '../../shared/calendar.ts';
import type { Actor } from '../actor.ts';
import { getSettings } from '../org/settings.ts';
import { closeBug, decideBug, decidersOf, factsOf } from '../quality/bugs.ts';
import { syncBugsFromInsights } from '../quality/bugs-sync.ts';
import { DEMO_UNDECIDED_BUG } from './demo-tickets.ts';

const DAY_MS = 86_400_000;
/** A bug nobody has reported for this long was fixed (the demo's history): closed three days after its last report. */
const QUIET_DAYS = 14;

/** The demo's "won't fix" calls, by the bug's title, with why. */
const WONT_FIX: [title: string, reason: string][] = [
  [
    'Push notifications arrive hours late',
    "Android's battery saver holds pushes back; the fix is on the phone's side. Support has a macro with the setting to change.",
  ],
  [
    'Payout arrived',
    "Payouts follow the bank's schedule, not ours: the payout page now says when each one lands.",
  ],
];

/**
 * The demo's bug backlog (issue 15): every group of `bug` tickets is a bug; those nobody has reported for two
 * weeks were fixed, those open longer than the limit have their PM's decision — fix now, by the area's rotation
 * engineer (or its eng lead), or won't fix with why — and the newest wait within the limit. One bug alone is over
 * the limit with no decision: Reporting's scheduled report without its charts (DEMO_UNDECIDED_BUG), which the
 * first daily check puts to Reporting's PM and the week's rotation. Everything is dated back from `now`.
 */
export async function seedDemoBugs(
  tx: Db,
  opts: { pms: Map<string, Actor>; areaIds: Map<string, string>; now: Date },
) {
  const { now } = opts;
  await syncBugsFromInsights(tx, now);
  const settings = await getSettings(tx);
  const today = todayIn(settings.timeZone, now);
  const max = settings.thresholds.bugMaxOpenDays;
  const deciders = await decidersOf(tx, currentWeekKey(now, settings.timeZone));
  const leads = new Map(
    (await tx.select({ id: areas.id, lead: areas.engLeadId }).from(areas)).map((a) => [a.id, a.lead]),
  );
  const slugOf = new Map([...opts.areaIds].map(([slug, id]) => [id, slug]));
  const all = await tx.select().from(bugs).orderBy(asc(bugs.openedOn), asc(bugs.title));
  for (const b of all) {
    const pm = b.areaId ? opts.pms.get(slugOf.get(b.areaId) ?? '') : undefined;
    if (!pm || !b.areaId || b.title.startsWith(DEMO_UNDECIDED_BUG.title)) continue;
    const age = bugAge(factsOf(b, settings.timeZone), today);
    const wontFix = WONT_FIX.find(([title]) => b.title.startsWith(title));
    // Decided two days after it was first reported, at 10:00 in the org's zone.
    const decidedAt = new Date(
      Math.min(localInstant(addDays(b.openedOn, 2), '10:00', settings.timeZone).getTime(), now.getTime()),
    );
    if (wontFix && age > max) {
      const input = { decision: 'wont_fix' as const, reason: wontFix[1] };
      await decideBug({ db: tx, actor: pm, id: b.id, input, now: decidedAt });
    } else if (now.getTime() - b.lastReportedAt.getTime() > QUIET_DAYS * DAY_MS) {
      const fixedAt = new Date(b.lastReportedAt.getTime() + 3 * DAY_MS);
      await closeBug({ db: tx, actor: pm, id: b.id, now: fixedAt });
    } else if (age > max) {
      const assigneeId =
        deciders.get(b.areaId)?.find((d) => d.as === 'rotation')?.personId ?? leads.get(b.areaId);
      if (!assigneeId) continue;
      const input = { decision: 'fix_now' as const, assigneeId };
      await decideBug({ db: tx, actor: pm, id: b.id, input, now: decidedAt, notify: false });
    }
  }
}
