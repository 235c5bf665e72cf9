import { Temporal } from '@js-temporal/polyfill';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas } from '../../db/schema/index.ts';
import { BUNDLE_SECTIONS, type BundleSectionKey, LITE_SECTIONS } from '../../domain/releases/bundle.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { Actor } from '../actor.ts';
import { releaseBundle, saveBundle } from '../releases/bundle.ts';
import { completePostLaunch } from '../releases/post-launch.ts';
import { recordDecision, signOff } from '../releases/readiness.ts';
import { createRelease, updateRelease } from '../releases/releases.ts';
import { sentInThePast } from './demo-deliveries.ts';

interface DemoRelease {
  title: string;
  area: string;
  tier: 1 | 2 | 3;
  attributes: string[];
  /** Target date, in days from today (negative: already launched). */
  inDays: number;
  /** Bundle sections written; 'all' or the Tier 2 lite set. */
  sections?: 'all' | 'lite' | number;
  /** Days from today the bundle went out / was published. */
  distributedIn?: number;
  publishedIn?: number;
  ready?: boolean;
}

/**
 * Releases at every stage, so each page has something true to show: a Tier 3 launch ready to ship, a Tier 2
 * draft half written, launches ahead with deadlines to meet, one launched well and one launched late.
 */
const RELEASES: DemoRelease[] = [
  {
    title: 'Usage-based billing',
    area: 'billing',
    tier: 3,
    attributes: ['pricing_overhaul', 'ga_launch'],
    inDays: 2,
    sections: 'all',
    distributedIn: -14,
    publishedIn: -3,
    ready: true,
  },
  {
    title: 'Guided onboarding checklist',
    area: 'onboarding',
    tier: 2,
    attributes: ['behind_flag', 'workflow_change'],
    inDays: 12,
    sections: 4,
    // Its draft went to Support and Sales yesterday: their "I'm ready" is the one request open.
    distributedIn: -1,
  },
  { title: 'Scheduled report exports', area: 'reporting', tier: 2, attributes: ['behind_flag'], inDays: 13 },
  {
    title: 'Salesforce sync v2',
    area: 'integrations',
    tier: 3,
    attributes: ['api_change', 'migration'],
    // Inside its roadmap item's ratified window (and the PM's slipped one): one "when" for both.
    inDays: 50,
  },
  { title: 'Dashboard copy fixes', area: 'reporting', tier: 1, attributes: ['ui_copy_change'], inDays: 0 },
  // Payments is in Polish Mode (confused customers, demo-tickets.ts): the gate holds this feature.
  {
    title: 'Saved cards at checkout',
    area: 'payments',
    tier: 2,
    attributes: ['workflow_change'],
    inDays: 30,
  },
  {
    title: 'Invoice PDF redesign',
    area: 'billing',
    tier: 2,
    attributes: ['workflow_change'],
    inDays: -10,
    sections: 'lite',
    // Twelve days ahead: in time for Tier 2's five business days whatever weekday the launch falls on.
    distributedIn: -22,
    publishedIn: -13,
  },
  {
    title: 'Bulk user import',
    area: 'onboarding',
    tier: 3,
    attributes: ['ga_launch'],
    inDays: -20,
    sections: 'all',
    distributedIn: -24,
    publishedIn: -20,
  },
];

const TEXT: Record<BundleSectionKey, string> = {
  what_changed: 'Customers can now do this without contacting Support; it replaces the old manual flow.',
  whos_impacted: '- Customer segments: all paid plans\n- Internal teams: Support, Sales, CS',
  how_it_works: '1. Open Settings\n2. Choose the new option\n3. Confirm',
  faqs: '- Q: Is it on by default? A: Only for new workspaces.',
  support_macros:
    '- Scenario: the option is missing. Resolution: the workspace is on a legacy plan; offer the upgrade.',
  sales_talk_track:
    '- Positioning: less admin for finance teams\n- Key objection handling: no migration needed',
  monitoring:
    '- Key metrics to watch: error rate, adoption\n- Alert thresholds: errors > 1%\n- Dashboard link: https://example.com/dash',
  rollback:
    '- Rollback procedure: turn off the flag\n- Rollback owner: eng lead\n- Decision criteria for rollback: errors > 2% for 30 min',
  owner_escalation: '- PM: area PM\n- Eng: area eng lead\n- Escalation: #product-ops',
};

