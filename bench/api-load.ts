import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'autocannon-child.mjs');
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe-child.mjs');

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
}

/**
 * GETs `url` over `connections` for `seconds` from a second process (autocannon). A non-2xx answer or an error
 * fails the bench: a figure of refused requests would flatter the route.
 */
export function loadFromChild(
  url: string,
  o: { headers?: Record<string, string>; connections: number; seconds: number },
): Promise<LoadFigures> {
  const options = { url, headers: o.headers ?? {}, connections: o.connections, duration: o.seconds };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CHILD, JSON.stringify(options)], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(err);
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadFigures & {
        non2xx: number;
        errors: number;
        timeouts: number;
        total: number;
      };
      if (!r.total) return reject(new Error(`${url}: no answer within the run`));
      if (r.non2xx || r.errors)
        return reject(new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors under load`));
      resolve({ rps: Math.round(r.rps), p50: r.p50, p99: r.p99 });
    });
  });
}

export interface ProbeFigures {
  total: number;
  p50: number;
  p99: number;
  max: number;
}

/** GETs `url` every `everyMs` for `seconds` from a second process, each answer timed however long it takes. */
export function probeFromChild(url: string, o: { seconds: number; everyMs: number }): Promise<ProbeFigures> {
  const options = { url, seconds: o.seconds, everyMs: o.everyMs };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [PROBE, JSON.stringify(options)], (err, stdout) => {
      if (err) return reject(err);
      const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeFigures & { failed: number };
      if (r.failed) return reject(new Error(`${url}: ${r.failed} probes failed`));
      resolve(r);
    });
  });
}
