import { z } from 'zod';
import { ZId } from './common.ts';

/**
 * Tracker connections (issue 18): an org connects an issue tracker with a token; a release or roadmap item is
 * linked to a piece of tracked work there (GitHub: a repository's milestone), whose progress, state and due date
 * are pulled in. GitHub first; Jira (an epic) and Linear (a project) plug in as further kinds with their own ref.
 */
export const TRACKER_KINDS = ['github'] as const;
export type TTrackerKind = (typeof TRACKER_KINDS)[number];
export const TRACKER_LABELS: Record<TTrackerKind, string> = { github: 'GitHub' };

/** What a link hangs on in prodops. */
export const TRACKER_SUBJECTS = ['release', 'roadmap_item'] as const;
export type TTrackerSubject = (typeof TRACKER_SUBJECTS)[number];

/** How the tracker and prodops can disagree: the tracker's due date, or it says the work is done. */
export const TRACKER_DIFFERENCE_KINDS = ['due_date', 'tracker_done'] as const;
export type TTrackerDifferenceKind = (typeof TRACKER_DIFFERENCE_KINDS)[number];

const ZLabel = z.string().trim().min(1).max(50);
const ZHttpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(500)
  .transform((u) => u.replace(/\/+$/, ''));

/** Setting the GitHub connection: secrets are write-only; a field left out keeps its value. */
export const ZGithubConnectionInput = z.strictObject({
  /** The REST API's base (GitHub Enterprise Server: https://HOST/api/v3). */
  apiUrl: ZHttpUrl.optional(),
  /** A token that may read the linked repositories' issues and milestones; null removes it. */
  token: z.string().trim().min(8, 'is too short for a GitHub token').max(500).nullable().optional(),
  /** The webhook's secret as set on GitHub; null removes it (the receiver then refuses every delivery). */
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500).nullable().optional(),
  bugLabel: ZLabel.optional(),
  feedbackLabel: ZLabel.optional(),
});
export type TGithubConnectionInput = z.infer<typeof ZGithubConnectionInput>;

/** The connection as the API shows it: secrets only as set or not. */
export const ZGithubConnection = z.object({
  kind: z.literal('github'),
  apiUrl: z.string(),
  token: z.enum(['set', 'not set']),
  webhookSecret: z.enum(['set', 'not set']),
  bugLabel: z.string(),
  feedbackLabel: z.string(),
  /** Where GitHub posts its webhooks (issues and milestone events). */
  webhookPath: z.string(),
  lastSyncAt: z.string().nullable(),
  lastSyncError: z.string().nullable(),
});
export type TGithubConnection = z.infer<typeof ZGithubConnection>;

/** "owner/name", as GitHub spells a repository. */
export const ZRepo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, 'must be owner/name (a GitHub repository)');

export const ZTrackerLinkInput = z.strictObject({
  repo: ZRepo,
  milestone: z.number({ message: 'must be a milestone number' }).int().min(1).max(1_000_000),
});
export type TTrackerLinkInput = z.infer<typeof ZTrackerLinkInput>;

export const ZTrackerDifference = z.object({
  id: ZId,
  kind: z.enum(TRACKER_DIFFERENCE_KINDS),
  /** In words: "GitHub's due date is 18 Dec 2026; the release's launch date is 15 Dec 2026". */
  text: z.string(),
  trackerValue: z.string(),
  prodopsValue: z.string(),
  detectedAt: z.string(),
  /** The tracker and prodops agree again (the difference stays as history). */
  resolvedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  subject: z.object({ type: z.enum(TRACKER_SUBJECTS), id: ZId, title: z.string() }),
});
export type TTrackerDifference = z.infer<typeof ZTrackerDifference>;

/** A release's or roadmap item's tracker panel: the link, what was pulled last, and the open differences. */
export const ZTrackerPanel = z.object({
  link: z
    .object({
      kind: z.enum(TRACKER_KINDS),
      repo: z.string(),
      milestone: z.number().int(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      state: z.enum(['open', 'closed']).nullable(),
      dueOn: z.string().nullable(),
      openIssues: z.number().int().nullable(),
      closedIssues: z.number().int().nullable(),
      /** "7 of 12 issues closed" */
      progressText: z.string().nullable(),
      pulledAt: z.string().nullable(),
      pullError: z.string().nullable(),
    })
    .nullable(),
  differences: z.array(ZTrackerDifference),
});
export type TTrackerPanel = z.infer<typeof ZTrackerPanel>;

export const ZDifferenceListQuery = z.strictObject({
  /** open: not acknowledged and not resolved (default); all: every one, newest first. */
  state: z.enum(['open', 'all']).default('open'),
});

export const ZSyncResult = z.object({
  links: z.number().int(),
  failed: z.number().int(),
  differences: z.number().int(),
  bugs: z.number().int(),
  feedback: z.number().int(),
  errors: z.array(z.string()),
});
export type TSyncResult = z.infer<typeof ZSyncResult>;
