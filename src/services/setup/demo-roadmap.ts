import { Temporal } from '@js-temporal/polyfill';
import type { Db } from '../../db/client.ts';
import { releases } from '../../db/schema/index.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TConfidence, TRoadmapItemPatch } from '../../shared/roadmap.ts';
import type { Actor } from '../actor.ts';
import { recordDecision, revisitDecision } from '../decisions/decisions.ts';
import { followAllReleases } from '../roadmap/follow-release.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../roadmap/item-writes.ts';
import { publishView } from '../roadmap/publish.ts';
import { setItemSize } from '../roadmap/sizes.ts';

interface DemoItem {
  key: string;
  title: string;
  area: string;
  summary: string;
  customerNote?: string;
  confidence: TConfidence;
  /** Range in days from today. */
  from: number;
  to: number;
  dependsOn?: string[];
  release?: string;
  themes?: string[];
  internal?: boolean;
  /** Engineer-weeks, for the trade-off menu; unsized items show as such. */
  size?: number;
}

const ITEMS: DemoItem[] = [
  {
    key: 'usage',
    size: 21,
    title: 'Usage-based billing',
    area: 'billing',
    summary: 'Pay for what you use, with a live meter in the billing page.',
    customerNote: 'Usage pricing is coming; current plans keep working.',
    confidence: 'high',
    from: -10,
    to: 20,
    release: 'Usage-based billing',
    themes: ['pricing'],
  },
  {
    key: 'tax',
    title: 'Tax engine upgrade',
    area: 'payments',
    summary: 'Correct sales tax in 40 more regions.',
    confidence: 'medium',
    from: 10,
    to: 50,
    internal: true,
  },
  {
    key: 'invoices',
    size: 9,
    title: 'Invoice PDF redesign',
    area: 'billing',
    summary: 'Clearer invoices your finance team can read at a glance.',
    confidence: 'high',
    from: 15,
    to: 40,
    release: 'Invoice PDF redesign',
    dependsOn: ['tax'],
  },
  {
    key: 'checklist',
    size: 6,
    title: 'Guided onboarding checklist',
    area: 'onboarding',
    summary: 'New teams get a step-by-step checklist to their first report.',
    customerNote: 'A guided setup is coming for new workspaces.',
    confidence: 'high',
    from: 0,
    to: 25,
    release: 'Guided onboarding checklist',
    themes: ['onboarding', 'activation'],
  },
  {
    key: 'exports',
    size: 10,
    title: 'Scheduled report exports',
    area: 'reporting',
    summary: 'Reports delivered to your inbox on a schedule.',
    confidence: 'medium',
    from: 5,
    to: 35,
    release: 'Scheduled report exports',
    themes: ['feature-gap'],
  },
  {
    key: 'salesforce',
    size: 18,
    title: 'Salesforce sync v2',
    area: 'integrations',
    summary: 'Two-way sync of accounts and opportunities.',
    customerNote: 'A deeper Salesforce sync is planned; ask before promising fields.',
    confidence: 'medium',
    from: 30,
    to: 75,
    release: 'Salesforce sync v2',
    themes: ['feature-gap'],
  },
  {
    key: 'offline',
    title: 'Offline mode for mobile',
    area: 'mobile',
    summary: 'Keep working on the road; changes sync when you are back online.',
    confidence: 'low',
    from: 60,
    to: 130,
    themes: ['reliability'],
  },
  {
    key: 'sso',
    title: 'SCIM provisioning',
    area: 'admin-security',
    summary: 'Users and groups managed from your identity provider.',
    confidence: 'high',
    from: 40,
    to: 80,
    themes: ['feature-gap'],
  },
  {
    key: 'search',
    title: 'Faster search',
    area: 'search',
    summary: 'Results in under a second, even in the largest workspaces.',
    confidence: 'medium',
    from: 20,
    to: 70,
    dependsOn: ['sso'],
    themes: ['performance'],
  },
  {
    key: 'import',
    size: 8,
    title: 'Bulk user import',
    area: 'onboarding',
    summary: 'Add hundreds of teammates from a CSV file.',
    confidence: 'high',
    from: 25,
    to: 45,
    release: 'Bulk user import',
    themes: ['onboarding'],
  },
  // Billing's next candidates, internal until the pod picks from the trade-off menu.
  {
    key: 'dunning',
    size: 12,
    title: 'Dunning emails for failed payments',
    area: 'billing',
    summary: 'Remind customers before a failed card suspends their account.',
    confidence: 'medium',
    from: 30,
    to: 80,
    internal: true,
  },
  {
    key: 'currencies',
    size: 15,
    title: 'Multi-currency invoices',
    area: 'billing',
    summary: 'Invoice customers in their own currency.',
    confidence: 'low',
    from: 45,
    to: 110,
    internal: true,
  },
];

/** Changes PMs made since the last review: the next Roadmap Review's agenda is generated from these. */
const CHANGES: { key: string; daysAgo: number; by: string; patch: TRoadmapItemPatch }[] = [
  {
    key: 'salesforce',
    daysAgo: 9,
    by: 'tom@example.com',
    patch: { earliest: 'd+45', latest: 'd+100', note: 'Salesforce API limits need a queue first' },
  },
  {
    key: 'tax',
    daysAgo: 7,
    by: 'kenji@example.com',
    patch: { latest: 'd+70', confidence: 'low', note: 'Vendor contract not signed yet' },
  },
  {
    key: 'offline',
    daysAgo: 5,
    by: 'sofia@example.com',
    patch: { status: 'exploring', note: 'Research first: sync conflicts are the hard part' },
  },
  {
    key: 'exports',
    daysAgo: 3,
    by: 'aisha@example.com',
    patch: {
      earliest: 'd+0',
      latest: 'd+28',
      confidence: 'high',
      note: 'Pulled in: the scheduler is reused from alerts',
    },
  },
];

