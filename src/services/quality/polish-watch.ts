import { and, arrayContains, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areaPolishSpells, people, podMembers, pods, releases } from '../../db/schema/index.ts';
import type { ConfusionFigure } from '../../domain/quality/confusion.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { emitEvent, watchGate } from '../webhooks/events.ts';
import { areaData } from '../webhooks/payloads.ts';
import { type AreaQuality, areasQuality } from './confusion.ts';
import { POLISH_CHECK } from './polish-check.ts';

export const POLISH_MODE_KIND = 'quality.polish_mode';

/**
 * A look at every area's confused-customer figure: an area that has entered Polish Mode, or left it, is recorded
 * once and its pod, its PM and the Head of Product are told (the gate itself reads the records live; this is the
 * history and the news). It runs shortly after tickets come in (schedulePolishCheck), hourly as a safety net and
 * in the daily plan; however often it runs, each entry and exit is told once (one open spell per area).
 */
export async function watchPolishMode(db: Db, now: Date): Promise<{ entered: string[]; left: string[] }> {
  const settings = await getSettings(db);
  const open = await db.select().from(areaPolishSpells).where(isNull(areaPolishSpells.leftOn));
  const openByArea = new Map(open.map((s) => [s.areaId, s]));
  const out = { entered: [] as string[], left: [] as string[] };
  for (const q of await areasQuality(db, settings, now)) {
    const spell = openByArea.get(q.area.id);
    if (q.confusion.polishMode && !spell) {
      if (await enter(db, q, settings, now)) out.entered.push(q.area.name);
    } else if (!q.confusion.polishMode && spell) {
      await leave(db, q, spell.id, settings, now);
      out.left.push(q.area.name);
    }
  }
  return out;
}

const polishCheckHandler: ActionHandler<typeof POLISH_CHECK> = async ({ tx, now }) => {
  await watchPolishMode(tx, now);
};

export const POLISH_ACTIONS = { [POLISH_CHECK]: polishCheckHandler };

async function enter(db: Db, q: AreaQuality, settings: TSettings, now: Date): Promise<boolean> {
  const spell = q.confusion.polishMode!;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(areaPolishSpells)
      .values({ areaId: q.area.id, enteredOn: spell.since, figure: spell.lastAbove, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: areaPolishSpells.id });
    if (!row) return false; // another instance recorded it first, and told them
    await tell(tx, q, `entered:${row.id}`, enteredMessage(q.area, spell.lastAbove, spell.leavesOn, settings));
    await emitPolish(tx, 'polish_mode.entered', q, row.id, now, {
      since: spell.since,
      figure: spell.lastAbove,
    });
    return true;
  });
}

async function leave(db: Db, q: AreaQuality, spellId: string, settings: TSettings, now: Date) {
  await db.transaction(async (tx) => {
    const left = await tx
      .update(areaPolishSpells)
      .set({ leftOn: todayIn(settings.timeZone, now) })
      .where(and(eq(areaPolishSpells.id, spellId), isNull(areaPolishSpells.leftOn)))
      .returning({ id: areaPolishSpells.id });
    if (!left.length) return;
    await tell(tx, q, `left:${spellId}`, leftMessage(q.area, q.confusion.current, settings));
    await emitPolish(tx, 'polish_mode.left', q, spellId, now, { figure: q.confusion.current });
  });
}

const areaLink = (area: { id: string }) => ({ label: 'Open the area in prodops', url: `/areas/${area.id}` });

function enteredMessage(
  area: AreaQuality['area'],
  f: ConfusionFigure,
  leavesOn: string,
  settings: TSettings,
): OutgoingMessage {
  const t = settings.thresholds;
  return {
    title: `${area.name} is in Polish Mode`,
    summary:
      `${f.pct}% of ${area.name}'s support tickets (${f.confused} of ${f.tickets}) were confused customers in the ` +
      `${t.confusedCustomerWindowDays} days to ${f.day}, above the ${t.confusedCustomerPct}% threshold.`,
    sections: [
      {
        markdown:
          `New Tier 2/3 features of ${area.name} are held at the release gate; bug fixes, copy changes and ` +
          `invisible backend changes still ship. The area leaves Polish Mode once the figure has stayed at or ` +
          `under ${t.confusedCustomerPct}% for ${t.polishModeMinDays} days (${leavesOn} at the earliest).`,
      },
    ],
    link: areaLink(area),
  };
}

function leftMessage(area: AreaQuality['area'], f: ConfusionFigure, settings: TSettings): OutgoingMessage {
  const t = settings.thresholds;
  const now =
    f.pct === null ? 'no support tickets in the window' : `${f.pct}% (${f.confused} of ${f.tickets})`;
  return {
    title: `${area.name} has left Polish Mode`,
    summary:
      `Confused customers have stayed at or under ${t.confusedCustomerPct}% of ${area.name}'s support tickets ` +
      `for ${t.polishModeMinDays} days (now ${now}). New features ship again.`,
    link: areaLink(area),
  };
}

/** The area's pod members, its PM and the Head of Product, each by their own delivery preferences. */
async function tell(tx: Db, q: AreaQuality, cause: string, message: OutgoingMessage) {
  const members = await tx
    .select({ id: podMembers.personId })
    .from(podMembers)
    .innerJoin(pods, eq(pods.id, podMembers.podId))
    .where(eq(pods.areaId, q.area.id));
  const heads = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      or(
        inArray(people.id, q.area.ownerPmId ? [q.area.ownerPmId] : []),
        arrayContains(people.roles, ['head_of_product']),
      ),
    );
  const ids = [...members, ...heads].map((p) => p.id);
  await enqueueMessage(tx, {
    key: `${POLISH_MODE_KIND}:${q.area.id}:${cause}`,
    kind: POLISH_MODE_KIND,
    ref: q.area.id,
    message,
    recipients: await recipientsForPeople(tx, ids),
  });
}

/**
 * Webhooks hear of the spell with the figure behind it (counts of tickets, no ticket text), and the area's open
 * releases have their gate looked at again (Polish Mode is one of its checks).
 */
async function emitPolish(
  tx: Db,
  type: 'polish_mode.entered' | 'polish_mode.left',
  q: AreaQuality,
  spellId: string,
  now: Date,
  extra: { since?: string; figure: ConfusionFigure | null },
) {
  const entered = type === 'polish_mode.entered';
  await emitEvent(tx, {
    type,
    key: `${type}:${spellId}`,
    title: `${q.area.name} ${entered ? 'entered' : 'left'} Polish Mode`,
    data: {
      area: areaData(q.area),
      since: extra.since ?? null,
      figure: extra.figure
        ? {
            day: extra.figure.day,
            pct: extra.figure.pct,
            confused: extra.figure.confused,
            tickets: extra.figure.tickets,
          }
        : null,
    },
    now,
  });
  const open = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(and(eq(releases.areaId, q.area.id), notInArray(releases.status, ['launched', 'rolled_back'])));
  await watchGate(
    tx,
    open.map((r) => r.id),
    now,
  );
}
