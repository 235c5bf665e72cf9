import { z } from 'zod';

/**
 * The parts of Linear's GraphQL answers and webhook payloads prodops reads (linear.app/developers: "GraphQL API",
 * "Pagination", "Webhooks"). Loose: Linear sends more. An issue's workflow state type is one of triage, backlog,
 * unstarted, started, completed, canceled.
 */
const ZStateType = z.looseObject({ type: z.string() });

export const ZLinearIssue = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  description: z.string().nullable().optional(),
  url: z.string(),
  state: ZStateType,
  labels: z.looseObject({ nodes: z.array(z.looseObject({ name: z.string() })) }),
  createdAt: z.string(),
  completedAt: z.string().nullable().optional(),
  canceledAt: z.string().nullable().optional(),
});
export type LinearIssue = z.infer<typeof ZLinearIssue>;

const ZPageInfo = z.looseObject({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

export const ZLinearProject = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** A calendar day, YYYY-MM-DD. */
  targetDate: z.string().nullable().optional(),
  /** backlog, planned, started, paused, completed, canceled */
  state: z.string(),
  progress: z.number().optional(),
  issues: z.looseObject({ nodes: z.array(ZLinearIssue), pageInfo: ZPageInfo }).optional(),
});

/** A GraphQL answer: data, or errors (a rate limit is one, with extensions.code RATELIMITED). */
export const ZGraphqlAnswer = z.looseObject({
  data: z.looseObject({ project: ZLinearProject.nullable() }).nullable().optional(),
  errors: z
    .array(
      z.looseObject({
        message: z.string(),
        extensions: z.looseObject({ code: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export const isClosed = (stateType: string) => stateType === 'completed' || stateType === 'canceled';

/** A webhook's issue: labels come as a list, not a connection. */
export const ZLinearIssueData = z.looseObject({
  id: z.string(),
  identifier: z.string(),
  title: z.string(),
  description: z.string().nullable().optional(),
  url: z.string(),
  state: ZStateType,
  labels: z.array(z.looseObject({ name: z.string() })).default([]),
  projectId: z.string().nullable().optional(),
  createdAt: z.string(),
  completedAt: z.string().nullable().optional(),
  canceledAt: z.string().nullable().optional(),
});
export type LinearIssueData = z.infer<typeof ZLinearIssueData>;

export const ZLinearProjectData = z.looseObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  targetDate: z.string().nullable().optional(),
  state: z.string(),
});

/** What every delivery carries; `data` is read by `type` (Issue, Project; others acknowledged). */
export const ZLinearEnvelope = z.looseObject({
  action: z.string(),
  type: z.string(),
  data: z.unknown(),
  webhookTimestamp: z.number(),
});
