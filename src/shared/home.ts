import { z } from 'zod';
import { ZId } from './common.ts';

/** A link the home offers: words and where they lead in the web app. */
const ZHomeLink = z.object({ label: z.string(), href: z.string() });

/** Sales: a Tier 2/3 launch in words stakeholders may read (the sent bundle's, never a draft's). */
export const ZSalesLaunch = z.object({
  releaseId: ZId,
  title: z.string(),
  areaName: z.string(),
  tierText: z.string(),
  /** The day once announced, else a range (the stakeholder "when"). */
  whenText: z.string(),
  exact: z.boolean(),
  launched: z.boolean(),
  /**
   * "What changed" from the bundle version sent to Sales/Support, else the published stakeholder view's words for
   * its roadmap item; the talk track only from a sent bundle (null before).
   */
  whatChanged: z.string().nullable(),
  talkTrack: z.string().nullable(),
  href: z.string(),
});
export type TSalesLaunch = z.infer<typeof ZSalesLaunch>;

/** Support / CS: a launch of the next 14 days with its readiness and the reader's own sign-off. */
export const ZSupportLaunch = z.object({
  releaseId: ZId,
  title: z.string(),
  areaName: z.string(),
  tierText: z.string(),
  targetDate: z.string(),
  dayText: z.string(),
  readiness: z.array(z.object({ label: z.string(), done: z.boolean() })),
  bundleOut: z.boolean(),
  bundleHref: z.string(),
  /** The sign-off this reader gives (their function's), null when they give none for this launch. */
  mySignOff: z
    .object({
      kind: z.enum(['support', 'sales']),
      label: z.string(),
      state: z.enum(['pending', 'ready', 'not_ready']),
      /** The bundle must be out before readiness can be confirmed. */
      open: z.boolean(),
    })
    .nullable(),
});
export type TSupportLaunch = z.infer<typeof ZSupportLaunch>;

const ZCountLine = z.object({ label: z.string(), count: z.number().int(), href: z.string() });
const ZDatedLine = z.object({ label: z.string(), detail: z.string(), href: z.string() });

export const ZHomeSection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sales'),
    thisMonth: z.object({ label: z.string(), launches: z.array(ZSalesLaunch) }),
    nextMonth: z.object({ label: z.string(), launches: z.array(ZSalesLaunch) }),
    links: z.array(ZHomeLink),
  }),
  z.object({
    kind: z.literal('support'),
    /** "all areas" or the areas named. */
    scope: z.string(),
    needsMe: z.array(ZSupportLaunch),
    launches: z.array(ZSupportLaunch),
  }),
  z.object({
    kind: z.literal('pm'),
    updates: z.array(
      z.object({
        areaId: ZId,
        areaName: z.string(),
        week: z.string(),
        /** The cycle's due instant: this week's, or next week's once this week's update is published. */
        dueAt: z.string(),
        submittedAt: z.string().nullable(),
        status: z.string(),
        href: z.string(),
      }),
    ),
    releases: z.array(ZDatedLine),
    insights: z.array(ZDatedLine),
    decisions: z.array(ZDatedLine),
  }),
  z.object({
    kind: z.literal('ops'),
    week: z.string(),
    missingUpdates: z.array(z.object({ areaName: z.string(), pmName: z.string().nullable() })),
    lateBundles: z.array(ZDatedLine),
    failedDeliveries: ZCountLine,
    untriagedFeedback: ZCountLine,
    slasAtRisk: z.array(ZDatedLine),
  }),
  z.object({
    kind: z.literal('head'),
    metrics: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        current: z.string(),
        target: z.string(),
        meets: z.boolean().nullable(),
      }),
    ),
    reviews: z.array(ZDatedLine),
    overrides: z.array(ZDatedLine),
    polishAreas: z.array(ZDatedLine),
  }),
]);
export type THomeSection = z.infer<typeof ZHomeSection>;

/** GET /home: the signed-in person's sections, in the order their roles make sensible, and the org's zone. */
export const ZHome = z.object({
  timeZone: z.string(),
  now: z.string(),
  sections: z.array(ZHomeSection),
  /** The old org overview (head counts, pods), for those who run the org. */
  orgOverview: z.boolean(),
});
export type THome = z.infer<typeof ZHome>;
