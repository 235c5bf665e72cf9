import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { outboundGuard, type Resolve } from './outbound-guard.ts';

/** A DNS of the test's own: each name's addresses; anything else does not exist. */
function dnsOf(names: Record<string, string[]>): Resolve {
  return async (host) => {
    const addresses = names[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const dns = dnsOf({
  'hooks.example.com': ['93.184.216.34'],
  'internal.example.com': ['10.0.0.7'],
  'split.example.com': ['93.184.216.34', '127.0.0.1'],
  'v6.example.com': ['fd00::7'],
  'metadata.example.com': ['169.254.169.254'],
});

describe('urlProblem (registration)', () => {
  const guard = outboundGuard([], dns);

  it('accepts a public https or http URL, and a name that does not resolve yet', async () => {
    expect(await guard.urlProblem('https://hooks.example.com/prodops')).toBeNull();
    expect(await guard.urlProblem('http://93.184.216.34:8080/x')).toBeNull();
    expect(await guard.urlProblem('https://not-yet.example.com/x')).toBeNull();
  });

  it('refuses other schemes and URLs carrying credentials', async () => {
    expect(await guard.urlProblem('ftp://hooks.example.com/x')).toBe('must be an http:// or https:// URL');
    expect(await guard.urlProblem('https://bot:s3cret@hooks.example.com/x')).toMatch(
      /^must not carry a user name or password/,
    );
    expect(await guard.urlProblem('https://bot@hooks.example.com/x')).toMatch(/^must not carry a user name/);
  });

  it.each([
    ['http://127.0.0.1:3000/x', '127.0.0.1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://[::1]/x', '::1 is a loopback address'],
    ['http://[fd12::1]/x', 'fd12::1 is a unique-local (private) address'],
    ['http://[::ffff:10.0.0.1]/x', '::ffff:a00:1 is a private network address (RFC 1918)'],
    ['http://0.0.0.0:80/', '0.0.0.0 is an unspecified'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f000001/', '127.0.0.1 is a loopback address'],
    ['http://localhost:8080/x', 'localhost is this machine (a loopback address)'],
    ['http://api.localhost/x', 'api.localhost is this machine'],
    [
      'https://internal.example.com/x',
      'internal.example.com resolves to 10.0.0.7, a private network address',
    ],
    ['https://split.example.com/x', 'split.example.com resolves to 127.0.0.1, a loopback address'],
    ['https://v6.example.com/x', 'v6.example.com resolves to fd00::7, a unique-local'],
    ['https://metadata.example.com/x', 'resolves to 169.254.169.254, a link-local address'],
  ])('refuses %s: %s', async (url, words) => {
    const problem = await guard.urlProblem(url);
    expect(problem).toMatch(/^must not point at a private or internal address: /);
    expect(problem).toContain(words);
    expect(problem).toContain('PRODOPS_WEBHOOK_ALLOW_PRIVATE');
  });
});

describe('the operator switch', () => {
  it('`all` lets every private address through, never other schemes or credentials', async () => {
    const guard = outboundGuard('all', dns);
    expect(await guard.urlProblem('http://127.0.0.1:3000/x')).toBeNull();
    expect(await guard.urlProblem('http://localhost/x')).toBeNull();
    expect(await guard.urlProblem('https://internal.example.com/x')).toBeNull();
    expect(await guard.urlProblem('https://u:p@internal.example.com/x')).toMatch(/^must not carry/);
    expect(await guard.urlProblem('gopher://internal.example.com/x')).toMatch(/^must be an http/);
  });

  it('a host name, an address or a CIDR range lets those alone through', async () => {
    const guard = outboundGuard(['internal.example.com', '127.0.0.1', 'fd00::/8'], dns);
    expect(await guard.urlProblem('https://internal.example.com/x')).toBeNull();
    expect(await guard.urlProblem('https://INTERNAL.example.com./x')).toBeNull();
    expect(await guard.urlProblem('http://127.0.0.1:9000/x')).toBeNull();
    expect(await guard.urlProblem('http://localhost:9000/x')).toBeNull(); // localhost is 127.0.0.1
    expect(await guard.urlProblem('https://v6.example.com/x')).toBeNull();
    expect(await guard.urlProblem('http://127.0.0.2/x')).toMatch(/127\.0\.0\.2 is a loopback/);
    expect(await guard.urlProblem('https://metadata.example.com/x')).toMatch(/link-local/);
    expect(await guard.urlProblem('http://10.0.0.7/x')).toMatch(/private network/);
  });
});

describe('lookup (the connection resolving its name)', () => {
  const lookup = (guard: ReturnType<typeof outboundGuard>, host: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      guard.lookup(host, { all }, (err, address, family) =>
        err ? reject(err) : resolve({ address, family }),
      ),
    );

  it('answers with the checked addresses, one or all', async () => {
    const guard = outboundGuard([], dns);
    expect(await lookup(guard, 'hooks.example.com', false)).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await lookup(guard, 'hooks.example.com', true)).toEqual({
      address: [{ address: '93.184.216.34', family: 4 }],
      family: undefined,
    });
  });

  it('refuses a private answer with an error that says so', async () => {
    const guard = outboundGuard([], dns);
    await expect(lookup(guard, 'split.example.com', true)).rejects.toMatchObject({
      code: 'ERR_PRIVATE_ADDRESS',
      message: expect.stringContaining('split.example.com resolves to 127.0.0.1, a loopback address'),
    });
    await expect(
      lookup(outboundGuard(['split.example.com'], dns), 'split.example.com', false),
    ).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });
});
