import { describe, expect, it } from 'vitest';
import { DEFAULT_OIDC } from '../../shared/sso.ts';
import { groupsOf, mayJoin, nameFrom, rolesFromGroups } from './sso.ts';

const mapped = {
  ...DEFAULT_OIDC,
  groupRoles: [
    { group: 'leads', roles: ['eng_lead' as const, 'engineer' as const] },
    { group: 'pms', roles: ['pm' as const] },
  ],
  allowedDomains: ['acme.test'],
};

describe('single sign-on rules', () => {
  it('reads groups from a list or a single string, nothing else', () => {
    expect(groupsOf(['a', 2, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf({ a: 1 })).toEqual([]);
  });

  it('gives only the mapped roles, in the usual order; none mapped gives the default roles', () => {
    expect(rolesFromGroups(mapped, ['pms', 'leads', 'other'])).toEqual(['pm', 'eng_lead', 'engineer']);
    expect(rolesFromGroups(mapped, ['other'])).toEqual(['stakeholder']);
    expect(rolesFromGroups(DEFAULT_OIDC, ['pms'])).toBeNull();
  });

  it('lets only allowed domains join, whatever the case, and not a subdomain', () => {
    expect(mayJoin(mapped, 'joe@ACME.test')).toBe(true);
    expect(mayJoin(mapped, 'joe@evil.acme.test')).toBe(false);
    expect(mayJoin(mapped, 'joe@acme.test.evil')).toBe(false);
  });

  it('names a new person from the claims, else from the email', () => {
    expect(nameFrom({ name: ' Joe Park ', email: 'joe@acme.test' })).toBe('Joe Park');
    expect(nameFrom({ email: 'joe@acme.test' })).toBe('joe');
  });
});
