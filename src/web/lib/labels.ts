import { ROLE_LABELS, rolesText, type TFunction, type TPodRole } from '../../shared/role-names.ts';

/** Display names for the API's enums; the API keeps the stable keys. */
export { ROLE_LABELS, rolesText };

export const FUNCTION_LABELS: Record<TFunction, string> = {
  pm: 'Product management',
  eng: 'Engineering',
  design: 'Design',
  sales: 'Sales',
  cs: 'Customer success',
  support: 'Support',
  marketing: 'Marketing',
  exec: 'Executive',
  data: 'Data',
  product_ops: 'Product Ops',
};

export const POD_ROLE_LABELS: Record<TPodRole, string> = {
  pm: 'PM',
  designer: 'Designer',
  engineer: 'Engineer',
};

export const POD_ROLE_PLURALS: Record<TPodRole, string> = {
  pm: 'PM',
  designer: 'Design',
  engineer: 'Engineering',
};

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export const weekdayName = (n: number): string => WEEKDAYS[n - 1] ?? `day ${n}`;

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const numberFormat = new Intl.NumberFormat('en-US');
export const formatNumber = (n: number): string => numberFormat.format(n);

/** A key with no label of its own (an audit record's type) in words: "plan_deliverable" → "plan deliverable". */
export const keyWords = (key: string): string => key.replace(/[_.]+/g, ' ').trim();
