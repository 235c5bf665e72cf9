import { Temporal } from '@js-temporal/polyfill';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { decisions, pods, roadmapItems } from '../../db/schema/index.ts';
import type { TBetInput, TBriefInput } from '../../shared/bets.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { Actor } from '../actor.ts';
import { createBet } from '../velocity/bets.ts';
import { createBrief } from '../velocity/briefs.ts';

/** Three bets in three clusters (issue 15): the same every time, dated back from `now`. */
export async function seedDemoBets(tx: Db, ids: Map<string, string>, now: Date): Promise<void> {
  const podIds = new Map(
    (await tx.select({ id: pods.id, slug: pods.slug }).from(pods)).map((p) => [p.slug, p.id]),
  );
  const items = await tx.select({ id: roadmapItems.id, state: roadmapItems.state }).from(roadmapItems);
  const item = (title: string) => items.filter((i) => i.state.title === title).map((i) => i.id);
  const [decision] = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .where(inArray(decisions.title, ['Bill usage monthly in arrears']));
  const today = Temporal.PlainDate.from(todayIn('America/New_York', now));
  const at = (days: number) => new Date(`${today.subtract({ days }).toString()}T15:00:00Z`);
  const person = (mail: string): Actor => ({ personId: ids.get(mail)!, label: mail, roles: ['pm'] });
  const bet = (by: string, days: number, input: TBetInput) =>
    createBet({ db: tx, actor: person(by), input, now: at(days) });

  await bet('leo@example.com', 30, {
    title: 'Bulk import brings whole teams in on day one',
    summary: 'Admins who add their team in one go activate faster than those who invite one by one.',
    podId: podIds.get('pod-onboarding')!,
    ownerId: ids.get('leo@example.com')!,
    profile: {
      familiarity: 'high',
      change: ['system'],
      measurability: 'high',
      goal: 'growth',
      dependence: 'none',
      traceability: 'high',
    },
    roadmapItemIds: item('Bulk user import'),
  });
  const usage = await bet('maya@example.com', 25, {
    title: 'Usage-based pricing grows expansion revenue',
    summary: 'Paying for what they use lets small teams start cheap and grow into bigger bills.',
    podId: podIds.get('pod-billing')!,
    ownerId: ids.get('maya@example.com')!,
    profile: {
      familiarity: 'low',
      change: ['behaviour', 'system'],
      measurability: 'medium',
      goal: 'margin',
      dependence: 'some',
      traceability: 'medium',
    },
    roadmapItemIds: item('Usage-based billing'),
  });
  await bet('tom@example.com', 12, {
    title: 'Salesforce two-way sync wins mid-market deals',
    summary: 'Sales says deals stall on the sync; it needs the platform team and Salesforce limits sorted.',
    podId: podIds.get('pod-integrations')!,
    ownerId: ids.get('tom@example.com')!,
    profile: {
      familiarity: 'medium',
      change: ['system', 'org'],
      measurability: 'medium',
      goal: 'growth',
      dependence: 'heavy',
      traceability: 'low',
    },
    roadmapItemIds: item('Salesforce sync v2'),
  });
  const brief: TBriefInput = {
    experiment: 'Show a live usage meter and a usage-priced plan to 10% of new workspaces for three weeks.',
    opportunity:
      'Small teams churn at the first seat price; paying for use may keep them and grow their bill.',
    positiveSignals: [
      'More trial workspaces convert to paid',
      'Usage-priced workspaces raise their spend month over month',
    ],
    harmfulIndicators: [
      'Billing tickets about surprise invoices',
      'Workspaces capping their own usage to keep bills down',
    ],
    optionsNotChosen: [
      { option: 'Prepaid credits', why: 'Finance cannot recognise unused credits cleanly.' },
      { option: 'Cheaper seats', why: 'Cuts margin for every customer, not only the small ones.' },
    ],
    learningGoals: [
      'Do small teams convert more when they pay for use?',
      'Do usage invoices create billing tickets?',
    ],
    timeBoxEnd: today.add({ days: 10 }).toString(),
    ...(decision ? { decisionId: decision.id } : {}),
  };
  await createBrief({
    db: tx,
    actor: person('maya@example.com'),
    betId: usage.id,
    input: brief,
    now: at(20),
  });
}
