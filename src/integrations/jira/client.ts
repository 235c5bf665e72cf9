import { truncate } from '../text.ts';
import { type RetryOptions, retryRules, TRACKER_TIMEOUT_MS } from '../tracker-retry.ts';
import { type JiraIssue, type JiraVersion, ZJiraIssue, ZJiraSearchPage, ZJiraVersion } from './payloads.ts';

/** 100 issues a page; a runaway pagination stops here. */
const PAGE_SIZE = 100;
const MAX_PAGES = 200;
/** The fields prodops reads of an issue. */
export const JIRA_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'status',
  'labels',
  'created',
  'resolutiondate',
  'duedate',
  'parent',
  'fixVersions',
  'project',
].join(',');

/** A request Jira refused or could not answer; the message never holds the token. */
export class JiraError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

export interface JiraClientOptions extends RetryOptions {
  /** The site, as https://acme.atlassian.net. */
  apiUrl: string;
  /** `email:API token`, sent as Basic auth. */
  token: string | null;
}

/**
 * Jira Cloud's REST v3, the few reads prodops makes: an issue (the epic), a version, and issues by JQL a page at a
 * time (GET /rest/api/3/search/jql, following nextPageToken). Rate limits as Atlassian documents them: a 429 (or a
 * 503) waits Retry-After seconds, else until X-RateLimit-Reset, else backs off; every retry is bounded.
 */
export function jiraClient(o: JiraClientOptions) {
  const rules = retryRules(o, 'Jira', (message, status) => new JiraError(message, status));
  const base = o.apiUrl.replace(/\/+$/, '');
  const auth = o.token ? `Basic ${Buffer.from(o.token).toString('base64')}` : null;

  const waitMs = (res: Response, attempt: number): number => {
    const after = rules.retryAfterMs(res);
    if (after !== null) return after;
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    if (Number.isFinite(reset)) return Math.max(0, reset - o.clock.now().getTime());
    return 1000 * 2 ** (attempt + 2);
  };
  const wait = rules.wait;

  async function get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = `${base}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await rules.fetch(url, {
          headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
          signal: AbortSignal.timeout(TRACKER_TIMEOUT_MS),
        });
      } catch (err) {
        if (attempt >= rules.networkRetries || rules.refused(err)) throw rules.unreachable(err);
        await wait(1000 * 2 ** attempt, 'Jira unreachable');
        continue;
      }
      const limited = res.status === 429 || res.status === 503;
      if (limited || res.status >= 500) {
        await res.body?.cancel();
        if (attempt >= rules.maxRetries)
          throw new JiraError(
            limited ? 'Jira rate limit: still limited after retries' : `Jira answered ${res.status}`,
            res.status,
          );
        await wait(limited ? waitMs(res, attempt) : 1000 * 2 ** attempt, 'Jira rate limit');
        continue;
      }
      if (!res.ok) {
        const body = truncate((await res.text()).trim(), 200);
        throw new JiraError(`Jira answered ${res.status}: ${body || 'no body'}`, res.status);
      }
      return res.json();
    }
  }

  return {
    async issue(key: string): Promise<JiraIssue> {
      return ZJiraIssue.parse(
        await get(`/rest/api/3/issue/${encodeURIComponent(key)}`, { fields: JIRA_FIELDS }),
      );
    },
    async version(id: string): Promise<JiraVersion> {
      return ZJiraVersion.parse(await get(`/rest/api/3/version/${encodeURIComponent(id)}`));
    },
    /** Every issue the JQL finds, a page at a time, until the last page. */
    async *search(jql: string): AsyncGenerator<JiraIssue[]> {
      let token: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query: Record<string, string> = { jql, maxResults: String(PAGE_SIZE), fields: JIRA_FIELDS };
        if (token) query.nextPageToken = token;
        const p = ZJiraSearchPage.parse(await get('/rest/api/3/search/jql', query));
        yield p.issues;
        token = p.nextPageToken ?? null;
        if (p.isLast === true || !token) return;
      }
    },
  };
}
export type JiraClient = ReturnType<typeof jiraClient>;

/** A JQL string literal: quoted, with quotes and backslashes escaped. */
export const jqlString = (s: string): string => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
