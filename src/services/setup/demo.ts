import { Temporal } from '@js-temporal/polyfill';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { isoWeekKey, todayIn } from '../../shared/calendar.ts';
import type { TFunction, TPodRole, TRole } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createArea } from '../org/areas.ts';
import { createPerson } from '../org/people.ts';
import { createPod } from '../org/pods.ts';
import { updateSettings } from '../org/settings.ts';
import { seedDemoBets } from './demo-bets.ts';
import { seedDemoCharter } from './demo-charter.ts';
import { seedDemoContracts } from './demo-contracts.ts';
import { seedDemoHistory } from './demo-history.ts';
import { seedDemoPlan } from './demo-plan.ts';
import { seedDemoReleases } from './demo-releases.ts';
import { seedDemoRoadmap } from './demo-roadmap.ts';
import { seedDemoSurveys } from './demo-surveys.ts';

export const DEMO_PASSWORD = 'prodops-demo';
/** One demo person per role and function, as the start-up message lists them: who to sign in as. */
const PERSONAS: [email: string, as: string][] = [
  ['admin@example.com', 'Admin'],
  ['hana@example.com', 'Head of Product'],
  ['priya@example.com', 'Product Ops'],
  ['maya@example.com', 'PM (Billing)'],
  ['ravi@example.com', 'Engineering lead (Billing pod)'],
  ['jonas@example.com', 'Engineer (Billing pod)'],
  ['ines@example.com', 'Designer (Billing pod)'],
  ['sam@example.com', 'Sales'],
  ['chris@example.com', 'Customer Success'],
  ['carla@example.com', 'Support'],
  ['mina@example.com', 'Marketing'],
  ['dana@example.com', 'Data'],
  ['erik@example.com', 'Leadership (exec)'],
];

type P = [name: string, email: string, fn: TFunction, roles: TRole[]];

const LEADERS: P[] = [
  ['Alex Morgan', 'admin@example.com', 'product_ops', ['admin']],
  ['Hana Okafor', 'hana@example.com', 'pm', ['head_of_product']],
  ['Priya Shah', 'priya@example.com', 'product_ops', ['product_ops']],
];
const STAKEHOLDERS: P[] = [
  ['Sam Rivera', 'sam@example.com', 'sales', ['stakeholder']],
  ['Carla Diaz', 'carla@example.com', 'support', ['stakeholder']],
  ['Chris Park', 'chris@example.com', 'cs', ['stakeholder']],
  ['Mina Ito', 'mina@example.com', 'marketing', ['stakeholder']],
  ['Erik Berg', 'erik@example.com', 'exec', ['stakeholder']],
  ['Dana Kim', 'dana@example.com', 'data', ['stakeholder']],
];
/**
 * What each demo area covers: the words an area's description gives the tagger (a ticket about an invoice
 * lands in Billing, one about SCIM in Admin & Security) on a fresh org.
 */
export const DEMO_AREAS: { slug: string; name: string; description: string }[] = [
  {
    slug: 'billing',
    name: 'Billing',
    description: 'Invoices, tax, plans, subscriptions, refunds and the billing portal',
  },
  {
    slug: 'onboarding',
    name: 'Onboarding',
    description: 'Signup, workspace setup, invitations, the welcome tour and checklist',
  },
  { slug: 'reporting', name: 'Reporting', description: 'Dashboards, reports, charts and scheduled exports' },
  {
    slug: 'integrations',
    name: 'Integrations',
    description: 'Salesforce, HubSpot, Slack and Zapier connectors, webhooks and the public API',
  },
  {
    slug: 'payments',
    name: 'Payments',
    description: 'Card payments, checkout, payouts, Stripe and payment methods',
  },
  {
    slug: 'mobile',
    name: 'Mobile',
    description: 'The iOS and Android apps, push notifications and offline sync',
  },
  {
    slug: 'admin-security',
    name: 'Admin & Security',
    description: 'SSO, SCIM provisioning, roles and permissions, audit log and 2FA',
  },
  { slug: 'search', name: 'Search', description: 'Global search, filters, saved searches and indexing' },
];

