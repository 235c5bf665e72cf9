import type { z } from 'zod';

/**
 * A small seeded generator of request bodies from zod schemas (fast-check is not a dependency): the input fuzz
 * test (src/server/input-fuzz.test.ts) walks the route table with it. Same seed, same cases.
 */
export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough to pick cases; never for secrets. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)]!, chance: (p) => next() < p };
}

/** A version-4 UUID from the seed: a case names the same unknown record on every run. */
export function uuidOf(rnd: Random): string {
  const hex = Array.from({ length: 32 }, () => rnd.int(16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[rnd.int(4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Text people type that must come back exactly as sent: accents, emoji (astral, ZWJ), scripts, marks, markup. */
export const TRICKY_TEXT = [
  'Ünïcödé café — naïve “quotes” ‘single’',
  'Emoji 😀 👩‍👩‍👧 🇫🇷 ✓ ★',
  '中文 日本語 한국어',
  'עברית العربية mixed → RTL',
  'e\u0301 a\u0308 combining marks',
  'Back\\slash "double" \'single\' `tick`',
  '<b>tag</b> & &amp; <script>x</script>',
  'two\nlines\ttab',
  'zero\u200bwidth\u2028line\u00a0nbsp',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 math',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as typed text
  '% _ * [] {} $1 ${x} {{y}}',
];

/** Text no route may store: refused (400 naming the field), never stored changed. */
export const BAD_TEXT = [
  'lone \ud800 high',
  'lone \udfff low',
  'swapped \udc00\ud800 pair',
  'nul \u0000 byte',
  'esc \u001b[31m',
];

/** Values of the wrong kind or at the edge of a type. */
export const EDGE_VALUES: unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 53,
  1e308,
  -1e308,
  '99999999999999999999',
  true,
  null,
  [],
  {},
  { nested: { deeper: [1, { x: 'y' }] } },
  ['a', 'b'],
];

/** Strings in the shapes the schemas ask for; the first one a field's schema accepts is used. */
const SHAPED = [
  '2026-12-24',
  '2026-W48',
  '2026-12',
  '2026-Q4',
  '14:00',
  '2026-11-20T14:00:00Z',
  'billing-core',
  'fuzz@example.com',
  'https://hooks.slack.com/services/T1/B1/x',
  'https://example.com/x',
  'Europe/Paris',
  '#updates',
  'U012ABCDEF',
  'correct horse battery staple',
  'a',
  '1',
];

interface Def {
  type?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  keyType?: z.ZodType;
  items?: z.ZodType[];
  checks?: { _zod?: { def?: { check?: string; minimum?: number; maximum?: number; value?: number } } }[];
  getter?: () => z.ZodType;
}

const defOf = (s: unknown): Def => (s as { _zod?: { def?: Def } })?._zod?.def ?? {};
const accepts = (s: z.ZodType, v: unknown) => {
  const r = s.safeParse(v);
  return r.success ? { out: r.data } : null;
};

/** What a generated value holds: the free texts in it (expected back exactly), by field path. */
export interface Generated {
  value: unknown;
  texts: { path: string; text: string }[];
}

export interface GenOptions {
  rnd: Random;
  /** A real id for a field, by its name ("areaId" → an area's), or undefined for a random one. */
  idFor(field: string): string | undefined;
  /** A unique prefix per text, so a response's copy is found. */
  marker(): string;
}

/** A value the schema is likely to accept, with free text drawn from TRICKY_TEXT. */
export function generate(schema: unknown, o: GenOptions, path = '', depth = 0): Generated {
  const s = schema as z.ZodType;
  const def = defOf(schema);
  const texts: Generated['texts'] = [];
  const sub = (inner: unknown, p: string) => {
    const g = generate(inner, o, p, depth + 1);
    texts.push(...g.texts);
    return g.value;
  };
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape ?? {})) {
        const optional = ['optional', 'default', 'prefault'].includes(defOf(v).type ?? '');
        if (optional && (depth > 2 || o.rnd.chance(0.4))) continue;
        value[k] = sub(v, path ? `${path}.${k}` : k);
      }
      return { value, texts };
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return generate(def.innerType, o, path, depth);
    case 'pipe':
      return generate(defOf(def.in).type === 'transform' ? def.out : def.in, o, path, depth);
    case 'lazy':
      return depth > 3 ? { value: null, texts } : generate(def.getter?.(), o, path, depth + 1);
    case 'union':
      return generate(o.rnd.pick(def.options ?? []), o, path, depth);
    case 'array': {
      const min = checkOf(def, 'min_length') ?? 0;
      const n = Math.max(min, depth > 2 ? 0 : o.rnd.int(3));
      return { value: Array.from({ length: n }, (_, i) => sub(def.element, `${path}.${i}`)), texts };
    }
    case 'tuple':
      return { value: (def.items ?? []).map((x, i) => sub(x, `${path}.${i}`)), texts };
    case 'record':
      return { value: { [String(generate(def.keyType, o).value)]: sub(def.valueType, `${path}.k`) }, texts };
    case 'enum':
      return { value: o.rnd.pick(Object.values(def.entries ?? { a: 'a' })), texts };
    case 'literal':
      return { value: o.rnd.pick(def.values ?? [null]), texts };
    case 'boolean':
      return { value: o.rnd.chance(0.5), texts };
    case 'number':
    case 'int': {
      const min = checkOf(def, 'greater_than') ?? 0;
      const max = checkOf(def, 'less_than') ?? min + 10;
      return { value: Math.round(min + o.rnd.next() * Math.min(10, max - min)), texts };
    }
    case 'null':
      return { value: null, texts };
    case 'string':
      return stringFor(s, o, path);
    default:
      return { value: 'x', texts };
  }
}

function checkOf(def: Def, check: string): number | undefined {
  for (const c of def.checks ?? []) {
    const d = c._zod?.def;
    if (d?.check === check) return d.minimum ?? d.maximum ?? d.value;
  }
  return undefined;
}

function stringFor(s: z.ZodType, o: GenOptions, path: string): Generated {
  const field =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? '';
  const id = o.idFor(field);
  if (id && accepts(s, id)) return { value: id, texts: [] };
  const uuid = uuidOf(o.rnd);
  if (accepts(s, uuid) && !accepts(s, 'plain words')) return { value: uuid, texts: [] };
  const max = checkOf(defOf(s), 'max_length') ?? 200;
  const text = `${o.marker()} ${o.rnd.pick(TRICKY_TEXT)}`
    .slice(0, max)
    .replace(/[\ud800-\udbff]$/, '') // never half a pair where the cut falls
    .trimEnd();
  const parsed = accepts(s, text);
  // Only a text the schema takes as it is must come back as it is (a schema may trim or lower-case by design).
  if (parsed && parsed.out === text) return { value: text, texts: [{ path, text }] };
  if (parsed) return { value: text, texts: [] };
  const shaped = SHAPED.find((x) => accepts(s, x));
  return { value: shaped ?? 'x', texts: [] };
}

/** Every path in a value where a string sits: where a bad text can go. */
export function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, path ? `${path}.${k}` : k));
  return [];
}

/** Every leaf path of an object value (no arrays entered): where an edge value can go. */
export function leafPaths(value: unknown, path = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  return path ? [path] : [];
}

/** A copy of `value` with `replacement` at `path` ("a.b.0"). */
export function withAt(value: unknown, path: string, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1)!] = replacement;
  return copy;
}

/** Every string anywhere in a parsed JSON value. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
