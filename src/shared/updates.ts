import { z } from 'zod';
import { ZDate, ZId, ZIsoWeek } from './common.ts';

const ZItem = z.string().trim().min(1, 'must not be empty').max(2000);
const ZSection = z.array(ZItem).max(20, 'at most 20 bullets');

/** The five bullets of the pack's template; each a list of markdown strings. */
export const ZUpdateContent = z.strictObject({
  wins: ZSection.default([]),
  next: ZSection.default([]),
  risks: ZSection.default([]),
  metrics: ZSection.default([]),
  links: ZSection.default([]),
});
export type TUpdateContent = z.infer<typeof ZUpdateContent>;

export const ZWeekParams = z.object({ week: ZIsoWeek });
export const ZWeekAreaParams = z.object({ week: ZIsoWeek, areaId: ZId });

export const RELEASE_STATUSES = [
  'planned',
  'in_readiness',
  'go',
  'hold',
  'delay',
  'launched',
  'rolled_back',
] as const;
export const ZReleaseInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  areaId: ZId.nullable().optional(),
  pmOwnerId: ZId.nullable().optional(),
  engOwnerId: ZId.nullable().optional(),
  tier: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' })
    .nullable()
    .optional(),
  targetDate: ZDate,
  status: z.enum(RELEASE_STATUSES).optional(),
});
export const ZReleasePatch = ZReleaseInput.partial();
export type TReleaseInput = z.infer<typeof ZReleaseInput>;
export type TReleasePatch = z.infer<typeof ZReleasePatch>;
export const ZRelease = z.object({
  id: ZId,
  title: z.string(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  pmOwnerId: ZId.nullable(),
  engOwnerId: ZId.nullable(),
  tier: z.number().int().nullable(),
  targetDate: z.string(),
  status: z.enum(RELEASE_STATUSES),
  permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export const ZReleaseList = z.object({ items: z.array(ZRelease), nextCursor: z.string().nullable() });
