// Roles and functions as plain values, without zod: the web app's layout and sign-in page use them, and zod
// stays out of the browser's first download. The schemas are in roles.ts.
/** Roles from SPEC.md "Users and roles"; a person may hold several. */
export const ROLES = [
  'admin',
  'product_ops',
  'head_of_product',
  'pm',
  'eng_lead',
  'designer',
  'engineer',
  'stakeholder',
] as const;
export type TRole = (typeof ROLES)[number];

/** Roles as people read them. */
export const ROLE_LABELS: Record<TRole, string> = {
  admin: 'Admin',
  product_ops: 'Product Ops',
  head_of_product: 'Head of Product',
  pm: 'PM',
  eng_lead: 'Eng lead',
  designer: 'Designer',
  engineer: 'Engineer',
  stakeholder: 'Stakeholder',
};

/** Roles in words, in the order held ("PM, Eng lead"). */
/** Anyone with a role beyond "stakeholder" builds the product: they see its internal, working roadmap. */
export const inProductOrg = (roles: readonly TRole[]): boolean => roles.some((r) => r !== 'stakeholder');

export const rolesText = (roles: readonly TRole[]): string => roles.map((r) => ROLE_LABELS[r]).join(', ');

/** A person's function: what they do, independent of what they may do in prodops. */
export const FUNCTIONS = [
  'pm',
  'eng',
  'design',
  'sales',
  'cs',
  'support',
  'marketing',
  'exec',
  'data',
  'product_ops',
] as const;
export type TFunction = (typeof FUNCTIONS)[number];

/** A person's role inside a 3-1-1 pod. */
export const POD_ROLES = ['pm', 'engineer', 'designer'] as const;
export type TPodRole = (typeof POD_ROLES)[number];
