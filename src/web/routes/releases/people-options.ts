import type { TArea, TPerson } from '../../../shared/org.ts';

/** PM owners: PMs and the Head of Product, plus whoever holds the post now (so the value always shows). */
export const pmOptions = (people: readonly TPerson[], current: string) =>
  people
    .filter(
      (p) => p.id === current || (p.active && p.roles.some((r) => r === 'pm' || r === 'head_of_product')),
    )
    .map((p) => ({ value: p.id, label: p.name }));

/** Eng owners: engineers and eng leads (by function or role). */
export const engOptions = (people: readonly TPerson[], current: string) =>
  people
    .filter(
      (p) =>
        p.id === current ||
        (p.active && (p.function === 'eng' || p.roles.some((r) => r === 'eng_lead' || r === 'engineer'))),
    )
    .map((p) => ({ value: p.id, label: p.name }));

export const areaOptions = (areas: readonly TArea[]) => areas.map((a) => ({ value: a.id, label: a.name }));
