import type { trackerLinks } from '../../db/schema/index.ts';
import { type GithubClientOptions, GithubError, githubClient } from '../../integrations/github/client.ts';
import { dueDay, type GithubIssue, labelNames } from '../../integrations/github/payloads.ts';
import { JiraError, jiraClient, jqlString } from '../../integrations/jira/client.ts';
import { adfText, browseUrl, isDone, type JiraIssue } from '../../integrations/jira/payloads.ts';
import { LinearError, linearClient } from '../../integrations/linear/client.ts';
import { isClosed, type LinearIssue, type LinearIssueData } from '../../integrations/linear/payloads.ts';
import type { PrivateAllowance } from '../../integrations/net/outbound-guard.ts';
import type { Clock } from '../../shared/clock.ts';
import type { PulledTarget, TrackedIssue } from './apply.ts';
import type { ConnectionRow } from './connection.ts';

type LinkRow = typeof trackerLinks.$inferSelect;

/** How a sync reaches a tracker: its clock and, for tests, how it waits and fetches. */
export interface ClientDeps {
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** PRODOPS_WEBHOOK_ALLOW_PRIVATE: private hosts/ranges the tracker may be on (none by default). */
  allowPrivate?: PrivateAllowance;
  retries?: Pick<GithubClientOptions, 'maxRetries' | 'maxWaitMs' | 'networkRetries'>;
}

/**
 * One tracker kind as the sync sees it: a link's target (a milestone's counts are GitHub's; without counts they
 * are counted from the target's issues), the issues in it, and where the org-wide pass looks for bugs and
 * feedback (a GitHub repository, a Jira project).
 */
export interface TrackerAdapter {
  target(link: LinkRow): Promise<Omit<PulledTarget, 'openIssues' | 'closedIssues'> & Partial<PulledTarget>>;
  issuesOf(link: LinkRow): AsyncIterable<TrackedIssue[]>;
  scopeOf(link: LinkRow): string | null;
  /** The org-wide pass over one scope: named parts (for errors) and their pages. */
  labelled(scope: string): { what: string; pages: AsyncIterable<TrackedIssue[]> }[];
}

/** A failure of the tracker's (refused, unreachable, rate limited past the bounds), not of prodops. */
export const isTrackerError = (err: unknown): err is GithubError | JiraError | LinearError =>
  err instanceof GithubError || err instanceof JiraError || err instanceof LinearError;

