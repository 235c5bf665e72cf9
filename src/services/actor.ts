import type { TRole } from '../shared/roles.ts';

/** Who is doing something: a signed-in person, a token's owner, or the CLI/system acting as admin. */
export interface Actor {
  personId: string | null;
  label: string;
  roles: readonly TRole[];
  /** The session or API token the request came with: a change to one's own password keeps it signed in. */
  via?: { sessionId: string | null; tokenId: string | null };
}

/** The CLI's admin commands run with direct database access, so they act as an admin named after the OS user. */
export function systemActor(label: string): Actor {
  return { personId: null, label, roles: ['admin'] };
}

export function hasRole(actor: Actor, ...roles: TRole[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** product_ops, head_of_product and admin run the org; SPEC.md gives them "more" than PMs. */
export function isOrgManager(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'product_ops', 'head_of_product');
}
