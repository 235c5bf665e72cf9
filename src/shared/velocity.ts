import { z } from 'zod';

/** Issue 15 (velocity framework): what pods ship per week, lead time and the trade-off menu. */

export const ZLaunch = z.object({ releaseId: z.string(), title: z.string(), launchedOn: z.string() });

export const ZPodVelocity = z.object({
  pod: z.object({
    id: z.string(),
    name: z.string(),
    areaId: z.string().nullable(),
    areaName: z.string().nullable(),
  }),
  engineers: z.number().int(),
  weeks: z.array(z.object({ week: z.string(), monday: z.string(), launches: z.array(ZLaunch) })),
  /** Launches per week over the weeks shown. */
  perWeek: z.number(),
  /** From the current contract's sign-off to the pod's first launch (null: no signed contract). */
  leadTime: z
    .object({ signedOn: z.string(), firstLaunch: ZLaunch.nullable(), days: z.number().int() })
    .nullable(),
});
export type TPodVelocity = z.infer<typeof ZPodVelocity>;
export const ZVelocityOverview = z.object({ pods: z.array(ZPodVelocity) });
export type TVelocityOverview = z.infer<typeof ZVelocityOverview>;

export const ZVelocityQuery = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
});

const ZPlannedItem = z.object({
  id: z.string(),
  title: z.string(),
  sizeWeeks: z.number(),
  weeks: z.number(),
  landsOn: z.string(),
});
const ZMenuChoice = z.object({ items: z.array(ZPlannedItem), lastLandsOn: z.string().nullable() });

export const ZTradeOffMenu = z.object({
  pod: z.object({ id: z.string(), name: z.string(), areaName: z.string().nullable() }),
  today: z.string(),
  engineers: z.number().int(),
  horizonWeeks: z.number().int(),
  capacityWeeks: z.number(),
  focus: ZMenuChoice,
  spread: ZMenuChoice,
  unsized: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type TTradeOffMenu = z.infer<typeof ZTradeOffMenu>;

export const ZMenuQuery = z.strictObject({
  /** A quarter by default. */
  weeks: z.coerce.number().int().min(1).max(52).default(13),
});

/** An item's size in engineer-weeks, in half weeks; null clears it. */
export const ZItemSizeInput = z.strictObject({
  engineerWeeks: z
    .number()
    .min(0.5, 'must be at least half an engineer-week')
    .max(520, 'must be at most 520 engineer-weeks')
    .refine((n) => Number.isInteger(n * 2), 'must be in half weeks (e.g. 2 or 2.5)')
    .nullable(),
});
export const ZItemSize = z.object({ itemId: z.string(), engineerWeeks: z.number().nullable() });
