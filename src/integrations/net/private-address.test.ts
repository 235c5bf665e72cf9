import { describe, expect, it } from 'vitest';
import { isLocalhostName, privateAddressKind } from './private-address.ts';

/** The host a URL ends up with: the WHATWG parser normalises decimal, hex and octal IPv4 forms and IPv6. */
const hostOf = (url: string) => new URL(url).hostname;

describe('privateAddressKind', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.1.2', 'a loopback address'],
    ['10.1.2.3', 'a private network address (RFC 1918)'],
    ['172.16.0.1', 'a private network address (RFC 1918)'],
    ['172.31.255.255', 'a private network address (RFC 1918)'],
    ['192.168.1.10', 'a private network address (RFC 1918)'],
    ['169.254.169.254', 'a link-local address (where cloud metadata services answer)'],
    ['0.0.0.0', 'an unspecified ("this network") address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['192.0.2.5', 'a documentation address'],
    ['198.18.0.1', 'a benchmarking address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
  ])('IPv4 %s is %s', (address, words) => {
    expect(privateAddressKind(address)).toBe(words);
  });

  it.each([
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fd00::1', 'a unique-local (private) address'],
    ['fc12:3456::1', 'a unique-local (private) address'],
    ['fe80::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a documentation address'],
    ['::7f00:1', 'a reserved IPv6 address'],
    ['100::1', 'a reserved IPv6 address'],
  ])('IPv6 %s is %s', (address, words) => {
    expect(privateAddressKind(address)).toBe(words);
  });

  it('sees the IPv4 address inside an IPv4-mapped or NAT64 IPv6 one', () => {
    expect(privateAddressKind('::ffff:127.0.0.1')).toBe('a loopback address');
    expect(privateAddressKind('::ffff:7f00:1')).toBe('a loopback address');
    expect(privateAddressKind('::ffff:a9fe:a9fe')).toMatch(/^a link-local address/);
    expect(privateAddressKind('64:ff9b::a00:1')).toBe('a private network address (RFC 1918)');
    expect(privateAddressKind('::ffff:8.8.8.8')).toBeNull();
    expect(privateAddressKind('64:ff9b::808:808')).toBeNull();
  });

  it('lets public addresses through', () => {
    for (const address of [
      '8.8.8.8',
      '93.184.216.34',
      '172.32.0.1',
      '11.0.0.1',
      '2606:4700::1111',
      '2a00:1450::1',
    ])
      expect(privateAddressKind(address), address).toBeNull();
  });

  it('classifies the forms a URL normalises: decimal, hex, octal, short IPv4; bracketed IPv6', () => {
    expect(hostOf('http://2130706433/')).toBe('127.0.0.1');
    expect(privateAddressKind(hostOf('http://2130706433/'))).toBe('a loopback address');
    expect(privateAddressKind(hostOf('http://0x7f.1/'))).toBe('a loopback address');
    expect(privateAddressKind(hostOf('http://017700000001/'))).toBe('a loopback address');
    expect(privateAddressKind(hostOf('http://0xa9fea9fe/'))).toMatch(/^a link-local/);
    expect(privateAddressKind(hostOf('http://0/'))).toMatch(/^an unspecified/);
    expect(privateAddressKind(hostOf('http://[::ffff:127.0.0.1]/'))).toBe('a loopback address');
    expect(privateAddressKind(hostOf('http://[fd00::5]:8080/'))).toBe('a unique-local (private) address');
  });

  it('says nothing about a name: names are resolved first', () => {
    expect(privateAddressKind('hooks.example.com')).toBeNull();
  });
});

describe('isLocalhostName', () => {
  it('is localhost and its subdomains, whatever the case or a trailing dot', () => {
    for (const name of ['localhost', 'LOCALHOST', 'localhost.', 'api.localhost', 'a.b.localhost.'])
      expect(isLocalhostName(name), name).toBe(true);
    for (const name of ['localhost.example.com', 'mylocalhost', 'example.com'])
      expect(isLocalhostName(name), name).toBe(false);
  });
});
