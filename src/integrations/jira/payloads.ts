import { z } from 'zod';

/**
 * The parts of Jira Cloud's REST v3 and webhook payloads prodops reads (developer.atlassian.com: "Issue search"
 * GET /rest/api/3/search/jql, "Issues" GET /rest/api/3/issue/{key}, "Project versions" GET
 * /rest/api/3/version/{id}, "Webhooks": jira:issue_created / jira:issue_updated). Loose: Jira sends much more.
 */
const ZNamed = z.looseObject({ name: z.string() });

export const ZJiraIssue = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z.looseObject({
    summary: z.string(),
    /** v3 sends Atlassian Document Format; only its text is read. */
    description: z.unknown().optional(),
    issuetype: ZNamed.nullable().optional(),
    status: z
      .looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string() }) })
      .nullable()
      .optional(),
    labels: z.array(z.string()).default([]),
    created: z.string(),
    resolutiondate: z.string().nullable().optional(),
    /** A calendar day, YYYY-MM-DD. */
    duedate: z.string().nullable().optional(),
    parent: z.looseObject({ key: z.string() }).nullable().optional(),
    fixVersions: z.array(z.looseObject({ id: z.string() })).default([]),
    project: z.looseObject({ key: z.string() }).optional(),
  }),
});
export type JiraIssue = z.infer<typeof ZJiraIssue>;

/** A page of GET /rest/api/3/search/jql: the next page's token until the last page (isLast, or no token). */
export const ZJiraSearchPage = z.looseObject({
  issues: z.array(ZJiraIssue).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

export const ZJiraVersion = z.looseObject({
  id: z.string(),
  name: z.string(),
  self: z.string().optional(),
  released: z.boolean().default(false),
  archived: z.boolean().optional(),
  /** A calendar day, YYYY-MM-DD. */
  releaseDate: z.string().nullable().optional(),
  projectId: z.number().optional(),
});
export type JiraVersion = z.infer<typeof ZJiraVersion>;

/** The webhook events prodops applies; any other event is acknowledged and ignored. */
export const JIRA_ISSUE_EVENTS = ['jira:issue_created', 'jira:issue_updated'] as const;
export const ZJiraIssueEvent = z.looseObject({
  timestamp: z.number(),
  webhookEvent: z.string(),
  issue: ZJiraIssue,
});

export const isDone = (issue: JiraIssue): boolean => issue.fields.status?.statusCategory.key === 'done';

/** An issue's browse address on its site (the REST `self` is not for people). */
export const browseUrl = (site: string, key: string): string =>
  `${site.replace(/\/+$/, '')}/browse/${encodeURIComponent(key)}`;

/** The plain text of an Atlassian Document Format value (its text nodes, paragraphs on their own lines). */
export function adfText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (!doc || typeof doc !== 'object') return '';
  const node = doc as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof node.text === 'string') return node.text;
  const parts = Array.isArray(node.content) ? node.content.map(adfText) : [];
  return parts.join(node.type === 'doc' ? '\n' : '').trim();
}
