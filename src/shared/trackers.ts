import { z } from 'zod';
import { ZId } from './common.ts';

/**
 * Tracker connections (issue 18): an org connects an issue tracker with a token; a release or roadmap item is
 * linked to a piece of tracked work there (GitHub: a repository's milestone), whose progress, state and due date
 * are pulled in: GitHub (a milestone), Jira Cloud (an epic or a fix version) and Linear (a project).
 */
export const TRACKER_KINDS = ['github', 'jira', 'linear'] as const;
export type TTrackerKind = (typeof TRACKER_KINDS)[number];
export const TRACKER_LABELS: Record<TTrackerKind, string> = {
  github: 'GitHub',
  jira: 'Jira',
  linear: 'Linear',
};

/** What a link hangs on in prodops. */
export const TRACKER_SUBJECTS = ['release', 'roadmap_item'] as const;
export type TTrackerSubject = (typeof TRACKER_SUBJECTS)[number];

/** How the tracker and prodops can disagree: the tracker's due date, or it says the work is done. */
export const TRACKER_DIFFERENCE_KINDS = ['due_date', 'tracker_done'] as const;
export type TTrackerDifferenceKind = (typeof TRACKER_DIFFERENCE_KINDS)[number];

export const ZLabel = z.string().trim().min(1).max(50);
export const ZHttpUrl = z
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

/**
 * Setting the Jira Cloud connection: the site (https://acme.atlassian.net), the token as `email:API token` (sent
 * as Basic auth), the secret Jira's webhook carries (`?secret=` on its URL, or an X-Prodops-Secret header: Jira
 * Cloud's admin webhooks are not signed), the issue type meaning a bug and the label meaning customer feedback.
 */
export const ZJiraConnectionInput = z.strictObject({
  apiUrl: ZHttpUrl.optional(),
  token: z
    .string()
    .trim()
    .regex(/^[^\s:@]+@[^\s:]+:\S{8,}$/, 'must be email:API token (the Atlassian account and its API token)')
    .max(500)
    .nullable()
    .optional(),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500).nullable().optional(),
  /** The issue type that is a bug (Jira's "Bug"). */
  bugLabel: ZLabel.optional(),
  feedbackLabel: ZLabel.optional(),
});
export type TJiraConnectionInput = z.infer<typeof ZJiraConnectionInput>;

/**
 * Setting the Linear connection: the GraphQL endpoint (https://api.linear.app/graphql by default), a personal API
 * key, the webhook's signing secret, and the labels meaning a bug and customer feedback.
 */
export const ZLinearConnectionInput = z.strictObject({
  apiUrl: ZHttpUrl.optional(),
  token: z.string().trim().min(8, 'is too short for a Linear API key').max(500).nullable().optional(),
  webhookSecret: z.string().min(8, 'must be at least 8 characters').max(500).nullable().optional(),
  bugLabel: ZLabel.optional(),
  feedbackLabel: ZLabel.optional(),
});
export type TLinearConnectionInput = z.infer<typeof ZLinearConnectionInput>;

/** The connection as the API shows it: secrets only as set or not (Jira: bugLabel is the bug issue type). */
export const ZTrackerConnection = z.object({
  kind: z.enum(TRACKER_KINDS),
  /** Set up (from Settings, the API or the org file): it can be synced and linked to. */
  connected: z.boolean(),
  apiUrl: z.string(),
  token: z.enum(['set', 'not set']),
  webhookSecret: z.enum(['set', 'not set']),
  bugLabel: z.string(),
  feedbackLabel: z.string(),
  /** Where the tracker posts its webhooks (GitHub: issues and milestone events; Jira: issue created / updated). */
  webhookPath: z.string(),
  lastSyncAt: z.string().nullable(),
  lastSyncError: z.string().nullable(),
});
export type TTrackerConnection = z.infer<typeof ZTrackerConnection>;

/** GET /integrations/{kind}: the connection and whether the reader may change it (Settings → Trackers). */
export const ZTrackerConnectionReply = ZTrackerConnection.extend({
  permissions: z.object({ update: z.boolean() }),
});
export type TTrackerConnectionReply = z.infer<typeof ZTrackerConnectionReply>;

/** "owner/name", as GitHub spells a repository. */
export const ZRepo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/, 'must be owner/name (a GitHub repository)');

/** A Jira issue key, as "ED-12". */
export const ZJiraKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}$/, 'must be a Jira issue key, as ED-12');

/**
 * What to link to: a GitHub milestone (`repo` + `milestone`, the kind may be left out), a Jira epic (`epic`, its
 * key), a Jira fix version (`fixVersion`, its id) or a Linear project (`project`, its id). The fields the kind
 * needs are required.
 */
export const ZTrackerLinkInput = z
  .strictObject({
    kind: z.enum(TRACKER_KINDS).default('github'),
    repo: ZRepo.optional(),
    milestone: z.number({ message: 'must be a milestone number' }).int().min(1).max(1_000_000).optional(),
    epic: ZJiraKey.optional(),
    fixVersion: z
      .string()
      .trim()
      .regex(/^[1-9][0-9]{0,17}$/, 'must be a Jira version id')
      .optional(),
    /** A Linear project's id (a UUID). */
    project: z.uuid({ message: 'must be a Linear project id' }).optional(),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v, message: string) => {
      if (v[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.kind === 'github') {
      need('repo', 'is required for a GitHub milestone');
      need('milestone', 'is required for a GitHub milestone');
    } else if (v.kind === 'linear') {
      need('project', 'is required for a Linear project');
    } else if (v.epic === undefined && v.fixVersion === undefined) {
      ctx.addIssue({ code: 'custom', path: ['epic'], message: 'give a Jira epic key or a fixVersion id' });
    } else if (v.epic !== undefined && v.fixVersion !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fixVersion'],
        message: 'link to an epic or a version, not both',
      });
    }
  });
export type TTrackerLinkInput = z.input<typeof ZTrackerLinkInput>;
export type TTrackerLinkParsed = z.output<typeof ZTrackerLinkInput>;

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
      /** What it is linked to, in words: "GitHub milestone acme/billing #7", "Jira epic ED-12". */
      target: z.string(),
      /** GitHub: the repository; Jira: "epic" or "version"; Linear: "project". */
      repo: z.string(),
      /** The milestone number, epic key, version id or project id. */
      ref: z.string(),
      /** GitHub's milestone number (null for other kinds). */
      milestone: z.number().int().nullable(),
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
