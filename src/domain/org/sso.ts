import { ROLES, type TRole } from '../../shared/roles.ts';
import type { TOidcSettings } from '../../shared/sso.ts';

/** The groups a claim lists: an array of strings, or one string; anything else lists none. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}

/**
 * The roles a person's groups give, in the usual order; none mapped gives the default roles. Null when no
 * mapping is configured: roles are then managed in prodops and sign-in leaves them alone.
 */
export function rolesFromGroups(oidc: TOidcSettings, groups: readonly string[]): TRole[] | null {
  if (oidc.groupRoles.length === 0) return null;
  const given = new Set(oidc.groupRoles.filter((m) => groups.includes(m.group)).flatMap((m) => m.roles));
  const roles = ROLES.filter((r) => given.has(r));
  return roles.length > 0 ? roles : [...oidc.defaultRoles];
}

/** Whether a person unknown to prodops may be created at their first sign-in. */
export function mayJoin(oidc: TOidcSettings, email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return oidc.allowedDomains.includes(domain);
}

/** A name for a new person: the claims' name, else the email's local part. */
export function nameFrom(claims: { name?: unknown; email: string }): string {
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 120) : '';
  return name || claims.email.slice(0, claims.email.indexOf('@'));
}
