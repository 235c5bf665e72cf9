import http from 'node:http';
import https from 'node:https';
import { type OutboundGuard, PrivateAddressError } from './outbound-guard.ts';

export interface GuardedInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The most of the answer's body kept (the rest is read and dropped). */
  maxBodyBytes?: number;
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A fetch-shaped request over node's http(s) whose connection resolves names through the guard (fetch in Node 20
 * takes no resolver): the address checked is the address connected to. Redirects are never followed, a 3xx is
 * the answer. A refused address rejects with PrivateAddressError.
 */
export function guardedFetch(guard: OutboundGuard) {
  return (url: string, init: GuardedInit = {}): Promise<Response> => {
    const problem = guard.staticProblem(url);
    if (problem) return Promise.reject(new PrivateAddressError(problem));
    const u = new URL(url);
    const send = u.protocol === 'https:' ? https.request : http.request;
    const max = init.maxBodyBytes ?? 16 * 1024 * 1024;
    return new Promise<Response>((resolve, reject) => {
      const req = send(u, {
        method: init.method ?? 'GET',
        headers: init.headers,
        signal: init.signal,
        lookup: guard.lookup,
        // A connection of its own: a pooled socket could have been opened by code that did not check.
        agent: false,
      });
      req.on('error', (err) => reject(err.cause instanceof PrivateAddressError ? err.cause : err));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < max) chunks.push(c.subarray(0, max - size));
          size += c.length;
        });
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 599) return reject(new Error(`an HTTP status of ${status}`));
          const body = NULL_BODY.has(status) ? null : Buffer.concat(chunks);
          resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers }));
        });
      });
      req.end(init.body);
    });
  };
}
