import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { linearSignature } from '../src/integrations/linear/signature.ts';

/** Linear's documented shapes (linear.app/developers: a project, an Issue webhook delivery), as recorded. */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/linear/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
export const PROJECT_EXAMPLE = fixture('project');
export const ISSUE_WEBHOOK_EXAMPLE = fixture('issue-webhook');

export interface FakeLinearIssue {
  id: string;
  identifier: string;
  title: string;
  description: string | null;
  url: string;
  state: { type: string };
  labels: string[];
  projectId: string | null;
  createdAt: string;
  completedAt: string | null;
  canceledAt: string | null;
}

/**
 * A local server answering the Linear GraphQL requests prodops makes (POST /graphql: the Project and
 * ProjectIssues queries), in Linear's shapes: a project and its issues paginated with first/after and
 * pageInfo { hasNextPage endCursor }. Every answer carries X-RateLimit-Requests-* headers; `limitNext` makes the
 * next requests 429 with the headers a test gives.
 */
export async function startLinearPeer() {
  const projects = new Map<string, Record<string, unknown>>();
  const issues: FakeLinearIssue[] = [];
  const requests: { operation: string; variables: Record<string, unknown>; authorization?: string }[] = [];
  const limited: Record<string, string>[] = [];
  let n = 0;

  const node = (i: FakeLinearIssue) => ({ ...i, labels: { nodes: i.labels.map((name) => ({ name })) } });

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables: Record<string, unknown>;
    };
    const operation = /query (\w+)/.exec(body.query)?.[1] ?? '';
    requests.push({ operation, variables: body.variables, authorization: req.headers.authorization });
    const rate = {
      'x-ratelimit-requests-limit': '1500',
      'x-ratelimit-requests-remaining': '1499',
      'x-ratelimit-requests-reset': String(Date.parse('2030-01-01T00:00:00Z')),
    };
    const json = (status: number, b: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rate, ...headers })
        .end(JSON.stringify(b));
    const limit = limited.shift();
    if (limit)
      return json(
        429,
        { errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATELIMITED' } }] },
        limit,
      );
    const project = projects.get(String(body.variables.id));
    if (!project)
      return json(200, {
        data: null,
        errors: [{ message: 'Entity not found: Project', extensions: { code: 'INVALID_INPUT' } }],
      });
    if (operation !== 'ProjectIssues') return json(200, { data: { project } });
    const mine = issues.filter((i) => i.projectId === project.id);
    const start = body.variables.after ? Number(body.variables.after) : 0;
    const page = mine.slice(start, start + 100);
    const more = start + 100 < mine.length;
    return json(200, {
      data: {
        project: {
          ...project,
          issues: {
            nodes: page.map(node),
            pageInfo: { hasNextPage: more, endCursor: page.length ? String(start + page.length) : null },
          },
        },
      },
    });
  };

  const server = createServer((req, res) => void handler(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${base}/graphql`,
    requests,
    project(id: string, over: { targetDate?: string | null; state?: string; name?: string } = {}) {
      const p = { ...PROJECT_EXAMPLE, ...projects.get(id), id, ...over };
      projects.set(id, p);
      return p;
    },
    issue(
      projectId: string | null,
      o: { labels?: string[]; done?: boolean; title?: string } = {},
    ): FakeLinearIssue {
      n += 1;
      const issue: FakeLinearIssue = {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        identifier: `ENG-${n}`,
        title: o.title ?? `Issue ${n}`,
        description: null,
        url: `https://linear.app/company/issue/ENG-${n}`,
        state: { type: o.done ? 'completed' : 'unstarted' },
        labels: o.labels ?? [],
        projectId,
        createdAt: '2026-11-20T10:00:00.000Z',
        completedAt: o.done ? '2026-12-01T10:00:00.000Z' : null,
        canceledAt: null,
      };
      issues.push(issue);
      return issue;
    },
    close(issue: FakeLinearIssue) {
      issue.state = { type: 'completed' };
      issue.completedAt = '2026-12-02T10:00:00.000Z';
    },
    /** An Issue or Project delivery as Linear sends it (the documented example around the data). */
    delivery(type: 'Issue' | 'Project', data: unknown, webhookTimestamp: number) {
      const d =
        type === 'Issue'
          ? {
              ...(ISSUE_WEBHOOK_EXAMPLE.data as object),
              ...(data as FakeLinearIssue),
              labels: (data as FakeLinearIssue).labels.map((name) => ({ name })),
            }
          : data;
      return { ...ISSUE_WEBHOOK_EXAMPLE, type, data: d, webhookTimestamp };
    },
    limitNext(...headers: Record<string, string>[]) {
      limited.push(...headers);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers of a delivery signed as Linear signs it. */
export function linearDelivery(body: string, secret: string, deliveryId: string) {
  return {
    'content-type': 'application/json; charset=utf-8',
    'linear-delivery': deliveryId,
    'linear-event': 'Issue',
    'linear-signature': linearSignature(secret, body),
    'user-agent': 'Linear-Webhook',
  };
}
