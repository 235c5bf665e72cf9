/** The zod definition parts this walk reads (zod 4 keeps them on `_zod.def`). */
interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
}

const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/**
 * Every field path a body schema accepts, objects inside objects included ("replacement.ownerId"), through
 * optional, nullable, default, refine and union wrappers; arrays are not entered.
 */
export function fieldPaths(schema: unknown, prefix = '', depth = 0): string[] {
  const def = defOf(schema);
  if (!def || depth > 3) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => [
        `${prefix}${key}`,
        ...fieldPaths(value, `${prefix}${key}.`, depth + 1),
      ]);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return fieldPaths(def.innerType, prefix, depth);
    case 'pipe':
      return fieldPaths(def.in, prefix, depth);
    case 'union':
      return [...new Set((def.options ?? []).flatMap((o) => fieldPaths(o, prefix, depth)))];
    default:
      return [];
  }
}
