import { BlockList, isIP } from 'node:net';

/**
 * Which addresses an outbound request (a webhook, a tracker's API) may not reach unless the operator allows it:
 * the IANA special-purpose registries' ranges that are not globally reachable. Matching is node's BlockList;
 * each range carries the words a refusal shows.
 */
const V4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'an unspecified ("this network") address'],
  ['10.0.0.0', 8, 'a private network address (RFC 1918)'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address (where cloud metadata services answer)'],
  ['172.16.0.0', 12, 'a private network address (RFC 1918)'],
  ['192.0.0.0', 24, 'a reserved protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.88.99.0', 24, 'a reserved relay address'],
  ['192.168.0.0', 16, 'a private network address (RFC 1918)'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

/** Inside 2000::/3 (global unicast) these are still special; everything outside it is refused below. */
const V6_RANGES: [string, number, string][] = [
  ['::', 128, 'an unspecified address'],
  ['::1', 128, 'a loopback address'],
  ['fc00::', 7, 'a unique-local (private) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address'],
  ['ff00::', 8, 'a multicast address'],
  ['2001::', 23, 'a reserved protocol address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['2002::', 16, 'a 6to4 address'],
  ['3fff::', 20, 'a documentation address'],
];

const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

function listsOf(ranges: [string, number, string][], family: 'ipv4' | 'ipv6') {
  return ranges.map(([net, prefix, words]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, family);
    return { list, words };
  });
}
const V4 = listsOf(V4_RANGES, 'ipv4');
const V6 = listsOf(V6_RANGES, 'ipv6');

const CARRIES_V4 = new BlockList();
CARRIES_V4.addSubnet('::ffff:0:0', 96, 'ipv6');
CARRIES_V4.addSubnet('64:ff9b::', 96, 'ipv6');

/** An IPv6 address that carries an IPv4 one (::ffff:a.b.c.d mapped, 64:ff9b::/96 NAT64) reaches that one. */
function embeddedV4(address: string): string | null {
  if (!CARRIES_V4.check(address, 'ipv6')) return null;
  const groups = expandV6(address);
  const hi = groups[6]!;
  const lo = groups[7]!;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail becomes two groups). */
function expandV6(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16));
}

/**
 * What kind of non-public address `address` is, in words ("a loopback address"), or null for a public one.
 * Not an IP address at all: null too (callers resolve names first).
 */
export function privateAddressKind(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return V4.find((r) => r.list.check(bare, 'ipv4'))?.words ?? null;
  if (family !== 6) return null;
  const v4 = embeddedV4(bare);
  if (v4) return privateAddressKind(v4);
  const special = V6.find((r) => r.list.check(bare, 'ipv6'))?.words;
  if (special) return special;
  return GLOBAL_UNICAST_V6.check(bare, 'ipv6') ? null : 'a reserved IPv6 address';
}

/** `localhost` and its subdomains (RFC 6761) mean this machine whatever DNS says. */
export function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
