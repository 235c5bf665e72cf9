import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, bugs } from '../../db/schema/index.ts';
import { bugAge } from '../../domain/quality/bugs.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { currentWeekKey, todayIn } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { awaitingDecision, bugLink, type Decider, decidersOf, factsOf, productOpsIds } from './bugs.ts';
import { syncBugsFromInsights } from './bugs-sync.ts';

export const BUG_PROMPT_KIND = 'quality.bug_decision';
export const BUG_NUDGE_KIND = 'quality.bug_nudge';

type BugRow = typeof bugs.$inferSelect;

/**
 * The daily look at bugs (issue 15, no bug backlog): bugs from the feedback brought up to date, each bug that has
 * now waited longer than the limit with no decision put to its area's PM and the week's production-engineering
 * rotation (once), and, once per ISO week, each area's undecided bugs over the limit listed to the same people.
 */
export async function watchBugs(db: Db, now: Date) {
  const synced = await syncBugsFromInsights(db, now);
  const prompted = await promptOverdueBugs(db, now);
  const nudged = await nudgeBugBacklog(db, now);
  return { ...synced, prompted, nudged };
}

interface Asked {
  ids: string[];
  /** Who they are, in words, for the message ("Maya Chen (PM)"). */
  names: string;
}

/** The area's PM and rotation this week; Product Ops when there is nobody (or no area). */
async function askedFor(
  db: Db,
  areaId: string | null,
  deciders: Map<string, Decider[]>,
  week: string,
): Promise<Asked> {
  const list = areaId ? (deciders.get(areaId) ?? []) : [];
  if (list.length)
    return {
      ids: list.map((d) => d.personId),
      names: list
        .map((d) => `${d.name} (${d.as === 'pm' ? 'PM' : `production-engineering rotation, ${week}`})`)
        .join(', '),
    };
  return {
    ids: await productOpsIds(db),
    names: areaId
      ? 'Product Ops: the area has no PM and no rotation this week'
      : 'Product Ops: the bug has no area yet',
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function areaNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: areas.id, name: areas.name }).from(areas).where(inArray(areas.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const groupByArea = (rows: BugRow[]) => {
  const out = new Map<string | null, BugRow[]>();
  for (const b of rows) out.set(b.areaId, [...(out.get(b.areaId) ?? []), b]);
  return out;
};

/**
 * Each bug that has waited longer than the limit with no decision is put, once, to whoever decides it this week:
 * one message per area and run (a first run over an old backlog asks once per area, not once per bug). The
 * conditional mark and the message are one transaction, so two instances ask once. Returns the bugs' titles.
 */
export async function promptOverdueBugs(db: Db, now: Date): Promise<string[]> {
  const settings = await getSettings(db);
  const week = currentWeekKey(now, settings.timeZone);
  const due = groupByArea(await awaitingDecision(db, settings, now, { unprompted: true }));
  if (!due.size) return [];
  const areaIds = [...due.keys()].filter((a): a is string => a !== null);
  const deciders = await decidersOf(db, week, areaIds);
  const names = await areaNames(db, areaIds);
  const out: string[] = [];
  for (const [areaId, list] of due) {
    const asked = await askedFor(db, areaId, deciders, week);
    const marked = await db.transaction(async (tx) => {
      const ids = await tx
        .update(bugs)
        .set({ promptedAt: now })
        .where(
          and(
            inArray(
              bugs.id,
              list.map((b) => b.id),
            ),
            isNull(bugs.promptedAt),
          ),
        )
        .returning({ id: bugs.id });
      const taken = list.filter((b) => ids.some((r) => r.id === b.id));
      if (!taken.length) return taken; // another instance asked first
      await enqueueMessage(tx, {
        key: `${BUG_PROMPT_KIND}:${taken[0]!.id}`,
        kind: BUG_PROMPT_KIND,
        ref: areaId ?? taken[0]!.id,
        message: promptMessage(taken, areaId ? (names.get(areaId) ?? 'An area') : null, asked, settings, now),
        recipients: await recipientsForPeople(tx, asked.ids),
      });
      return taken;
    });
    out.push(...marked.map((b) => b.title));
  }
  return out;
}

/** The area's bug backlog; a bug of no area: its reports, to give it one. */
const linkOf = (b: BugRow) => ({
  label: b.areaId ? 'Open the bug backlog' : 'Give it an area',
  url: bugLink(b),
});

const ageOf = (b: BugRow, settings: TSettings, now: Date) =>
  bugAge(factsOf(b, settings.timeZone), todayIn(settings.timeZone, now));

const bugLine = (b: BugRow, settings: TSettings, now: Date) =>
  `- ${b.title} — open ${plural(ageOf(b, settings, now), 'day')} (since ${b.openedOn}), reported ${plural(b.reports, 'time')}`;

function promptMessage(
  list: BugRow[],
  areaName: string | null,
  asked: Asked,
  settings: TSettings,
  now: Date,
): OutgoingMessage {
  const max = settings.thresholds.bugMaxOpenDays;
  const whose = areaName ? `${areaName}'s` : 'A';
  const decide = "Decide: fix now (and who fixes it), or won't fix (and why).";
  const askedLine = `Asked: ${asked.names}. The target is no bug backlog.`;
  const [first] = list;
  if (list.length === 1 && first) {
    const age = ageOf(first, settings, now);
    return {
      title: `Bug open ${plural(age, 'day')}: ${first.title}`,
      summary:
        `${whose} bug “${first.title}” has been open ${plural(age, 'day')} (since ${first.openedOn}), longer than ` +
        `the ${plural(max, 'day')} a bug may wait for a decision. ${decide}`,
      sections: [
        {
          markdown: `Reported ${plural(first.reports, 'time')}, last on ${todayIn(settings.timeZone, first.lastReportedAt)}. ${askedLine}`,
        },
      ],
      ...(first.areaId
        ? {
            actions: [
              { label: 'Fix now…', url: bugLink(first, 'fix_now') },
              { label: "Won't fix…", url: bugLink(first, 'wont_fix') },
            ],
          }
        : {}),
      link: linkOf(first),
    };
  }
  return {
    title: `${plural(list.length, 'bug')} of ${areaName ?? 'no area'} open longer than ${plural(max, 'day')}`,
    summary: `${list.length} bugs have waited longer than ${plural(max, 'day')} for a decision. ${decide}`,
    sections: [{ markdown: list.map((b) => bugLine(b, settings, now)).join('\n') }, { markdown: askedLine }],
    link: linkOf(first!),
  };
}

/**
 * Once per ISO week (in the org's zone), each area's bugs over the limit with no decision, listed to its PM and
 * that week's rotation; bugs first asked about in this same run wait for next week's list. The key carries the
 * week and the area, so a second run in the week sends nothing. Returns the areas nudged.
 */
export async function nudgeBugBacklog(db: Db, now: Date): Promise<string[]> {
  const settings = await getSettings(db);
  const week = currentWeekKey(now, settings.timeZone);
  const waiting = (await awaitingDecision(db, settings, now)).filter(
    (b) => b.promptedAt && b.promptedAt.getTime() < now.getTime(),
  );
  const byArea = groupByArea(waiting);
  if (!byArea.size) return [];
  const areaIds = [...byArea.keys()].filter((a): a is string => a !== null);
  const deciders = await decidersOf(db, week, areaIds);
  const names = await areaNames(db, areaIds);
  const out: string[] = [];
  for (const [areaId, list] of byArea) {
    const asked = await askedFor(db, areaId, deciders, week);
    const name = areaId ? (names.get(areaId) ?? 'An area') : 'No area';
    const max = settings.thresholds.bugMaxOpenDays;
    const sent = await db.transaction(async (tx) =>
      enqueueMessage(tx, {
        key: `${BUG_NUDGE_KIND}:${week}:${areaId ?? 'none'}`,
        kind: BUG_NUDGE_KIND,
        ref: areaId ?? 'none',
        message: {
          title: `${name}: ${plural(list.length, 'bug')} waiting for a decision (${week})`,
          summary:
            `Open longer than ${plural(max, 'day')} and nobody has decided. The target is no bug backlog: ` +
            `for each, fix now (and who), or won't fix (and why).`,
          sections: [
            { markdown: list.map((b) => bugLine(b, settings, now)).join('\n') },
            { markdown: `Asked: ${asked.names}.` },
          ],
          link: linkOf(list[0]!),
        },
        recipients: await recipientsForPeople(tx, asked.ids),
      }),
    );
    if (sent) out.push(name);
  }
  return out;
}