/** [area slug, area name, active users, PM name, PM email] — the reference org's 8 PMs. */
const AREAS: [string, string, number, string, string][] = [
  ['billing', 'Billing', 6200, 'Maya Chen', 'maya@example.com'],
  ['onboarding', 'Onboarding', 9800, 'Leo Martins', 'leo@example.com'],
  ['reporting', 'Reporting', 6100, 'Aisha Bello', 'aisha@example.com'],
  ['integrations', 'Integrations', 3300, 'Tom Novak', 'tom@example.com'],
  ['payments', 'Payments', 5200, 'Kenji Watanabe', 'kenji@example.com'],
  ['mobile', 'Mobile', 7400, 'Sofia Rossi', 'sofia@example.com'],
  ['admin-security', 'Admin & Security', 3600, 'Nora Lind', 'nora@example.com'],
  ['search', 'Search', 8800, 'Omar Haddad', 'omar@example.com'],
];
/** Pods of the first five areas; engineer emails listed; the first is the area's eng lead. */
const PODS: { area: string; engineers: string[]; designer: string }[] = [
  { area: 'billing', engineers: ['ravi', 'jonas', 'lena'], designer: 'ines' },
  { area: 'onboarding', engineers: ['marco', 'yuki', 'ben'], designer: 'zoe' },
  // Two engineers only: the demo shows the 3-1-1 warning.
  { area: 'reporting', engineers: ['fatima', 'ola'], designer: 'paul' },
  { area: 'integrations', engineers: ['diego', 'hugo', 'kim'], designer: 'lara' },
  // Kim is in two pods: the demo shows the single-threaded warning.
  { area: 'payments', engineers: ['sven', 'amir', 'kim'], designer: 'nina' },
];
const ROTATION = ['tariq', 'eva', 'noah'];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const email = (first: string) => `${first}@example.com`;

const DEMO_TIME_ZONE = 'America/New_York';

/** The n-th (or, with n = -1, the last) given weekday (1 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Temporal.PlainDate {
  if (n < 0) {
    const last = Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
    return last.subtract({ days: (last.dayOfWeek - weekday + 7) % 7 });
  }
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return first.add({ days: ((weekday - first.dayOfWeek + 7) % 7) + (n - 1) * 7 });
}

/** A fixed-date holiday on a weekend is observed on the Friday before or the Monday after. */
function observed(d: Temporal.PlainDate): Temporal.PlainDate {
  return d.dayOfWeek === 6 ? d.subtract({ days: 1 }) : d.dayOfWeek === 7 ? d.add({ days: 1 }) : d;
}

/** The US holidays of the year ahead of `now` (and the month behind): the demo's calendar never runs out. */
function demoHolidays(now: Date): { date: string; name: string }[] {
  const today = Temporal.PlainDate.from(todayIn(DEMO_TIME_ZONE, now));
  const from = today.subtract({ days: 31 });
  const to = today.add({ days: 365 });
  return [today.year, today.year + 1]
    .flatMap((y) => [
      { date: observed(Temporal.PlainDate.from({ year: y, month: 1, day: 1 })), name: "New Year's Day" },
      { date: nthWeekday(y, 1, 1, 3), name: 'Martin Luther King Jr. Day' },
      { date: nthWeekday(y, 5, 1, -1), name: 'Memorial Day' },
      { date: observed(Temporal.PlainDate.from({ year: y, month: 7, day: 4 })), name: 'Independence Day' },
      { date: nthWeekday(y, 11, 4, 4), name: 'Thanksgiving' },
      { date: observed(Temporal.PlainDate.from({ year: y, month: 12, day: 25 })), name: 'Christmas Day' },
    ])
    .filter(
      (h) => Temporal.PlainDate.compare(h.date, from) >= 0 && Temporal.PlainDate.compare(h.date, to) <= 0,
    )
    .map((h) => ({ date: h.date.toString(), name: h.name }));
}

const demoSettings = (now: Date) => ({
  ...DEFAULT_SETTINGS,
  orgName: 'Acme Cloud (demo)',
  timeZone: DEMO_TIME_ZONE,
  holidays: demoHolidays(now),
});

function demoPeople(): P[] {
  const engineers = new Set(PODS.flatMap((p) => p.engineers));
  const leads = new Set(PODS.map((p) => p.engineers[0]!));
  return [
    ...LEADERS,
    ...STAKEHOLDERS,
    ...AREAS.map(([, , , name, mail]): P => [name, mail, 'pm', ['pm']]),
    ...[...engineers].map(
      (e): P => [
        `${cap(e)} Engineer`,
        email(e),
        'eng',
        leads.has(e) ? ['eng_lead', 'engineer'] : ['engineer'],
      ],
    ),
    ...PODS.map((p): P => [`${cap(p.designer)} Designer`, email(p.designer), 'design', ['designer']]),
    ...ROTATION.map((e): P => [`${cap(e)} Prodeng`, email(e), 'eng', ['eng_lead', 'engineer']]),
  ];
}

export interface DemoPersona {
  name: string;
  email: string;
  as: string;
  function: TFunction;
  roles: TRole[];
}

/** The demo's personas with their names, in the order the start-up message lists them. */
export function demoPersonas(): DemoPersona[] {
  const everyone = demoPeople();
  return PERSONAS.map(([mail, as]) => {
    const [name, , fn, roles] = everyone.find((p) => p[1] === mail)!;
    return { name, email: mail, as, function: fn, roles };
  });
}

/** "Sam Rivera — Sales — sam@example.com", one line per persona, then the password they share. */
export function demoSignInLines(): string[] {
  return [
    ...demoPersonas().map((p) => `  ${p.name} — ${p.as} — ${p.email}`),
    `Every demo person's password is "${DEMO_PASSWORD}".`,
  ];
}

