import { z } from 'zod';
import { ZId, ZIsoWeek } from './common.ts';

const ZItem = z.string().trim().min(1, 'must not be empty').max(2000);
const ZSection = z.array(ZItem).max(20, 'at most 20 bullets');

const SECTION_KEYS = ['wins', 'next', 'risks', 'metrics', 'links'] as const;

/**
 * The five bullets of the pack's template, each a list of markdown strings; or none, with `nothingThisWeek`
 * set on purpose. An empty submission would count the PM as contributed while telling readers nothing.
 */
export const ZUpdateContent = z
  .strictObject({
    wins: ZSection.default([]),
    next: ZSection.default([]),
    risks: ZSection.default([]),
    metrics: ZSection.default([]),
    links: ZSection.default([]),
    /** The PM has nothing to report this week: published as "Nothing to report this week", not as missing. */
    nothingThisWeek: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const empty = SECTION_KEYS.every((k) => c[k].length === 0);
    if (empty && !c.nothingThisWeek)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'is empty: write at least one bullet, or say "nothing this week" (nothingThisWeek: true)',
      });
    if (!empty && c.nothingThisWeek)
      ctx.addIssue({
        code: 'custom',
        path: ['nothingThisWeek'],
        message: 'cannot come with bullets: remove the bullets, or untick "nothing this week"',
      });
  });
export type TUpdateContent = z.infer<typeof ZUpdateContent>;
/** What a caller writes: sections left out are empty, `nothingThisWeek` is false unless said. */
export type TUpdateContentInput = z.input<typeof ZUpdateContent>;

export const ZWeekParams = z.object({ week: ZIsoWeek });
export const ZWeekAreaParams = z.object({ week: ZIsoWeek, areaId: ZId });

// Responses. Each mirrors what its service returns; the response serializer checks it on every reply.

/** The five bullets as stored and returned (already checked and trimmed on the way in). */
export const ZUpdateBullets = z.object({
  wins: z.array(z.string()),
  next: z.array(z.string()),
  risks: z.array(z.string()),
  metrics: z.array(z.string()),
  links: z.array(z.string()),
  /** Set when the PM said "nothing this week" (no bullets then); missing in older records. */
  nothingThisWeek: z.boolean().optional(),
});
export type TUpdateBullets = z.infer<typeof ZUpdateBullets>;

export const ZPublishedUpdateItem = z.object({
  week: z.string(),
  version: z.number().int(),
  title: z.string(),
  publishedAt: z.string(),
});
export type TPublishedUpdateItem = z.infer<typeof ZPublishedUpdateItem>;
export const ZUpdatesList = z.object({
  /** This ISO week in the org's time zone (2026-W47). */
  currentWeek: z.string(),
  items: z.array(ZPublishedUpdateItem),
});
export type TUpdatesList = z.infer<typeof ZUpdatesList>;

export const BOARD_STATUSES = ['submitted', 'late', 'absent', 'missing'] as const;
export type TBoardStatus = (typeof BOARD_STATUSES)[number];
export const ZBoardArea = z.object({
  areaId: ZId,
  areaName: z.string(),
  pmId: ZId.nullable(),
  pmName: z.string().nullable(),
  status: z.enum(BOARD_STATUSES),
  submittedAt: z.string().nullable(),
  content: ZUpdateBullets.nullable(),
  absentReason: z.string().nullable(),
});
export type TBoardArea = z.infer<typeof ZBoardArea>;

export const ZUpdateVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  /** "What changed" lines of a correction; empty for the first version. */
  changes: z.array(z.string()),
});
export type TUpdateVersion = z.infer<typeof ZUpdateVersion>;

/** The pack's definition of done, checked from records. */
export const ZDefinitionOfDone = z.object({
  published: z.boolean(),
  allContributed: z.boolean(),
  missingAreas: z.array(z.string()),
  crossCuttingSection: z.boolean(),
  delivered: z.object({ total: z.number().int(), sent: z.number().int(), dead: z.number().int() }),
  publishedOnTime: z.boolean(),
});
export type TDefinitionOfDone = z.infer<typeof ZDefinitionOfDone>;

/** A week's status board, its published versions and its definition of done. */
export const ZBoard = z.object({
  week: z.string(),
  dueAt: z.string(),
  publishAt: z.string(),
  publishedAt: z.string().nullable(),
  areas: z.array(ZBoardArea),
  versions: z.array(ZUpdateVersion),
  done: ZDefinitionOfDone,
});
export type TBoard = z.infer<typeof ZBoard>;

