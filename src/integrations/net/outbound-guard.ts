import { promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { isLocalhostName, privateAddressKind } from './private-address.ts';

/** PRODOPS_WEBHOOK_ALLOW_PRIVATE as configured: `all`, or host names, addresses and CIDR ranges (none by default). */
export type PrivateAllowance = 'all' | readonly string[];

/** Every address a name has (tests inject their own). */
export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) => dns.lookup(host, { all: true, verbatim: true });

/** How long registration waits for DNS: a name that does not answer is left to the check at send time. */
const RESOLVE_TIMEOUT_MS = 2_000;

/** A refusal in words, as a field's message: "url must not point at …". */
const refused = (what: string) =>
  `must not point at a private or internal address: ${what}; the operator may allow it with PRODOPS_WEBHOOK_ALLOW_PRIVATE`;

/** A request refused before it left: not worth retrying until the URL or the operator's switch changes. */
export class PrivateAddressError extends Error {
  readonly code = 'ERR_PRIVATE_ADDRESS';
}

const hostOfUrl = (u: URL) => u.hostname.replace(/^\[|\]$/g, '').toLowerCase();

function compile(allow: PrivateAllowance) {
  if (allow === 'all') return () => true;
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const entry of allow) {
    const [net, prefix] = entry.trim().toLowerCase().split('/');
    const family = isIP(net ?? '');
    if (!family) hosts.add(entry.trim().toLowerCase().replace(/\.$/, ''));
    else if (prefix === undefined) ranges.addAddress(net!, family === 4 ? 'ipv4' : 'ipv6');
    else ranges.addSubnet(net!, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
  }
  return (host: string, address: string) =>
    hosts.has(host.replace(/\.$/, '')) || ranges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export type OutboundGuard = ReturnType<typeof outboundGuard>;

/**
 * Keeps outbound requests to addresses the operator chose (issue 18: no server-side request forgery): a URL
 * whose host is, or resolves to, a loopback, private, link-local or otherwise reserved address is refused unless
 * `allow` names its host or address. The same rules serve registration (`urlProblem`) and sending (`lookup`, the
 * connection's own resolution, so a name re-pointed after the check still cannot reach such an address).
 */
export function outboundGuard(allow: PrivateAllowance = [], resolve: Resolve = systemResolve) {
  const permits = compile(allow);
  const refusal = (host: string, address: string): string | null => {
    const kind = privateAddressKind(address);
    if (!kind || permits(host, address)) return null;
    return refused(host === address ? `${address} is ${kind}` : `${host} resolves to ${address}, ${kind}`);
  };

  /** The checks that need no DNS: scheme, credentials, a literal address, a localhost name. */
  function staticProblem(url: string): string | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return 'must be a valid URL';
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must be an http:// or https:// URL';
    if (u.username || u.password) return 'must not carry a user name or password';
    const host = hostOfUrl(u);
    if (isIP(host)) return refusal(host, host);
    if (isLocalhostName(host)) {
      const allowed = permits(host, '127.0.0.1') || permits(host, '::1');
      return allowed ? null : refused(`${host} is this machine (a loopback address)`);
    }
    return null;
  }

  /** All of a name's addresses checked: one private answer among public ones refuses the name. */
  async function resolveChecked(host: string): Promise<LookupAddress[]> {
    const addresses = await resolve(host);
    for (const a of addresses) {
      const problem = refusal(host, a.address);
      if (problem) throw new PrivateAddressError(problem);
    }
    return addresses;
  }

  return {
    staticProblem,
    /**
     * For registration: the URL's problem in words (`must …`), or null. A name that does not resolve now is
     * accepted (it may be set up later); sending checks again.
     */
    async urlProblem(url: string): Promise<string | null> {
      const first = staticProblem(url);
      if (first) return first;
      const host = hostOfUrl(new URL(url));
      if (isIP(host) || isLocalhostName(host)) return null;
      try {
        await withTimeout(resolveChecked(host), RESOLVE_TIMEOUT_MS);
        return null;
      } catch (err) {
        return err instanceof PrivateAddressError ? err.message : null;
      }
    },
    /** node's socket `lookup`: resolves the name itself and refuses a private answer before connecting. */
    lookup: ((hostname, options, callback) => {
      resolveChecked(hostname.toLowerCase()).then(
        (addresses) => {
          const wanted = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
          const first = wanted[0];
          if (!first)
            return callback(
              Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }),
              '',
              0,
            );
          if (options.all)
            return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, wanted);
          callback(null, first.address, first.family);
        },
        (err: NodeJS.ErrnoException) => callback(err, '', 0),
      );
    }) as LookupFunction,
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS did not answer')), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
