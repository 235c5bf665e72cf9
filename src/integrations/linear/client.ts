import { truncate } from '../text.ts';
import { type RetryOptions, retryRules, TRACKER_TIMEOUT_MS } from '../tracker-retry.ts';
import { type LinearIssue, ZGraphqlAnswer } from './payloads.ts';

export const LINEAR_API_URL = 'https://api.linear.app/graphql';
const MAX_PAGES = 200;

/** A request Linear refused or could not answer; the message never holds the key. */
export class LinearError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'LinearError';
  }
}

export interface LinearClientOptions extends RetryOptions {
  apiUrl: string;
  /** A personal API key, sent as the Authorization header itself. */
  token: string | null;
}

const PROJECT = `query Project($id: String!) {
  project(id: $id) { id name url targetDate state progress }
}`;
const PROJECT_ISSUES = `query ProjectIssues($id: String!, $after: String) {
  project(id: $id) {
    id name url targetDate state progress
    issues(first: 100, after: $after) {
      nodes { id identifier title description url state { type } labels { nodes { name } } createdAt completedAt canceledAt }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * Linear's GraphQL API, the reads prodops makes: a project (target date, state) and its issues 100 at a time
 * following pageInfo.endCursor. Rate limits as Linear documents them: a 429 (or a RATELIMITED error) waits
 * Retry-After, else until X-RateLimit-Requests-Reset (ms since the epoch); an answer saying no requests remain
 * makes the next request wait for that reset. Every retry is bounded.
 */
export function linearClient(o: LinearClientOptions) {
  const rules = retryRules(o, 'Linear', (message, status) => new LinearError(message, status));
  let resetAt: number | null = null;

  const resetOf = (res: Response) => {
    const reset = Number(res.headers.get('x-ratelimit-requests-reset'));
    return res.headers.get('x-ratelimit-requests-reset') !== null && Number.isFinite(reset) ? reset : null;
  };
  const waitMs = (res: Response, attempt: number): number => {
    const after = rules.retryAfterMs(res);
    if (after !== null) return after;
    const reset = resetOf(res);
    if (reset !== null) return Math.max(0, reset - o.clock.now().getTime());
    return 1000 * 2 ** (attempt + 2);
  };
  const wait = rules.wait;

  async function post(query: string, variables: Record<string, unknown>) {
    for (let attempt = 0; ; attempt++) {
      if (resetAt !== null) {
        const ms = resetAt - o.clock.now().getTime();
        resetAt = null;
        if (ms > 0) await wait(ms, 'Linear rate limit spent');
      }
      let res: Response;
      try {
        res = await rules.fetch(o.apiUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(o.token ? { authorization: o.token } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(TRACKER_TIMEOUT_MS),
        });
      } catch (err) {
        if (attempt >= rules.networkRetries || rules.refused(err)) throw rules.unreachable(err);
        await wait(1000 * 2 ** attempt, 'Linear unreachable');
        continue;
      }
      const text = await res.text();
      const answer = ZGraphqlAnswer.safeParse(safeJson(text));
      const limited =
        res.status === 429 ||
        (answer.success && answer.data.errors?.some((e) => e.extensions?.code === 'RATELIMITED') === true);
      if (limited || res.status >= 500) {
        if (attempt >= rules.maxRetries)
          throw new LinearError(
            limited ? 'Linear rate limit: still limited after retries' : `Linear answered ${res.status}`,
            res.status,
          );
        await wait(limited ? waitMs(res, attempt) : 1000 * 2 ** attempt, 'Linear rate limit');
        continue;
      }
      if (res.headers.get('x-ratelimit-requests-remaining') === '0') resetAt = resetOf(res);
      if (!res.ok || !answer.success || answer.data.errors?.length)
        throw new LinearError(
          `Linear answered ${res.status}: ${truncate(answer.success ? (answer.data.errors?.map((e) => e.message).join('; ') ?? text) : text, 200) || 'no body'}`,
          res.status,
        );
      const project = answer.data.data?.project;
      if (!project) throw new LinearError('Linear answered 200: no such project', 404);
      return project;
    }
  }

  return {
    async project(id: string) {
      return post(PROJECT, { id });
    },
    /** Every issue of the project, a page of 100 at a time, until pageInfo says there is none after. */
    async *issues(id: string): AsyncGenerator<LinearIssue[]> {
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const { issues } = await post(PROJECT_ISSUES, { id, after });
        if (!issues) throw new LinearError('Linear answered 200 without the project’s issues', 200);
        yield issues.nodes;
        if (!issues.pageInfo.hasNextPage || !issues.pageInfo.endCursor) return;
        after = issues.pageInfo.endCursor;
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
