import type { Clock } from '../../shared/clock.ts';
import { truncate } from '../text.ts';
import { nextPageUrl } from './link-header.ts';
import { type GithubIssue, type GithubMilestone, ZGithubIssues, ZGithubMilestone } from './payloads.ts';

export const GITHUB_API_URL = 'https://api.github.com';
const TIMEOUT_MS = 15_000;
/** A page is 100 issues (GitHub's maximum); a runaway pagination stops here. */
const MAX_PAGES = 200;

/** A request the tracker refused or could not answer; the message never holds the token. */
export class GithubError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GithubError';
  }
}

export interface GithubClientOptions {
  apiUrl: string;
  token: string | null;
  clock: Clock;
  /** Waits out a rate limit; tests pass one that advances their clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** Rate-limited or failing answers retried per request before giving up (default 4). */
  maxRetries?: number;
  /** Requests that got no answer at all retried, 1 s, 2 s, 4 s… apart (default 3; a request's own pull: 0). */
  networkRetries?: number;
  /** Longest single wait honoured (default 15 minutes): a reset further away fails this sync; the next one retries. */
  maxWaitMs?: number;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * GitHub's REST API, the few reads prodops makes: a milestone, and issues (with pull requests) a page of 100 at a
 * time following the Link header. Rate limits are honoured as GitHub documents them: on 429, or 403 with
 * x-ratelimit-remaining 0, wait for Retry-After seconds, else until x-ratelimit-reset, else a minute; a response
 * saying the quota is spent makes the next request wait for its reset. 5xx and network errors back off
 * exponentially. Every retry is bounded.
 */
export function githubClient(o: GithubClientOptions) {
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? realSleep;
  const maxRetries = o.maxRetries ?? 4;
  const networkRetries = o.networkRetries ?? 3;
  const maxWaitMs = o.maxWaitMs ?? 15 * 60_000;
  let quotaResetAt: number | null = null;

  const waitMs = (res: Response, attempt: number): number => {
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.headers.get('retry-after') !== null && Number.isFinite(retryAfter) && retryAfter >= 0)
      return retryAfter * 1000;
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    if (res.headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset))
      return Math.max(0, reset * 1000 - o.clock.now().getTime());
    return 60_000 * 2 ** attempt;
  };

  const wait = async (ms: number, why: string) => {
    if (ms > maxWaitMs) throw new GithubError(`${why}: GitHub asks to wait ${Math.ceil(ms / 1000)} s`, 429);
    await sleep(ms);
  };

  async function get(url: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      if (quotaResetAt !== null) {
        const ms = quotaResetAt - o.clock.now().getTime();
        quotaResetAt = null;
        if (ms > 0) await wait(ms, 'rate limit spent');
      }
      let res: Response;
      try {
        res = await doFetch(url, {
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'prodops',
            ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          },
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: 'follow',
        });
      } catch (err) {
        if (attempt >= networkRetries)
          throw new GithubError(`could not reach GitHub: ${describe(err)}`, null);
        await wait(1000 * 2 ** attempt, 'GitHub unreachable');
        continue;
      }
      const limited =
        res.status === 429 || (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0');
      if (limited || res.status >= 500) {
        await res.body?.cancel();
        if (attempt >= maxRetries)
          throw new GithubError(
            limited ? 'GitHub rate limit: still limited after retries' : `GitHub answered ${res.status}`,
            res.status,
          );
        await wait(limited ? waitMs(res, attempt) : 1000 * 2 ** attempt, 'GitHub rate limit');
        continue;
      }
      if (res.headers.get('x-ratelimit-remaining') === '0') {
        const reset = Number(res.headers.get('x-ratelimit-reset'));
        if (Number.isFinite(reset)) quotaResetAt = reset * 1000;
      }
      if (!res.ok) {
        const body = truncate((await res.text()).trim(), 200);
        throw new GithubError(`GitHub answered ${res.status}: ${body || 'no body'}`, res.status);
      }
      return res;
    }
  }

  const base = o.apiUrl.replace(/\/+$/, '');
  const repoPath = (repo: string) =>
    repo
      .split('/')
      .map((p) => encodeURIComponent(p))
      .join('/');

  return {
    async milestone(repo: string, number: number): Promise<GithubMilestone> {
      const res = await get(`${base}/repos/${repoPath(repo)}/milestones/${number}`);
      return ZGithubMilestone.parse(await res.json());
    },
    /** Every issue and pull request matching the query, following rel="next" until there is none. */
    async *issues(repo: string, query: Record<string, string>): AsyncGenerator<GithubIssue[]> {
      const q = new URLSearchParams({ state: 'all', per_page: '100', ...query });
      let url: string | null = `${base}/repos/${repoPath(repo)}/issues?${q}`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const res = await get(url);
        yield ZGithubIssues.parse(await res.json());
        url = nextPageUrl(res.headers.get('link'));
      }
    },
  };
}
export type GithubClient = ReturnType<typeof githubClient>;

function describe(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (err instanceof Error ? err.message : String(err));
}
