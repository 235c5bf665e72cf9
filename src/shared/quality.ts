import { z } from 'zod';

/** The confused-customer figure over the window that ends on `day` (issue 15, velocity framework). */
export const ZConfusionFigure = z.object({
  day: z.string(),
  from: z.string(),
  tickets: z.number().int(),
  confused: z.number().int(),
  pct: z.number().nullable(),
  enough: z.boolean(),
  above: z.boolean(),
});

export const ZPolishMode = z.object({
  since: z.string(),
  lastAbove: ZConfusionFigure,
  leavesOn: z.string(),
});

/** Operational burden: support tickets per 1,000 active users over from..to (per1k null: no users recorded). */
export const ZBurdenFigure = z.object({
  from: z.string(),
  to: z.string(),
  tickets: z.number().int(),
  users: z.number().int().nullable(),
  per1k: z.number().nullable(),
  above: z.boolean(),
});

export const ZAreaBurden = z.object({
  current: ZBurdenFigure,
  months: z.array(ZBurdenFigure.extend({ month: z.string() })),
  launches: z.array(
    z.object({
      releaseId: z.string(),
      title: z.string(),
      launchedOn: z.string(),
      before: z.number().int(),
      after: z.number().int(),
    }),
  ),
});

export const ZAreaQuality = z.object({
  area: z.object({ id: z.string(), slug: z.string(), name: z.string(), ownerPmId: z.string().nullable() }),
  confusion: z.object({
    current: ZConfusionFigure,
    polishMode: ZPolishMode.nullable(),
    trend: z.array(ZConfusionFigure),
  }),
  burden: ZAreaBurden,
});

/** The rule the figures were computed with, so every view can say what counts and why. */
export const ZConfusionRule = z.object({
  thresholdPct: z.number(),
  windowDays: z.number().int(),
  minTickets: z.number().int(),
  polishMinDays: z.number().int(),
  supportSources: z.array(z.string()),
  burdenPer1k: z.number(),
});

export const ZAreaQualityList = z.object({ rule: ZConfusionRule, areas: z.array(ZAreaQuality) });

export const ZConfusionItem = z.object({
  id: z.number().int(),
  source: z.string(),
  title: z.string(),
  customer: z.string().nullable(),
  occurredAt: z.string(),
});

export const ZAreaQualityDetail = ZAreaQuality.extend({
  rule: ZConfusionRule,
  /** The confused customers' tickets behind the current figure, newest first (at most 100). */
  items: z.array(ZConfusionItem),
});

export type TAreaQuality = z.infer<typeof ZAreaQuality>;
export type TAreaQualityList = z.infer<typeof ZAreaQualityList>;
export type TAreaQualityDetail = z.infer<typeof ZAreaQualityDetail>;

/** Active users of an area for months ("2026-11"): entered, imported from CSV or posted. */
export const ZActiveUsersInput = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11'),
        users: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .min(1)
    .max(240),
});
export const ZActiveUsersList = z.object({
  months: z.array(z.object({ month: z.string(), users: z.number().int(), recordedBy: z.string() })),
});