function sectionsOf(which: DemoRelease['sections']) {
  const keys: readonly BundleSectionKey[] =
    which === 'all'
      ? BUNDLE_SECTIONS.map((s) => s.key)
      : which === 'lite'
        ? LITE_SECTIONS
        : LITE_SECTIONS.slice(0, which ?? 0);
  return Object.fromEntries(keys.map((k) => [k, TEXT[k]]));
}

export async function seedDemoReleases(
  tx: Db,
  actor: Actor,
  areaIds: Map<string, string>,
  ids: Map<string, string>,
  now: Date,
) {
  const today = Temporal.PlainDate.from(todayIn('America/New_York', now));
  const at = (days: number) => new Date(`${today.add({ days }).toString()}T15:00:00Z`);
  const person = (mail: string): Actor => ({ personId: ids.get(mail)!, label: mail, roles: ['stakeholder'] });
  for (const d of RELEASES) {
    const [area] = await tx
      .select()
      .from(areas)
      .where(eq(areas.id, areaIds.get(d.area)!));
    const past = d.inDays < 0;
    const r = await createRelease({
      db: tx,
      actor,
      now: past ? at(d.inDays - 30) : now,
      input: {
        title: d.title,
        areaId: area!.id,
        pmOwnerId: area!.ownerPmId,
        engOwnerId: area!.engLeadId,
        tier: d.tier,
        attributes: d.attributes,
        targetDate: today.add({ days: d.inDays }).toString(),
      },
    });
    if (d.sections)
      await saveBundle({ db: tx, actor, releaseId: r.id, input: { sections: sectionsOf(d.sections) }, now });
    for (const [stage, when] of [
      ['distribution', d.distributedIn],
      ['publication', d.publishedIn],
    ] as const) {
      if (when === undefined) continue;
      await releaseBundle({ db: tx, actor, releaseId: r.id, stage, now: at(when) });
      await sentInThePast(tx, r.id, at(when));
    }
    if (d.ready || past) await signOffAll(tx, r.id, person, actor, past ? at(d.inDays - 1) : now);
    if (past) await launched(tx, actor, r.id, at(d.inDays));
  }
}

/**
 * Everyone confirms before launch. Support and Sales answer the readiness request the bundle's distribution
 * sent them, so no launch keeps a request open once it has shipped.
 */
async function signOffAll(tx: Db, releaseId: string, person: (mail: string) => Actor, ops: Actor, now: Date) {
  await signOff({ db: tx, actor: person('carla@example.com'), releaseId, kind: 'support', now });
  await signOff({ db: tx, actor: person('sam@example.com'), releaseId, kind: 'sales', now });
  for (const kind of ['eng_monitoring', 'eng_rollback', 'training'] as const)
    await signOff({ db: tx, actor: ops, releaseId, kind, now });
  await recordDecision({
    db: tx,
    actor: ops,
    now,
    releaseId,
    input: { decision: 'ship', reason: 'Support and Sales confirmed; monitoring and rollback in place.' },
  });
}

/** A launch in the past: launched on its date, with its Day 3 check-in answered. */
async function launched(tx: Db, actor: Actor, releaseId: string, on: Date) {
  await updateRelease({ db: tx, actor, id: releaseId, patch: { status: 'launched' }, now: on });
  await completePostLaunch({
    db: tx,
    actor,
    now: on,
    releaseId,
    kind: 'day3',
    input: {
      answers: {
        ticket_spike: 'No spike',
        unexpected_behaviour: 'None',
        customer_confusion: 'Two tickets asking where the option lives',
      },
    },
  });
}
