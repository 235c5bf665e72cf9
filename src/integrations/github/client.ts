import { truncate } from '../text.ts';
import { type RetryOptions, retryRules, TRACKER_TIMEOUT_MS } from '../tracker-retry.ts';
import { nextPageUrl } from './link-header.ts';
import { type GithubIssue, type GithubMilestone, ZGithubIssues, ZGithubMilestone } from './payloads.ts';

export const GITHUB_API_URL = 'https://api.github.com';
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

export interface GithubClientOptions extends RetryOptions {
  apiUrl: string;
  token: string | null;
}

/**
 * GitHub's REST API, the few reads prodops makes: a milestone, and issues (with pull requests) a page of 100 at a
 * time following the Link header. Rate limits are honoured as GitHub documents them: on 429, or 403 with
 * x-ratelimit-remaining 0, wait for Retry-After seconds, else until x-ratelimit-reset, else a minute; a response
 * saying the quota is spent makes the next request wait for its reset. 5xx and network errors back off
 * exponentially. Every retry is bounded.
 */
export function githubClient(o: GithubClientOptions) {
  const rules = retryRules(o, 'GitHub', (message, status) => new GithubError(message, status));
  let quotaResetAt: number | null = null;

  const waitMs = (res: Response, attempt: number): number => {
    const after = rules.retryAfterMs(res);
    if (after !== null) return after;
    const reset = Number(res.headers.get('x-ratelimit-reset'));
    if (res.headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset))
      return Math.max(0, reset * 1000 - o.clock.now().getTime());
    return 60_000 * 2 ** attempt;
  };

  const wait = rules.wait;

  async function get(url: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      if (quotaResetAt !== null) {
        const ms = quotaResetAt - o.clock.now().getTime();
        quotaResetAt = null;
        if (ms > 0) await wait(ms, 'rate limit spent');
      }
      let res: Response;
      try {
        res = await rules.fetch(url, {
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'prodops',
            ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          },
          signal: AbortSignal.timeout(TRACKER_TIMEOUT_MS),
          redirect: 'follow',
        });
      } catch (err) {
        if (attempt >= rules.networkRetries || rules.refused(err)) throw rules.unreachable(err);
        await wait(1000 * 2 ** attempt, 'GitHub unreachable');
        continue;
      }
      const limited =
        res.status === 429 || (res.status === 403 && res.headers.get('x-ratelimit-remaining') === '0');
      if (limited || res.status >= 500) {
        await res.body?.cancel();
        if (attempt >= rules.maxRetries)
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
