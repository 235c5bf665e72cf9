import { z } from 'zod';
import { ZId, ZIsoWeek } from './common.ts';

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
