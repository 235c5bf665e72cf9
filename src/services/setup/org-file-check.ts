import { eq, inArray } from 'drizzle-orm';
import { LineCounter, parseDocument } from 'yaml';
import type { Db } from '../../db/client.ts';
import { areas, people } from '../../db/schema/index.ts';
import { podCompositionErrors } from '../../domain/org/pods.ts';
import { slackWebhookUrlProblem } from '../../integrations/slack/validate.ts';
import { type TOrgFile, ZOrgFile } from '../../shared/org-file.ts';
import type { TRole } from '../../shared/roles.ts';
import { getSettings } from '../org/settings.ts';
import { checkTrackers, type OrgFileEnv } from './org-file-trackers.ts';

export interface OrgFileProblem {
  /** Path in the document, like people[3].email. */
  path: string;
  message: string;
  line?: number;
}

type Path = (string | number)[];
const show = (path: Path) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') ||
  '(document)';

/** Parses YAML or JSON text and checks its shape; problems carry the line they are on. */
export type ParsedOrgFile =
  | { doc: TOrgFile; lineOf: LineOf }
  | { problems: OrgFileProblem[]; lenient?: LenientOrgFile | null; lineOf?: LineOf };
type LineOf = (path: Path) => number | undefined;

export function parseOrgFile(text: string): ParsedOrgFile {
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (yamlDoc.errors.length > 0) {
    return {
      problems: yamlDoc.errors.map((e) => ({
        path: '(document)',
        message: `not valid YAML: ${e.message.split('\n')[0]}`,
        line: e.linePos?.[0]?.line,
      })),
    };
  }
  const lineOf = (path: Path): number | undefined => {
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const node = yamlDoc.getIn(p, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return undefined;
    }
    return undefined;
  };
  const raw: unknown = yamlDoc.toJS();
  const parsed = ZOrgFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => {
      const path = issue.path as Path;
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((k) => ({
          path: show([...path, k]),
          message: unknownKeyMessage(path, k),
          line: lineOf([...path, k]),
        }));
      }
      return [{ path: show(path), message: issue.message, line: lineOf(path) }];
    });
    return { problems, lenient: lenientDoc(raw), lineOf };
  }
  return { doc: parsed.data, lineOf };
}

/** A secret written into the file is refused with where it belongs instead: an environment variable. */
function unknownKeyMessage(path: Path, key: string): string {
  if (path[0] === 'trackers' && (key === 'token' || key === 'webhookSecret'))
    return `is not a known field: secrets stay out of the file, name the environment variable that holds it with ${key}Env`;
  return 'is not a known field';
}

/** The items that are valid on their own (others become null, keeping indices), so references are checked too. */
function lenientDoc(raw: unknown): LenientOrgFile | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const section = <T>(
    key: keyof typeof ZOrgFile.shape,
    schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  ): (T | null)[] =>
    Array.isArray(r[key])
      ? (r[key] as unknown[]).map((v) => (schema.safeParse(v).data as T | undefined) ?? null)
      : [];
  const shape = ZOrgFile.shape;
  return {
    settings: shape.settings.safeParse(r.settings).data,
    people: section('people', shape.people.unwrap().element),
    areas: section('areas', shape.areas.unwrap().element),
    pods: section('pods', shape.pods.unwrap().element),
    raci: section('raci', shape.raci.unwrap().element),
    rituals: section('rituals', shape.rituals.unwrap().element),
    channels: section('channels', shape.channels.unwrap().element),
    trackers: lenientTrackers(r.trackers),
  };
}

/** The tracker entries that are valid on their own (the others' problems are reported already). */
function lenientTrackers(raw: unknown): LenientOrgFile['trackers'] {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entries = ZOrgFile.shape.trackers.unwrap().shape;
  const r = raw as Record<string, unknown>;
  return {
    github: entries.github.safeParse(r.github).data,
    jira: entries.jira.safeParse(r.jira).data,
    linear: entries.linear.safeParse(r.linear).data,
  };
}

type Item<K extends 'people' | 'areas' | 'pods' | 'raci' | 'rituals' | 'channels'> = NonNullable<
  TOrgFile[K]
>[number];
export interface LenientOrgFile {
  settings?: TOrgFile['settings'];
  people: (Item<'people'> | null)[];
  areas: (Item<'areas'> | null)[];
  pods: (Item<'pods'> | null)[];
  raci: (Item<'raci'> | null)[];
  rituals: (Item<'rituals'> | null)[];
  channels: (Item<'channels'> | null)[];
  trackers?: TOrgFile['trackers'];
}

function duplicates<T>(
  items: readonly (T | null)[],
  key: (t: T) => string,
  path: (i: number) => Path,
  what: string,
): [Path, string][] {
  const seen = new Map<string, number>();
  const out: [Path, string][] = [];
  items.forEach((item, i) => {
    if (item === null) return;
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) out.push([path(i), `${what} "${k}" is also at index ${first}`]);
    else seen.set(k, i);
  });
  return out;
}

/** Emails that must name a person, in the file (already in `known`) or the database. */
async function refsExist(
  db: Db,
  known: Map<string, readonly string[]>,
  out: [Path, string][],
  refs: [Path, string | null | undefined][],
) {
  for (const [path, email] of refs) {
    if (!email || known.has(email)) continue;
    const [row] = await db.select({ roles: people.roles }).from(people).where(eq(people.email, email));
    if (row) known.set(email, row.roles);
    else out.push([path, `"${email}" is not a person in this file or the database`]);
  }
}