/**
 * The demo roadmap: items across areas ratified and published two weeks ago, then PMs' changes since (waiting
 * for the coming review), and a decision log with one review due and one superseded decision.
 */
export async function seedDemoRoadmap(
  tx: Db,
  actor: Actor,
  areaIds: Map<string, string>,
  ids: Map<string, string>,
  now: Date,
) {
  const today = Temporal.PlainDate.from(todayIn('America/New_York', now));
  const date = (days: number) => today.add({ days }).toString();
  const ago = (days: number) => new Date(`${date(-days)}T15:00:00Z`);
  const person = (mail: string): Actor => ({ personId: ids.get(mail)!, label: mail, roles: ['pm'] });
  const itemIds = new Map<string, string>();
  const releaseIds = new Map(
    (await tx.select({ id: releases.id, title: releases.title }).from(releases)).map((r) => [r.title, r.id]),
  );
  for (const d of ITEMS) {
    const item = await createRoadmapItem({
      db: tx,
      actor,
      now: ago(20),
      input: {
        title: d.title,
        summary: d.summary,
        customerNote: d.customerNote,
        areaId: areaIds.get(d.area)!,
        confidence: d.confidence,
        status: d.from <= 0 ? 'in_progress' : 'planned',
        earliest: date(d.from),
        latest: date(d.to),
        visibility: d.internal ? 'internal' : 'stakeholders',
        dependsOn: (d.dependsOn ?? []).map((k) => itemIds.get(k)!),
        releaseIds: d.release && releaseIds.has(d.release) ? [releaseIds.get(d.release)!] : [],
        themes: d.themes ?? [],
      },
    });
    itemIds.set(d.key, item.id);
    if (d.size) await setItemSize({ db: tx, actor, itemId: item.id, engineerWeeks: d.size, now: ago(20) });
    // Ratified at the last review (the demo starts after it).
    await markRatified(tx, item.id, 1, ago(14));
  }
  await publishView({ db: tx, actor: { ...actor, label: 'priya@example.com' }, now: ago(13) });
  for (const c of CHANGES) {
    const patch = { ...c.patch };
    for (const k of ['earliest', 'latest'] as const)
      if (patch[k]?.startsWith('d+')) patch[k] = date(Number(patch[k].slice(2)));
    await updateRoadmapItem({
      db: tx,
      actor: person(c.by),
      id: itemIds.get(c.key)!,
      patch,
      now: ago(c.daysAgo),
    });
  }
  // Items follow the releases they ship (launched ones are Shipped): changes waiting for the coming review.
  await followAllReleases(tx, ago(1));
  await seedDemoDecisions(tx, ids, itemIds, releaseIds, date);
}

async function seedDemoDecisions(
  tx: Db,
  ids: Map<string, string>,
  itemIds: Map<string, string>,
  releaseIds: Map<string, string>,
  date: (days: number) => string,
) {
  const hana: Actor = {
    personId: ids.get('hana@example.com')!,
    label: 'hana@example.com',
    roles: ['head_of_product'],
  };
  const at = (days: number) => new Date(`${date(days)}T16:00:00Z`);
  const base = { ownerId: ids.get('maya@example.com')! };
  await recordDecision({
    db: tx,
    actor: hana,
    now: at(-60),
    input: {
      ...base,
      decidedOn: date(-60),
      title: 'Bill usage monthly in arrears',
      context:
        'Customers on usage pricing asked for predictable invoices; finance needs one close per month.',
      options: ['Monthly in arrears', 'Prepaid credits', 'Real-time card charges'],
      rationale: 'Matches how finance closes the books and how customers budget.',
      reviewDate: date(-2),
      roadmapItemIds: [itemIds.get('usage')!],
      releaseIds: releaseIds.has('Usage-based billing') ? [releaseIds.get('Usage-based billing')!] : [],
      themes: ['pricing'],
    },
  });
  const old = await recordDecision({
    db: tx,
    actor: hana,
    now: at(-45),
    input: {
      ownerId: ids.get('leo@example.com')!,
      decidedOn: date(-45),
      title: 'Onboarding checklist is opt-in',
      context: 'Early testers found a forced checklist pushy.',
      options: ['Opt-in', 'Shown to every new workspace'],
      rationale: 'Avoid annoying experienced admins.',
      reviewDate: date(30),
      roadmapItemIds: [itemIds.get('checklist')!],
      themes: ['onboarding'],
    },
  });
  await revisitDecision({
    db: tx,
    actor: hana,
    id: old.id,
    now: at(-16),
    input: {
      outcome: 'superseded',
      note: 'Activation data: opt-in reached 9% of new workspaces.',
      replacement: {
        ownerId: ids.get('leo@example.com')!,
        decidedOn: date(-16),
        title: 'Show the onboarding checklist to every new workspace',
        context: 'Opt-in reached 9% of new workspaces; activation did not move.',
        options: ['Keep opt-in', 'Show to every new workspace, dismissible'],
        rationale: 'Dismissible keeps experienced admins happy while new teams see it.',
        reviewDate: date(45),
        roadmapItemIds: [itemIds.get('checklist')!],
        themes: ['onboarding', 'activation'],
      },
    },
  });
}
