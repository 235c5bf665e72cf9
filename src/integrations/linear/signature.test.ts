import { describe, expect, it } from 'vitest';
import { freshTimestamp, linearSignature, verifyLinearSignature } from './signature.ts';

describe('Linear webhook signatures', () => {
  it('is the hex HMAC-SHA256 of the raw body', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(linearSignature('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('accepts the exact bytes only, under the right secret', () => {
    const body = Buffer.from('{"action":"update","type":"Issue"}');
    const sig = linearSignature('lin_wh_secret', body);
    expect(verifyLinearSignature('lin_wh_secret', body, sig)).toBe(true);
    expect(verifyLinearSignature('lin_wh_secret', Buffer.from('{"action":"create"}'), sig)).toBe(false);
    expect(verifyLinearSignature('another-secret', body, sig)).toBe(false);
    expect(verifyLinearSignature('lin_wh_secret', body, sig.toUpperCase())).toBe(false);
    expect(verifyLinearSignature('lin_wh_secret', body, undefined)).toBe(false);
  });

  it('takes a webhookTimestamp within a minute of now only', () => {
    const now = new Date('2026-12-01T09:00:00Z');
    expect(freshTimestamp(now.getTime() - 60_000, now)).toBe(true);
    expect(freshTimestamp(now.getTime() - 60_001, now)).toBe(false);
    expect(freshTimestamp(now.getTime() + 61_000, now)).toBe(false);
  });
});
