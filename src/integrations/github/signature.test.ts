import { describe, expect, it } from 'vitest';
import { githubSignature, verifyGithubSignature } from './signature.ts';

describe('GitHub webhook signatures', () => {
  // docs.github.com, "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!".
  it('matches the example GitHub documents', () => {
    expect(githubSignature("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('accepts the exact bytes only, under the right secret', () => {
    const body = Buffer.from('{"action":"closed"}');
    const sig = githubSignature('s3cret-s3cret', body);
    expect(verifyGithubSignature('s3cret-s3cret', body, sig)).toBe(true);
    expect(verifyGithubSignature('s3cret-s3cret', Buffer.from('{"action":"opened"}'), sig)).toBe(false);
    expect(verifyGithubSignature('other-secret', body, sig)).toBe(false);
    expect(verifyGithubSignature('s3cret-s3cret', body, sig.slice(0, -1))).toBe(false);
    expect(verifyGithubSignature('s3cret-s3cret', body, undefined)).toBe(false);
  });
});
