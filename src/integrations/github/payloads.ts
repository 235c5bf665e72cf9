import { z } from 'zod';

/**
 * The parts of GitHub's REST and webhook payloads prodops reads (docs.github.com: "REST API endpoints for
 * milestones / issues", "Webhook events and payloads": issues, milestone). Loose: GitHub sends many more fields.
 */
export const ZGithubMilestone = z.looseObject({
  id: z.number(),
  number: z.number().int(),
  title: z.string(),
  state: z.enum(['open', 'closed']),
  html_url: z.string(),
  open_issues: z.number().int(),
  closed_issues: z.number().int(),
  due_on: z.string().nullable(),
  closed_at: z.string().nullable().optional(),
});
export type GithubMilestone = z.infer<typeof ZGithubMilestone>;

const ZLabel = z.union([z.string(), z.looseObject({ name: z.string().nullable().optional() })]);

/** An issue; a pull request is an issue with `pull_request` (the issues endpoints list both). */
export const ZGithubIssue = z.looseObject({
  id: z.number(),
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']),
  state_reason: z.string().nullable().optional(),
  html_url: z.string(),
  labels: z.array(ZLabel).default([]),
  created_at: z.string(),
  closed_at: z.string().nullable().optional(),
  milestone: ZGithubMilestone.nullable().optional(),
  pull_request: z.looseObject({}).optional(),
});
export type GithubIssue = z.infer<typeof ZGithubIssue>;
export const ZGithubIssues = z.array(ZGithubIssue);

const ZRepository = z.looseObject({ full_name: z.string() });

/** The webhook events prodops applies; any other event is acknowledged and ignored. */
export const ZIssuesEvent = z.looseObject({
  action: z.string(),
  issue: ZGithubIssue,
  repository: ZRepository,
});
export const ZMilestoneEvent = z.looseObject({
  action: z.string(),
  milestone: ZGithubMilestone,
  repository: ZRepository,
});

export const labelNames = (issue: GithubIssue): string[] =>
  issue.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : []));

/** GitHub's due_on is an instant; the due day is its UTC date, as GitHub's own pages show it. */
export const dueDay = (dueOn: string | null): string | null => (dueOn ? dueOn.slice(0, 10) : null);