async function* mapPages<T>(pages: AsyncIterable<T[]>, f: (t: T) => TrackedIssue | null) {
  for await (const page of pages) yield page.flatMap((t) => f(t) ?? []);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A GitHub issue in prodops' terms; pull requests are neither bugs nor feedback. */
export function fromGithubIssue(issue: GithubIssue, conn: ConnectionRow): TrackedIssue {
  const labels = labelNames(issue);
  const plain = !issue.pull_request;
  return {
    kind: 'github',
    externalId: String(issue.id),
    title: issue.title,
    body: issue.body ?? '',
    url: issue.html_url,
    closed: issue.state === 'closed',
    closedAt: issue.closed_at ?? null,
    createdAt: issue.created_at,
    labels,
    isBug: plain && labels.some((l) => same(l, conn.bugLabel)),
    isFeedback: plain && labels.some((l) => same(l, conn.feedbackLabel)),
  };
}

/** A Jira issue in prodops' terms: a bug by issue type, feedback by label, closed in the "done" category. */
export function fromJiraIssue(issue: JiraIssue, conn: ConnectionRow): TrackedIssue {
  const f = issue.fields;
  const iso = (s: string) => new Date(s).toISOString();
  return {
    kind: 'jira',
    externalId: issue.id,
    title: f.summary,
    body: adfText(f.description),
    url: browseUrl(conn.apiUrl, issue.key),
    closed: isDone(issue),
    closedAt: f.resolutiondate ? iso(f.resolutiondate) : null,
    createdAt: iso(f.created),
    labels: f.labels,
    isBug: same(f.issuetype?.name ?? '', conn.bugLabel),
    isFeedback: f.labels.some((l) => same(l, conn.feedbackLabel)),
  };
}

/** A Jira epic as a linked target: its summary, due date and done state. */
export function jiraEpicTarget(epic: JiraIssue, conn: ConnectionRow) {
  return {
    title: epic.fields.summary,
    url: browseUrl(conn.apiUrl, epic.key),
    state: isDone(epic) ? ('closed' as const) : ('open' as const),
    dueOn: epic.fields.duedate ?? null,
  };
}

/** A Linear issue (from the API, or a webhook's data with its labels as a list) in prodops' terms. */
export function fromLinearIssue(issue: LinearIssue | LinearIssueData, conn: ConnectionRow): TrackedIssue {
  const labels = (Array.isArray(issue.labels) ? issue.labels : issue.labels.nodes).map((l) => l.name);
  const closed = isClosed(issue.state.type);
  return {
    kind: 'linear',
    externalId: issue.id,
    title: issue.title,
    body: issue.description ?? '',
    url: issue.url,
    closed,
    closedAt: closed ? (issue.completedAt ?? issue.canceledAt ?? null) : null,
    createdAt: issue.createdAt,
    labels,
    isBug: labels.some((l) => same(l, conn.bugLabel)),
    isFeedback: labels.some((l) => same(l, conn.feedbackLabel)),
  };
}

/** A Linear project as a linked target: its target date, and done once completed. */
export function linearProjectTarget(p: {
  name: string;
  url: string;
  targetDate?: string | null;
  state: string;
}) {
  return {
    title: p.name,
    url: p.url,
    state: p.state === 'completed' ? ('closed' as const) : ('open' as const),
    dueOn: p.targetDate ?? null,
  };
}

function githubAdapter(deps: ClientDeps, conn: ConnectionRow): TrackerAdapter {
  const gh = githubClient({ apiUrl: conn.apiUrl, token: conn.token, ...clientOptions(deps) });
  const issues = (repo: string, q: Record<string, string>) =>
    mapPages(gh.issues(repo, q), (i) => fromGithubIssue(i, conn));
  return {
    async target(link) {
      const m = await gh.milestone(link.repo, Number(link.ref));
      return {
        title: m.title,
        url: m.html_url,
        state: m.state,
        dueOn: dueDay(m.due_on),
        openIssues: m.open_issues,
        closedIssues: m.closed_issues,
      };
    },
    issuesOf: (link) => issues(link.repo, { milestone: link.ref }),
    scopeOf: (link) => link.repo,
    labelled: (repo) =>
      [conn.bugLabel, conn.feedbackLabel].map((label) => ({
        what: `${repo} issues labelled ${label}`,
        pages: issues(repo, { labels: label }),
      })),
  };
}

function jiraAdapter(deps: ClientDeps, conn: ConnectionRow): TrackerAdapter {
  const jira = jiraClient({ apiUrl: conn.apiUrl, token: conn.token, ...clientOptions(deps) });
  const search = (jql: string) => mapPages(jira.search(jql), (i) => fromJiraIssue(i, conn));
  // A version's project (its id) as pulled in this run: the org-wide pass covers it too.
  const versionProjects = new Map<string, string>();
  return {
    async target(link) {
      if (link.repo === 'epic') return jiraEpicTarget(await jira.issue(link.ref), conn);
      const v = await jira.version(link.ref);
      if (v.projectId !== undefined) versionProjects.set(link.ref, String(v.projectId));
      return {
        title: v.name,
        url: null,
        state: v.released ? 'closed' : 'open',
        dueOn: v.releaseDate ?? null,
      };
    },
    issuesOf: (link) =>
      search(
        link.repo === 'epic' ? `parent = ${link.ref} ORDER BY key` : `fixVersion = ${link.ref} ORDER BY key`,
      ),
    // An epic's project is its key's prefix; a version's is the id its pull gave (none if it failed).
    scopeOf: (link) =>
      link.repo === 'epic' ? (link.ref.split('-')[0] ?? null) : (versionProjects.get(link.ref) ?? null),
    labelled: (project) => [
      {
        what: `Jira project ${project}: bugs and customer feedback`,
        pages: search(
          `project = ${jqlString(project)} AND (issuetype = ${jqlString(conn.bugLabel)} OR labels = ${jqlString(conn.feedbackLabel)}) ORDER BY key`,
        ),
      },
    ],
  };
}

function linearAdapter(deps: ClientDeps, conn: ConnectionRow): TrackerAdapter {
  const linear = linearClient({ apiUrl: conn.apiUrl, token: conn.token, ...clientOptions(deps) });
  return {
    target: async (link) => linearProjectTarget(await linear.project(link.ref)),
    issuesOf: (link) => mapPages(linear.issues(link.ref), (i) => fromLinearIssue(i, conn)),
    // A project's issues are all pulled with its link: there is no wider pass.
    scopeOf: () => null,
    labelled: () => [],
  };
}

function clientOptions(deps: ClientDeps) {
  return {
    clock: deps.clock,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.allowPrivate ? { allowPrivate: deps.allowPrivate } : {}),
    ...deps.retries,
  };
}

export function adapterFor(deps: ClientDeps, conn: ConnectionRow): TrackerAdapter {
  if (conn.kind === 'jira') return jiraAdapter(deps, conn);
  if (conn.kind === 'linear') return linearAdapter(deps, conn);
  return githubAdapter(deps, conn);
}
