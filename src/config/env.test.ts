import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

const allowOf = (value?: string) =>
  loadConfig(value === undefined ? {} : { PRODOPS_WEBHOOK_ALLOW_PRIVATE: value }).delivery
    .webhookAllowPrivate;

describe('PRODOPS_WEBHOOK_ALLOW_PRIVATE', () => {
  it('allows no private address by default', () => {
    expect(allowOf()).toEqual([]);
    expect(allowOf('')).toEqual([]);
  });

  it('reads `all`, or host names, addresses and CIDR ranges, comma-separated', () => {
    expect(allowOf('ALL')).toBe('all');
    expect(allowOf(' hooks.corp.internal, 10.0.0.0/8 ,127.0.0.1, fd00::/8,')).toEqual([
      'hooks.corp.internal',
      '10.0.0.0/8',
      '127.0.0.1',
      'fd00::/8',
    ]);
  });

  it.each(['10.0.0.0/33', 'fd00::/129', 'hooks.corp/8', 'http://hooks.corp', '10.0.0.0/8/1', 'yes please'])(
    'fails fast on %s, naming the variable',
    (value) => {
      expect(() => allowOf(value)).toThrow(/PRODOPS_WEBHOOK_ALLOW_PRIVATE: must be all, or host names/);
    },
  );
});
