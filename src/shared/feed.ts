import { z } from 'zod';
import { AUDIENCES } from './roadmap.ts';

/** "2026-11": a month of the org's calendar. */
export const ZMonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11');

/** The feed's audiences are the stakeholder view's; "all" shows every entry. */
export const ZFeedAudience = z.enum([...AUDIENCES, 'all']);
export type TFeedAudience = z.infer<typeof ZFeedAudience>;

export const ZFeedQuery = z.strictObject({
  /** Absent: the reader's own audience, from their function (everything for the product org). */
  audience: ZFeedAudience.optional(),
  /** Absent: the upcoming months, this month and the last `months`; else the `months` months before this one. */
  before: ZMonthKey.optional(),
  months: z.coerce.number().int().min(1).max(12).default(3),
});

export const FEED_ENTRY_KINDS = ['launch', 'roadmap', 'decision'] as const;

/** One thing stakeholders may read, in customer-safe words: a launch, a roadmap item or a decision. */
export const ZFeedEntry = z.object({
  kind: z.enum(FEED_ENTRY_KINDS),
  /** Stable per thing and state (a launch that happens is a new entry for feed readers). */
  key: z.string(),
  title: z.string(),
  areaName: z.string().nullable(),
  /** The org's local date the entry sits on (YYYY-MM-DD). */
  date: z.string(),
  /** "Launched 18 Nov 2026", "Launches 27 Nov 2026", "Early Dec 2026 – late Jan 2027", "Decided 17 Nov 2026". */
  dateText: z.string(),
  /** A day announced (or past), not a range. */
  exact: z.boolean(),
  statusText: z.string(),
  tierText: z.string().nullable(),
  /** Customer-safe copy: a sent bundle's "What changed", else the published view's words. */
  words: z.string().nullable(),
  /** What Sales say (the sent bundle's talk track; for a roadmap item, how far it may be promised). */
  talkTrack: z.string().nullable(),
  /** What Support say (the sent bundle's macros). */
  supportNotes: z.string().nullable(),
  audiences: z.array(z.enum(AUDIENCES)),
  /** The published roadmap's items this launch ships, with their status as stakeholders read it. */
  roadmapItems: z.array(z.object({ title: z.string(), statusText: z.string() })),
  href: z.string(),
});
export type TFeedEntry = z.infer<typeof ZFeedEntry>;

export const ZFeedMonth = z.object({
  month: z.string(),
  label: z.string(),
  when: z.enum(['past', 'current', 'upcoming']),
  entries: z.array(ZFeedEntry),
});
export type TFeedMonth = z.infer<typeof ZFeedMonth>;

export const ZFeed = z.object({
  timeZone: z.string(),
  today: z.string(),
  audience: ZFeedAudience,
  /** The reader's own audience: what the feed shows when none is asked for. */
  readerAudience: ZFeedAudience,
  months: z.array(ZFeedMonth),
  /** Ask `before=` this month for older months; null when nothing older exists. */
  olderBefore: z.string().nullable(),
});
export type TFeed = z.infer<typeof ZFeed>;
