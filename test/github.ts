import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubSignature } from '../src/integrations/github/signature.ts';

/** GitHub's documented example payloads (docs.github.com, "Get a milestone", "Get an issue"), as recorded. */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/github/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
export const MILESTONE_EXAMPLE = fixture('milestone');
export const ISSUE_EXAMPLE = fixture('issue');

export type FakeIssue = Record<string, unknown> & {
  id: number;
  number: number;
  state: 'open' | 'closed';
  labels: { name: string }[];
  milestone: Record<string, unknown> | null;
};

/**
 * A local server answering the GitHub REST requests prodops makes, in GitHub's documented shapes: a milestone
 * (its issue counts computed from its issues, as GitHub's are), and a repository's issues filtered by milestone,
 * labels and state, paginated with per_page/page and a Link header (rel next/last/prev/first). Every answer
 * carries the x-ratelimit-* headers; `limitNext` makes the next requests 429 with the headers a test gives.
 */
export async function startGithubPeer() {
  const milestones = new Map<string, Record<string, unknown>>();
  const issues = new Map<string, FakeIssue[]>();
  const requests: { path: string; authorization?: string }[] = [];
  const limited: Record<string, string>[] = [];
  let nextId = 5000;

  const milestoneView = (repo: string, number: number) => {
    const m = milestones.get(`${repo}#${number}`);
    if (!m) return null;
    const mine = (issues.get(repo) ?? []).filter((i) => i.milestone?.number === number);
    return {
      ...m,
      open_issues: mine.filter((i) => i.state === 'open').length,
      closed_issues: mine.filter((i) => i.state === 'closed').length,
    };
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization });
    const rate = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.parse('2030-01-01T00:00:00Z') / 1000)),
      'x-ratelimit-used': '1',
      'x-ratelimit-resource': 'core',
    };
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rate, ...headers })
        .end(JSON.stringify(body));
    const limit = limited.shift();
    if (limit) {
      json(
        429,
        { message: 'API rate limit exceeded', documentation_url: 'https://docs.github.com/rest' },
        limit,
      );
      return;
    }
    const notFound = () =>
      json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    const m = /^\/repos\/([^/]+)\/([^/]+)\/(milestones\/(\d+)|issues)$/.exec(url.pathname);
    if (!m) return notFound();
    const repo = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
    if (m[4]) {
      const view = milestoneView(repo, Number(m[4]));
      return view ? json(200, view) : notFound();
    }
    const q = url.searchParams;
    const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
    const state = q.get('state') ?? 'open';
    const all = (issues.get(repo) ?? []).filter(
      (i) =>
        (state === 'all' || i.state === state) &&
        (!q.get('milestone') || String(i.milestone?.number) === q.get('milestone')) &&
        labels.every((l) => i.labels.some((x) => x.name === l)),
    );
    const perPage = Math.min(100, Number(q.get('per_page') ?? 30));
    const page = Number(q.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const at = (p: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      return u.toString();
    };
    const rels = [
      ...(page < last ? [`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`] : []),
      ...(page > 1 ? [`<${at(page - 1)}>; rel="prev"`, `<${at(1)}>; rel="first"`] : []),
    ];
    const body = all.slice((page - 1) * perPage, page * perPage).map((i) => ({
      ...i,
      milestone: i.milestone ? milestoneView(repo, Number(i.milestone.number)) : null,
    }));
    json(200, body, rels.length ? { link: rels.join(', ') } : {});
  };

  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    /** A milestone from the documented example, with its repo, number, due date and state. */
    milestone(
      repo: string,
      number: number,
      over: { due_on?: string | null; state?: 'open' | 'closed'; title?: string } = {},
    ) {
      const key = `${repo}#${number}`;
      milestones.set(key, {
        ...MILESTONE_EXAMPLE,
        ...milestones.get(key),
        number,
        id: 1_000_000 + number,
        html_url: `https://github.com/${repo}/milestone/${number}`,
        ...over,
      });
      return milestoneView(repo, number)!;
    },
    /** An issue from the documented example, in a milestone (or none), with labels. */
    issue(
      repo: string,
      o: {
        milestone?: number;
        labels?: string[];
        state?: 'open' | 'closed';
        title?: string;
        pr?: boolean;
        created_at?: string;
      },
    ): FakeIssue {
      nextId += 1;
      const issue: FakeIssue = {
        ...ISSUE_EXAMPLE,
        id: nextId,
        number: nextId,
        title: o.title ?? `Issue ${nextId}`,
        html_url: `https://github.com/${repo}/issues/${nextId}`,
        state: o.state ?? 'open',
        closed_at: o.state === 'closed' ? '2026-12-01T10:00:00Z' : null,
        created_at: o.created_at ?? '2026-11-20T10:00:00Z',
        labels: (o.labels ?? []).map((name) => ({ name, color: 'f29513', default: false })),
        milestone: o.milestone ? { number: o.milestone } : null,
        ...(o.pr ? { pull_request: { url: `https://api.github.com/repos/${repo}/pulls/${nextId}` } } : {}),
      };
      issues.set(repo, [...(issues.get(repo) ?? []), issue]);
      return issue;
    },
    close(issue: FakeIssue) {
      issue.state = 'closed';
      issue.closed_at = '2026-12-02T10:00:00Z';
    },
    /** The issue as GitHub would put it in a webhook payload (its milestone with current counts). */
    issuePayload(repo: string, issue: FakeIssue) {
      return {
        ...issue,
        milestone: issue.milestone ? milestoneView(repo, Number(issue.milestone.number)) : null,
      };
    },
    milestoneView,
    /** The next requests are answered 429 with these headers, one entry per request. */
    limitNext(...headers: Record<string, string>[]) {
      limited.push(...headers);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers of a webhook delivery signed as GitHub signs it. */
export function githubDelivery(body: string, secret: string, event: string, deliveryId: string) {
  return {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-hub-signature-256': githubSignature(secret, body),
    'user-agent': 'GitHub-Hookshot/044aadd',
  };
}