/** Items with their index in the file, skipping the ones that failed their own checks. */
const indexed = <T>(items: readonly (T | null)[]) =>
  items.flatMap((item, i) => (item === null ? [] : [[item, i] as const]));

export function toLenient(doc: TOrgFile): LenientOrgFile {
  return {
    settings: doc.settings,
    people: doc.people ?? [],
    areas: doc.areas ?? [],
    pods: doc.pods ?? [],
    raci: doc.raci ?? [],
    rituals: doc.rituals ?? [],
    channels: doc.channels ?? [],
    trackers: doc.trackers,
  };
}

/** Cross-references: every email and slug resolves (in the file or the database), roles fit, pods obey hard rules. */
export async function checkOrgFileRefs(
  db: Db,
  doc: LenientOrgFile,
  opts: { allowAnyWebhookHost: boolean; env: OrgFileEnv },
): Promise<[Path, string][]> {
  const out: [Path, string][] = [];
  out.push(
    ...duplicates(
      doc.people,
      (p) => p.email,
      (i) => ['people', i, 'email'],
      'email',
    ),
  );
  out.push(
    ...duplicates(
      doc.areas,
      (a) => a.slug,
      (i) => ['areas', i, 'slug'],
      'area slug',
    ),
  );
  out.push(
    ...duplicates(
      doc.pods,
      (p) => p.slug,
      (i) => ['pods', i, 'slug'],
      'pod slug',
    ),
  );
  out.push(
    ...duplicates(
      doc.raci,
      (r) => r.activity.toLowerCase(),
      (i) => ['raci', i, 'activity'],
      'activity',
    ),
  );
  const areas_ = indexed(doc.areas);
  const pods = indexed(doc.pods);

  const emails = [
    ...areas_.flatMap(([a]) => [a.owner, a.engLead]),
    ...pods.flatMap(([p]) => [...(p.members ?? []), ...(p.rotation ?? [])].map((m) => m.email)),
  ].filter((e): e is string => Boolean(e));
  const dbPeople = emails.length
    ? await db
        .select({ email: people.email, roles: people.roles })
        .from(people)
        .where(inArray(people.email, [...new Set(emails)]))
    : [];
  const rolesOf = new Map<string, readonly string[]>(dbPeople.map((p) => [p.email, p.roles]));
  for (const [p] of indexed(doc.people)) rolesOf.set(p.email, p.roles);
  const areaSlugs = new Set(areas_.map(([a]) => a.slug));
  const missing = pods
    .map(([p]) => p.area)
    .filter((s): s is string => Boolean(s) && !areaSlugs.has(s as string));
  if (missing.length) {
    for (const a of await db.select({ slug: areas.slug }).from(areas).where(inArray(areas.slug, missing)))
      areaSlugs.add(a.slug);
  }

  const person = (path: Path, email: string | null | undefined, roles?: TRole[], label?: string) => {
    if (!email) return;
    const has = rolesOf.get(email);
    if (!has) out.push([path, `"${email}" is not a person in this file or the database`]);
    else if (roles && !roles.some((r) => has.includes(r))) out.push([path, `"${email}" is not ${label}`]);
  };
  for (const [a, i] of areas_) {
    person(['areas', i, 'owner'], a.owner, ['pm', 'head_of_product'], 'a PM');
    person(['areas', i, 'engLead'], a.engLead, ['eng_lead', 'engineer'], 'an engineer');
  }
  const targets = (doc.settings ?? (await getSettings(db))).pods;
  for (const [pod, i] of pods) {
    if (pod.area && !areaSlugs.has(pod.area))
      out.push([['pods', i, 'area'], `"${pod.area}" is not an area in this file or the database`]);
    for (const [j, m] of (pod.members ?? []).entries()) person(['pods', i, 'members', j, 'email'], m.email);
    for (const [j, r] of (pod.rotation ?? []).entries()) person(['pods', i, 'rotation', j, 'email'], r.email);
    out.push(
      ...duplicates(
        pod.rotation ?? [],
        (r) => r.week,
        (j) => ['pods', i, 'rotation', j, 'week'],
        'week',
      ),
    );
    const members = (pod.members ?? []).map((m) => ({ personId: m.email, role: m.role }));
    for (const e of podCompositionErrors(members, targets)) {
      const [, index] = e.path.split('.');
      out.push([
        index === undefined ? ['pods', i, 'members'] : ['pods', i, 'members', Number(index), 'email'],
        e.message,
      ]);
    }
  }
  out.push(
    ...duplicates(
      doc.rituals,
      (r) => r.slug,
      (i) => ['rituals', i, 'slug'],
      'ritual slug',
    ),
  );
  out.push(
    ...duplicates(
      doc.channels,
      (c) => `${c.kind}:${c.name}`,
      (i) => ['channels', i, 'name'],
      'channel',
    ),
  );
  for (const [r, i] of indexed(doc.rituals)) {
    await refsExist(db, rolesOf, out, [
      [['rituals', i, 'owner'], r.owner],
      ...(r.attendees?.emails ?? []).map((e, j): [Path, string] => [
        ['rituals', i, 'attendees', 'emails', j],
        e,
      ]),
    ]);
  }
  for (const [c, i] of indexed(doc.channels)) {
    const problem = c.webhookUrl
      ? slackWebhookUrlProblem(c.webhookUrl, { allowAnyHost: opts.allowAnyWebhookHost })
      : null;
    if (problem) out.push([['channels', i, 'webhookUrl'], problem]);
  }
  out.push(...(await checkTrackers(db, doc.trackers, opts.env)));
  return out;
}

export { show as showPath };