/** An area's submission for a week, with the text each edit replaced. */
export const ZSubmission = z.object({
  week: z.string(),
  areaId: ZId,
  content: ZUpdateBullets,
  late: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  revisions: z.array(z.object({ content: ZUpdateBullets, editedBy: z.string(), editedAt: z.string() })),
});
export type TSubmission = z.infer<typeof ZSubmission>;
/** This week's submission and last week's beside it; null where there is none. */
export const ZSubmissionPair = z.object({
  current: ZSubmission.nullable(),
  previous: ZSubmission.nullable(),
});
export type TSubmissionPair = z.infer<typeof ZSubmissionPair>;

export const ZLaunchJson = z.object({
  id: ZId,
  title: z.string(),
  areaName: z.string(),
  tier: z.number().int(),
  targetDate: z.string(),
  status: z.string(),
});
export type TLaunchJson = z.infer<typeof ZLaunchJson>;

/** The structured artifact (format "prodops.weekly-update/1"): what the page, email, Slack and feeds render. */
export const ZWeeklyUpdateJson = z.object({
  format: z.string(),
  title: z.string(),
  date: z.string(),
  highlights: z.object({
    keyLaunches: z.array(ZLaunchJson),
    upcomingLaunches: z.array(ZLaunchJson),
    /** Versions published before holds were told apart have none. */
    heldLaunches: z.array(ZLaunchJson).default([]),
    crossCuttingRisks: z.array(
      z.object({ areaName: z.string(), pmName: z.string(), text: z.string(), index: z.number().int() }),
    ),
  }),
  areas: z.array(
    z.object({
      areaName: z.string(),
      pmName: z.string(),
      status: z.enum(['submitted', 'missing', 'absent']),
      late: z.boolean(),
      update: ZUpdateBullets.nullable(),
      /** Why the PM is absent ("on leave"); versions published before reasons were shown have none. */
      absentReason: z.string().nullable().optional(),
    }),
  ),
});
export type TWeeklyUpdateJson = z.infer<typeof ZWeeklyUpdateJson>;

/** Publishing: a correction (a week already published) says what it changes, for readers. */
export const ZPublishBody = z.strictObject({
  note: z.string().trim().max(500, 'at most 500 characters').optional(),
});

export const ZPublishCheckArea = z.object({
  areaId: ZId,
  areaName: z.string(),
  pmName: z.string().nullable(),
  /** Why the PM is absent, for absent areas. */
  reason: z.string().nullable(),
});
export type TPublishCheckArea = z.infer<typeof ZPublishCheckArea>;

/** What publishing now would do: who is still missing, who is away, who gets it. */
export const ZPublishCheck = z.object({
  week: z.string(),
  /** The week already has a published version: publishing again is a correction and needs a note. */
  correction: z.boolean(),
  /** The version publishing now would create. */
  nextVersion: z.number().int(),
  submitted: z.number().int(),
  /** Areas with no submission and no absence: named once, on one line, in the published update. */
  missing: z.array(ZPublishCheckArea),
  /** Areas Product Ops marked absent, with the reason the update will show. */
  absent: z.array(ZPublishCheckArea),
  /** How many deliveries publishing queues: people (inbox, email, Slack DM) and channels. */
  recipients: z.object({ people: z.number().int(), channels: z.number().int() }),
});
export type TPublishCheck = z.infer<typeof ZPublishCheck>;

/** One published version of a week's update. */
export const ZUpdateArtifact = z.object({
  week: z.string(),
  version: z.number().int(),
  title: z.string(),
  publishedAt: z.string(),
  changes: z.array(z.string()),
  json: ZWeeklyUpdateJson,
  markdown: z.string(),
});
export type TUpdateArtifact = z.infer<typeof ZUpdateArtifact>;

export const FOLLOW_UP_STATUSES = ['open', 'closed'] as const;
export const ZFollowUp = z.object({
  id: ZId,
  /** Where it came from: "weekly_update:2026-W47". */
  source: z.string(),
  /** Null when it is about no one area (a roadmap review's action item) or the area was deleted. */
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  title: z.string(),
  assigneeIds: z.array(ZId),
  status: z.enum(FOLLOW_UP_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type TFollowUp = z.infer<typeof ZFollowUp>;
export const ZFollowUpList = z.object({ items: z.array(ZFollowUp) });
export type TFollowUpList = z.infer<typeof ZFollowUpList>;
