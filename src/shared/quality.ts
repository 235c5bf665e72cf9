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

export const ZAreaQuality = z.object({
  area: z.object({ id: z.string(), slug: z.string(), name: z.string(), ownerPmId: z.string().nullable() }),
  confusion: z.object({
    current: ZConfusionFigure,
    polishMode: ZPolishMode.nullable(),
    trend: z.array(ZConfusionFigure),
  }),
});

/** The rule the figures were computed with, so every view can say what counts and why. */
export const ZConfusionRule = z.object({
  thresholdPct: z.number(),
  windowDays: z.number().int(),
  minTickets: z.number().int(),
  polishMinDays: z.number().int(),
  supportSources: z.array(z.string()),
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
