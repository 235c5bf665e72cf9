import type { Clock } from '../shared/clock.ts';
import { guardedFetch } from './net/guarded-fetch.ts';
import { outboundGuard, PrivateAddressError, type PrivateAllowance } from './net/outbound-guard.ts';

/** How long one request to a tracker may take before it counts as no answer. */
export const TRACKER_TIMEOUT_MS = 15_000;

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What every tracker client (GitHub, Jira, Linear) lets a caller set about its bounded retries. */
export interface RetryOptions {
  clock: Clock;
  /** Waits out a rate limit; tests pass one that advances their clock instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /**
   * PRODOPS_WEBHOOK_ALLOW_PRIVATE: the private hosts/ranges the tracker's address may be on (a Jira Server inside
   * the network); without `fetch`, requests go through the guard and a refused address is not retried.
   */
  allowPrivate?: PrivateAllowance;
  /** Rate-limited or failing answers retried per request before giving up (default 4). */
  maxRetries?: number;
  /** Requests that got no answer at all retried, 1 s, 2 s, 4 s… apart (default 3). */
  networkRetries?: number;
  /** Longest single wait honoured (default 15 minutes): a reset further away fails this sync; the next one retries. */
  maxWaitMs?: number;
}

/**
 * The retry rules the tracker clients share: their defaults, a wait that refuses to sleep past `maxWaitMs`, the
 * Retry-After header read as milliseconds, and a network failure in words. Each client keeps its own loop, since
 * what counts as "rate limited" differs per tracker.
 */
export function retryRules(
  o: RetryOptions,
  tracker: string,
  fail: (message: string, status: number | null) => Error,
) {
  const sleep = o.sleep ?? realSleep;
  const maxWaitMs = o.maxWaitMs ?? 15 * 60_000;
  return {
    fetch: o.fetch ?? trackerFetch(o.allowPrivate ?? []),
    /** The guard refused the address: asking again changes nothing. */
    refused: (err: unknown) => err instanceof PrivateAddressError,
    maxRetries: o.maxRetries ?? 4,
    networkRetries: o.networkRetries ?? 3,
    async wait(ms: number, why: string): Promise<void> {
      if (ms > maxWaitMs) throw fail(`${why}: ${tracker} asks to wait ${Math.ceil(ms / 1000)} s`, 429);
      await sleep(ms);
    },
    /** Retry-After (seconds) as milliseconds, or null when the answer has no usable one. */
    retryAfterMs(res: Response): number | null {
      const after = res.headers.get('retry-after');
      return after !== null && Number.isFinite(Number(after)) && Number(after) >= 0
        ? Number(after) * 1000
        : null;
    },
    unreachable(err: unknown): Error {
      return fail(`could not reach ${tracker}: ${noAnswer(err)}`, null);
    },
  };
}

/** fetch for the tracker clients through the outbound guard (GET and POST with a string body are all they send). */
export function trackerFetch(allow: PrivateAllowance): typeof fetch {
  const send = guardedFetch(outboundGuard(allow));
  return (input, init) =>
    send(String(input), {
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers)),
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
}

function noAnswer(err: unknown): string {
  if (err instanceof PrivateAddressError) return `its address ${err.message}`;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${TRACKER_TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  return cause?.code ?? (err instanceof Error ? err.message : String(err));
}
