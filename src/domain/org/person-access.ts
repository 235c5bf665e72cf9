import { ROLES, type TRole } from '../../shared/roles.ts';

/** Who asks, as the person rules need it. */
export interface PersonActor {
  personId: string | null;
  roles: readonly TRole[];
}

/** The person written to: absent on create. */
export interface PersonTarget {
  id: string;
  roles: readonly TRole[];
}

/** Fields of a person a write may carry (the patch's keys, plus the current password for a self change). */
export type PersonField =
  | 'name'
  | 'email'
  | 'function'
  | 'roles'
  | 'slackId'
  | 'active'
  | 'password'
  | 'currentPassword';

const FIELDS: PersonField[] = [
  'name',
  'email',
  'function',
  'roles',
  'slackId',
  'active',
  'password',
  'currentPassword',
];
const MANAGERS: readonly TRole[] = ['product_ops', 'head_of_product'];
const SELF: PersonField[] = ['name', 'slackId', 'password', 'currentPassword'];

const isAdmin = (a: PersonActor) => a.roles.includes('admin');
const isManager = (a: PersonActor) => isAdmin(a) || a.roles.some((r) => MANAGERS.includes(r));

/**
 * The roles someone may give: an admin any; anyone else only roles they hold themselves, plus "stakeholder",
 * which grants nothing. Nobody can hand out more than they have.
 */
export function grantableRoles(actor: PersonActor): TRole[] {
  if (isAdmin(actor)) return [...ROLES];
  return ROLES.filter((r) => r === 'stakeholder' || (r !== 'admin' && actor.roles.includes(r)));
}

const within = (roles: readonly TRole[], allowed: readonly TRole[]) =>
  roles.every((r) => allowed.includes(r));

/**
 * The fields `actor` may set on `target` (or on a new person). Roles, email and passwords are credentials: the
 * admin's alone, except that everyone changes their own password (with the current one). Org managers keep the
 * directory (names, functions, Slack ids) and may switch off people they could have created.
 */
export function editablePersonFields(actor: PersonActor, target: PersonTarget | null): Set<PersonField> {
  const fields = new Set<PersonField>();
  const self = target !== null && target.id === actor.personId;
  if (self) for (const f of SELF) fields.add(f);
  if (isAdmin(actor)) {
    for (const f of ['name', 'email', 'function', 'roles', 'slackId', 'active', 'password'] as const)
      fields.add(f);
    return fields;
  }
  if (!isManager(actor)) return fields;
  if (target === null) {
    for (const f of ['name', 'email', 'function', 'roles', 'slackId', 'active'] as const) fields.add(f);
    return fields;
  }
  if (target.roles.includes('admin') || self) return fields;
  for (const f of ['name', 'function', 'slackId'] as const) fields.add(f);
  if (within(target.roles, grantableRoles(actor))) fields.add('active');
  return fields;
}

/**
 * Whether a write of `input` by `actor` to `target` (null: create) stays inside the actor's rights: every field
 * editable, and any roles given within what the actor may grant.
 */
export function mayWritePerson(actor: PersonActor, target: PersonTarget | null, input: unknown): boolean {
  const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const allowed = editablePersonFields(actor, target);
  if (allowed.size === 0) return false;
  // Unknown fields and roles are left to validation, which names them.
  const keys = Object.keys(body).filter((k) => body[k] !== undefined && FIELDS.includes(k as PersonField));
  if (!keys.every((k) => allowed.has(k as PersonField))) return false;
  const roles = Array.isArray(body.roles) ? body.roles.filter((r) => ROLES.includes(r)) : [];
  return within(roles, grantableRoles(actor));
}
