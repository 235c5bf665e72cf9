import { asc, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { frictions, releases } from '../../db/schema/index.ts';
import { quarterKey } from '../../domain/charter/quarter-key.ts';
import { quarterAfter } from '../../domain/roadmap/quarters.ts';
import { localInstant, todayIn } from '../../shared/calendar.ts';
import type { TEvidenceLink } from '../../shared/charter.ts';
import type { Actor } from '../actor.ts';
import { updateFriction } from '../charter/frictions.ts';
import { publishQbr } from '../charter/qbr.ts';
import { createContext } from '../context.ts';
import { getSettings } from '../org/settings.ts';

/** What the demo's Product Ops found behind each of the pack's three frictions (by title). */
const EVIDENCE: Record<string, { evidence: string; links: (release: string | null) => TEvidenceLink[] }> = {
  'No visibility': {
    evidence:
      'Sales and CS leads said in the kickoff interviews that they learn launch dates from the release notes; 3 of 8 PMs keep their own roadmap doc.',
    links: () => [
      { kind: 'metric', ref: 'surprise' },
      { kind: 'metric', ref: 'ritual_adoption' },
    ],
  },
  'Surprise launches': {
    evidence:
      'Support heard about Bulk user import from customers: its enablement bundle came out on launch day. Tickets tagged UX friction rise after each unannounced change.',
    links: (release) => [
      { kind: 'metric', ref: 'enablement_coverage' },
      { kind: 'theme', ref: 'ux-friction' },
      ...(release ? [{ kind: 'release' as const, ref: release }] : []),
    ],
  },
  'Ad-hoc status requests': {
    evidence:
      'A sample audit of #product counted about 40 "what\'s the status of X?" pings a week, most answered by PMs.',
    links: () => [{ kind: 'metric', ref: 'status_requests' }],
  },
};

/**
 * Issue 16 in the demo: the pack's charter as it comes (the default), the three frictions with the evidence
 * Product Ops gathered, and the previous quarter's QBR, published by the Head of Product at that quarter's end.
 */
export async function seedDemoCharter(tx: Db, o: { ops: Actor; head: Actor; now: Date }): Promise<void> {
  const [release] = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(inArray(releases.title, ['Bulk user import']));
  const rows = await tx
    .select()
    .from(frictions)
    .where(isNotNull(frictions.rank))
    .orderBy(asc(frictions.rank));
  for (const f of rows) {
    const e = EVIDENCE[f.title];
    if (!e) continue;
    await updateFriction({
      db: tx,
      actor: o.ops,
      id: f.id,
      patch: { evidence: e.evidence, evidenceLinks: e.links(release?.id ?? null) },
      now: o.now,
    });
  }
  const settings = await getSettings(tx);
  const previous = quarterAfter(todayIn(settings.timeZone, o.now), -1, settings.roadmap.fiscalYearStartMonth);
  const at = localInstant(previous.end, '16:00', settings.timeZone);
  await publishQbr({
    ctx: createContext({ db: tx, actor: o.head, now: at, settings }),
    actor: o.head,
    quarter: quarterKey(previous),
    input: {
      priorities: [
        { text: 'Every Tier 2/3 launch has its enablement bundle published two days ahead' },
        { text: 'One weekly product update, on time, from every PM' },
        { text: 'Stakeholder roadmap view republished within a day of each review' },
      ],
      retrospective: {
        worked: [
          'The weekly update replaced most status threads in #sales',
          'Readiness checks caught two launches without Support training',
        ],
        didNot: ['The PM pulse survey got 3 answers of 8', 'Insights Review ran long twice: too many themes'],
        prune: ['The separate Sales roadmap deck: the stakeholder view covers it'],
      },
    },
  });
}