/** True when the org has nobody in it yet: the only state in which the demo is loaded. */
export async function isOrgEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(people);
  return (row?.n ?? 0) === 0;
}

/** Any fixed number: several app instances starting on one empty database must seed the demo once. */
const DEMO_LOCK_KEY = 724_113_002;

/**
 * Loads the demo org (8 PMs, 5 pods, 8 areas, stakeholders, releases, a roadmap, bets, eight weeks of support tickets,
 * last week's update and a quarter of rituals) if the org is empty, and says whether it did. Everything is dated
 * back from `now`. Everybody's password is DEMO_PASSWORD.
 * Loads the demo org (8 PMs, 5 pods, 8 areas, stakeholders, releases, a roadmap, eight weeks of support tickets,
 * last week's update, a quarter of rituals, two pods' strategy contracts) if the org is empty, and says whether
 * it did. Everything is dated back from `now`. Everybody's password is DEMO_PASSWORD.
 */
export async function seedDemoIfEmpty(
  db: Db,
  now: Date,
  actor: Actor = systemActor('system:demo'),
): Promise<{ people: number } | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if (!(await isOrgEmpty(tx))) return null;
    return seedDemo(tx, actor, now);
  });
}

async function seedDemo(db: Db, actor: Actor, now: Date): Promise<{ people: number }> {
  const all = demoPeople();
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    await updateSettings({ db: tx, actor, settings: demoSettings(now), now });
    for (const [name, mail, fn, roles] of all) {
      const p = await createPerson({ db: tx, actor, input: { name, email: mail, function: fn, roles } });
      ids.set(mail, p.id);
    }
    // One hash for all: the demo password is public anyway, and 40 scrypt runs would slow the first start.
    await tx
      .update(people)
      .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
      .where(inArray(people.id, [...ids.values()]));
    const areaIds = new Map<string, string>();
    for (const [slug, name, activeUsers, , pmMail] of AREAS) {
      const pod = PODS.find((p) => p.area === slug);
      const lead = pod
        ? email(pod.engineers[0]!)
        : email(ROTATION[AREAS.findIndex((a) => a[0] === slug) % ROTATION.length]!);
      const area = await createArea({
        db: tx,
        actor,
        input: {
          slug,
          name,
          activeUsers,
          ownerPmId: ids.get(pmMail)!,
          engLeadId: ids.get(lead)!,
          description: DEMO_AREAS.find((a) => a.slug === slug)?.description ?? '',
        },
      });
      areaIds.set(slug, area.id);
    }
    const week = isoWeekKey(todayIn(DEMO_TIME_ZONE, now));
    const podIds = new Map<string, string>();
    for (const [i, pod] of PODS.entries()) {
      const area = AREAS.find((a) => a[0] === pod.area)!;
      const members: { personId: string; role: TPodRole }[] = [
        { personId: ids.get(area[4])!, role: 'pm' },
        ...pod.engineers.map((e) => ({ personId: ids.get(email(e))!, role: 'engineer' as const })),
        { personId: ids.get(email(pod.designer))!, role: 'designer' },
      ];
      const created = await createPod({
        db: tx,
        actor,
        now,
        input: {
          slug: `pod-${pod.area}`,
          name: `${area[1]} pod`,
          areaId: areaIds.get(pod.area)!,
          mission: `Make ${area[1].toLowerCase()} effortless for every customer.`,
          slackChannel: `#pod-${pod.area}`,
          members,
          rotation: [{ week, personId: ids.get(email(ROTATION[i % ROTATION.length]!))! }],
        },
      });
      podIds.set(pod.area, created.id);
    }
    await seedDemoReleases(tx, actor, areaIds, ids, now);
    await seedDemoRoadmap(tx, actor, areaIds, ids, now);
    await seedDemoBets(tx, ids, now);
    const actorOf = (mail: string): Actor => {
      const [name, , , roles] = all.find((p) => p[1] === mail)!;
      return { personId: ids.get(mail)!, label: name, roles };
    };
    await seedDemoSurveys(tx, actorOf('priya@example.com'), now);
    await seedDemoHistory(tx, {
      actor,
      ops: actorOf('priya@example.com'),
      pms: new Map(AREAS.map(([slug, , , , pmMail]) => [slug, actorOf(pmMail)])),
      areaIds,
      now,
    });
    await seedDemoContracts(tx, { podIds, personIds: ids, actorOf, timeZone: DEMO_TIME_ZONE, now });
    await seedDemoCharter(tx, { ops: actorOf('priya@example.com'), head: actorOf('hana@example.com'), now });
    await seedDemoPlan(tx, { ops: actorOf('priya@example.com'), people: ids, timeZone: DEMO_TIME_ZONE, now });
  });
  return { people: all.length };
}
