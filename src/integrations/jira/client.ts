import type { Clock } from '../../shared/clock.ts';
import { realSleep } from '../github/client.ts';
import { truncate } from '../text.ts';
import { type JiraIssue, type JiraVersion, ZJiraIssue, ZJiraSearchPage, ZJiraVersion } from './payloads.ts';

const TIMEOUT_MS = 15_000;
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

export interface JiraClientOptions {
  /** The site, as https://acme.atlassian.net. */
  apiUrl: string;
  /** `email:API token`, sent as Basic auth. */
  token: string | null;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  maxRetries?: number;
  networkRetries?: number;
  maxWaitMs?: number;
}

/**
 * Jira Cloud's REST v3, the few reads prodops makes: an issue (the epic), a version, and issues by JQL a page at a
 * time (GET /rest/api/3/search/jql, following nextPageToken). Rate limits as Atlassian documents them: a 429 (or a
 * 503) waits Retry-After seconds, else until X-RateLimit-Reset, else backs off; every retry is bounded.
 */
export function jiraClient(o: JiraClientOptions) {
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? realSleep;
  const maxRetries = o.maxRetries ?? 4;
  const networkRetries = o.networkRetries ?? 3;
  const maxWaitMs = o.maxWaitMs ?? 15 * 60_000;
  const base = o.apiUrl.replace(/\/+$/, '');
  const auth = o.token ? `Basic ${Buffer.from(o.token).toString('base64')}` : null;

  const waitMs = (res: Response, attempt: number): number => {
    const after = res.headers.get('retry-after');
    if (after !== null && Number.isFinite(Number(after)) && Number(after) >= 0) return Number(after) * 1000;
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    if (Number.isFinite(reset)) return Math.max(0, reset - o.clock.now().getTime());
    return 1000 * 2 ** (attempt + 2);
  };
  const wait = async (ms: number, why: string) => {
    if (ms > maxWaitMs) throw new JiraError(`${why}: Jira asks to wait ${Math.ceil(ms / 1000)} s`, 429);
    await sleep(ms);
  };

  async function get(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const url = `${base}${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await doFetch(url, {
          headers: { accept: 'application/json', ...(auth ? { authorization: auth } : {}) },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        if (attempt >= networkRetries) throw new JiraError(`could not reach Jira: ${describe(err)}`, null);
        await wait(1000 * 2 ** attempt, 'Jira unreachable');
        continue;
      }
      const limited = res.status === 429 || res.status === 503;
      if (limited || res.status >= 500) {
        await res.body?.cancel();
        if (attempt >= maxRetries)
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

function describe(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (err instanceof Error ? err.message : String(err));
}
