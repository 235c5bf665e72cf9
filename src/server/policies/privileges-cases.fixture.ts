import { signedIn } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import type { TRole } from '../../shared/roles.ts';

/** Callers, verdicts and the people cases of the security matrix (privileges.test.ts). */
export type Who = 'stakeholder' | 'engineer' | 'pm' | 'product_ops' | 'head_of_product' | 'admin';
export type Where = 'own' | 'other' | 'none';
export type Verdict = 'allowed' | 'denied';
export const CALLERS: Who[] = ['stakeholder', 'engineer', 'pm', 'product_ops', 'head_of_product', 'admin'];
export const WHERE: Where[] = ['own', 'other', 'none'];
export const manager = (who: Who) => who === 'product_ops' || who === 'head_of_product' || who === 'admin';

/** A PM writes a record only where both the record and its destination are in an area of theirs. */
export const intoOwnArea = (who: Who, record: Where | null, target: Where): Verdict =>
  manager(who) || (who === 'pm' && (record === null || record === 'own') && target === 'own')
    ? 'allowed'
    : 'denied';
export const managersOnly = (who: Who): Verdict => (manager(who) ? 'allowed' : 'denied');

export interface Call {
  label: string;
  who: Who;
  method: 'POST' | 'PATCH';
  url: () => Promise<string> | string;
  body: () => object;
  /** The caller's credentials when not the role's shared one (a fresh person acting on themselves). */
  headers?: () => Record<string, string> | undefined;
  expect: Verdict;
}
export interface Spec {
  /** The privileged fields the cases cover: must be all the route takes. */
  fields: string[];
  calls: () => Call[];
}

/** Who may give which roles when adding a person: the admin any; others only their own, or "stakeholder". */
export function peopleCreates(uid: () => string): Call[] {
  const grants: { roles: TRole[]; password?: string; allowed: Who[] }[] = [
    { roles: ['stakeholder'], allowed: ['product_ops', 'head_of_product', 'admin'] },
    { roles: ['pm'], allowed: ['admin'] },
    { roles: ['product_ops'], allowed: ['product_ops', 'admin'] },
    { roles: ['head_of_product'], allowed: ['head_of_product', 'admin'] },
    { roles: ['admin'], allowed: ['admin'] },
    { roles: ['stakeholder'], password: 'chosen by the creator', allowed: ['admin'] },
  ];
  return CALLERS.flatMap((who) =>
    grants.map(
      (g): Call => ({
        label: `${who} adds a person with roles ${g.roles.join()}${g.password ? ' and a password' : ''}`,
        who,
        method: 'POST',
        url: () => '/api/v1/people',
        body: () => ({
          name: 'New',
          email: `new-${uid()}@example.com`,
          function: 'sales',
          roles: g.roles,
          ...(g.password ? { password: g.password } : {}),
        }),
        expect: g.allowed.includes(who) ? 'allowed' : 'denied',
      }),
    ),
  );
}

type Target = 'self' | 'stakeholder' | 'head_of_product' | 'admin';
/**
 * Changes to people, each on a fresh target (a credential change signs its target out): the expected verdict
 * per field, caller and target, from the SPEC and the least-privilege issue.
 */
export function peopleChanges(db: Db, uid: () => string): Call[] {
  const targets: Target[] = ['self', 'stakeholder', 'head_of_product', 'admin'];
  const verdict = (field: string, who: Who, target: Target): Verdict => {
    const admin = who === 'admin';
    const self = target === 'self';
    switch (field) {
      case 'name':
        return self || admin || (manager(who) && target !== 'admin') ? 'allowed' : 'denied';
      case 'password':
        return self || admin ? 'allowed' : 'denied';
      case 'roles':
      case 'email':
        return admin ? 'allowed' : 'denied';
      case 'active':
        if (admin) return 'allowed';
        // Org managers switch off people they could have added: stakeholders and holders of their own role.
        return manager(who) && (target === 'stakeholder' || target === who) ? 'allowed' : 'denied';
      default:
        throw new Error(field);
    }
  };
  const bodies: Record<string, (targetRoles: TRole[]) => object> = {
    name: () => ({ name: 'Renamed' }),
    password: () => ({ password: 'a long new password' }),
    roles: (roles) => ({ roles: [...roles, 'head_of_product'] }),
    email: () => ({ email: `moved-${uid()}@example.com` }),
    active: () => ({ active: false }),
  };
  return CALLERS.flatMap((who) =>
    targets.flatMap((target) =>
      Object.keys(bodies).map((field): Call => {
        const targetRoles: TRole[] = target === 'self' ? [who as TRole] : [target as TRole];
        let headers: Record<string, string> | undefined;
        return {
          label: `${who} changes ${field} of ${target === 'self' ? 'themselves' : `a ${target}`}`,
          who,
          method: 'PATCH',
          url: async () => {
            // A fresh person each time; for "self" a fresh caller too, with a password to prove.
            const p = await signedIn(db, targetRoles, { password: 'the current password' });
            if (target === 'self') headers = p.headers;
            return `/api/v1/people/${p.person.id}`;
          },
          body: () => ({
            ...bodies[field]!(targetRoles),
            ...(field === 'password' && target === 'self' ? { currentPassword: 'the current password' } : {}),
          }),
          headers: () => headers,
          // Deactivating oneself is refused by validation (400): past the policy, so "allowed" here.
          expect: verdict(field, who, target),
        };
      }),
    ),
  );
}
