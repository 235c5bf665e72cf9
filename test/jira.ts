import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Jira Cloud's documented example payloads (developer.atlassian.com: "Get issue", "Get version", the
 * jira:issue_updated webhook), as recorded.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/jira/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
export const ISSUE_EXAMPLE = fixture('issue');
export const VERSION_EXAMPLE = fixture('version');
export const ISSUE_UPDATED_EXAMPLE = fixture('issue-updated');

type Fields = Record<string, unknown> & {
  summary: string;
  issuetype: { name: string };
  status: { name: string; statusCategory: { key: string } };
  labels: string[];
  duedate: string | null;
  resolutiondate: string | null;
  parent: { key: string } | null;
  fixVersions: { id: string }[];
};
export type FakeJiraIssue = Record<string, unknown> & { id: string; key: string; fields: Fields };

const TODO = { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } };
const DONE = { name: 'Done', statusCategory: { key: 'done', name: 'Done' } };

/**
 * A local server answering the Jira Cloud REST v3 requests prodops makes, in Jira's documented shapes: an issue
 * by key, a version by id, and GET /rest/api/3/search/jql for the JQL prodops writes (an epic's children, a fix
 * version's issues, a project's bugs and feedback) paginated with maxResults and nextPageToken (isLast on the last
 * page). `limitNext` makes the next requests 429 with the headers a test gives.
 */
export async function startJiraPeer() {
  const issues: FakeJiraIssue[] = [];
  const versions = new Map<string, Record<string, unknown>>();
  const requests: { path: string; authorization?: string }[] = [];
  const limited: Record<string, string>[] = [];
  let nextId = 20000;

  const matches = (jql: string, i: FakeJiraIssue): boolean => {
    const where = jql.replace(/\s+ORDER BY .*$/i, '');
    let m = /^parent = ([A-Z0-9_]+-\d+)$/.exec(where);
    if (m) return i.fields.parent?.key === m[1];
    m = /^fixVersion = (\d+)$/.exec(where);
    if (m) return i.fields.fixVersions.some((v) => v.id === m?.[1]);
    m = /^project = "([^"]+)" AND \(issuetype = "([^"]+)" OR labels = "([^"]+)"\)$/.exec(where);
    if (m)
      return (
        (i.key.startsWith(`${m[1]}-`) || (i.fields.project as { id?: string } | undefined)?.id === m[1]) &&
        (i.fields.issuetype.name === m[2] || i.fields.labels.includes(m[3] ?? ''))
      );
    throw new Error(`the Jira peer does not know this JQL: ${jql}`);
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers })
        .end(JSON.stringify(body));
    const limit = limited.shift();
    if (limit) return json(429, { errorMessages: ['Rate limit exceeded.'] }, limit);
    const notFound = () =>
      json(404, {
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    let m = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(url.pathname);
    if (m) {
      const issue = issues.find((i) => i.key === decodeURIComponent(m?.[1] ?? ''));
      return issue ? json(200, issue) : notFound();
    }
    m = /^\/rest\/api\/3\/version\/(\d+)$/.exec(url.pathname);
    if (m) {
      const v = versions.get(m[1] ?? '');
      return v ? json(200, v) : notFound();
    }
    if (url.pathname === '/rest/api/3/search/jql') {
      const q = url.searchParams;
      let all: FakeJiraIssue[];
      try {
        all = issues.filter((i) => matches(q.get('jql') ?? '', i));
      } catch (err) {
        return json(400, { errorMessages: [(err as Error).message], errors: {} });
      }
      const size = Math.min(100, Number(q.get('maxResults') ?? 50));
      const start = Number(q.get('nextPageToken') ?? 0);
      const page = all.slice(start, start + size);
      const isLast = start + size >= all.length;
      return json(200, { issues: page, ...(isLast ? {} : { nextPageToken: String(start + size) }), isLast });
    }
    return notFound();
  };

  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const make = (key: string, fields: Partial<Fields>): FakeJiraIssue => {
    nextId += 1;
    const ex = ISSUE_EXAMPLE as { fields: Fields };
    const issue: FakeJiraIssue = {
      ...ISSUE_EXAMPLE,
      id: String(nextId),
      key,
      self: `${base}/rest/api/3/issue/${nextId}`,
      fields: { ...ex.fields, status: TODO, ...fields } as Fields,
    };
    issues.push(issue);
    return issue;
  };
  let nextNumber = 100;

  return {
    url: base,
    requests,
    /** An epic from the documented issue example, with its key, due date and status. */
    epic(key: string, o: { duedate?: string | null; done?: boolean; summary?: string } = {}) {
      const existing = issues.find((i) => i.key === key);
      const epic = existing ?? make(key, { summary: o.summary ?? key, issuetype: { name: 'Epic' } });
      if (o.duedate !== undefined) epic.fields.duedate = o.duedate;
      if (o.done !== undefined) epic.fields.status = o.done ? DONE : TODO;
      if (o.summary) epic.fields.summary = o.summary;
      return epic;
    },
    version(id: string, o: { releaseDate?: string | null; released?: boolean; name?: string } = {}) {
      const v = {
        ...VERSION_EXAMPLE,
        ...versions.get(id),
        id,
        self: `${base}/rest/api/3/version/${id}`,
        ...o,
      };
      versions.set(id, v);
      return v;
    },
    /** An issue in a project (the key's prefix), under an epic or in a fix version, with a type and labels. */
    issue(
      project: string,
      o: {
        epic?: string;
        fixVersion?: string;
        type?: string;
        labels?: string[];
        done?: boolean;
        summary?: string;
      },
    ): FakeJiraIssue {
      nextNumber += 1;
      return make(`${project}-${nextNumber}`, {
        summary: o.summary ?? `${project} issue ${nextNumber}`,
        issuetype: { name: o.type ?? 'Story' },
        labels: o.labels ?? [],
        status: o.done ? DONE : TODO,
        resolutiondate: o.done ? '2026-12-01T10:00:00.000+0000' : null,
        parent: o.epic ? { key: o.epic } : null,
        fixVersions: o.fixVersion ? [{ id: o.fixVersion }] : [],
        // The documented example's project is ED, id 10000; other keys get an id of their own.
        project: { key: project, id: project === 'ED' ? '10000' : `9${project.length}${nextNumber}` },
      });
    },
    close(issue: FakeJiraIssue) {
      issue.fields.status = DONE;
      issue.fields.resolutiondate = '2026-12-02T10:00:00.000+0000';
    },
    /** A webhook body as Jira sends it for this issue (the documented example around it). */
    delivery(issue: FakeJiraIssue, event = 'jira:issue_updated', timestamp = 1764928800000) {
      return { ...ISSUE_UPDATED_EXAMPLE, webhookEvent: event, timestamp, issue };
    },
    limitNext(...headers: Record<string, string>[]) {
      limited.push(...headers);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
