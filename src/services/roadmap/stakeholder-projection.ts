import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { roadmapItems, roadmapItemVersions } from '../../db/schema/index.ts';
import type { TRoadmapItemState } from '../../shared/roadmap.ts';

/**
 * The stakeholder projection of the roadmap (issues 13 and 21): the one place that says what a stakeholder (Sales,
 * Support, CS, Exec) reads of roadmap items. Every read that gives them items, titles, ranges or versions goes
 * through it: the list and one item, an item's history, what changed, the stakeholder view, decisions' links,
 * status cards and a release's "when".
 *
 * - An item exists for them only when its ratified version is shown to stakeholders; any other is "not found",
 *   never "forbidden", and never named (no title, no id, no range, no "depends on …" line).
 * - They read that ratified version, never the working state: no unratified change, no PM's note.
 * - Its versions are the ratified ones shown to them, dated when ratified, without the notes.
 *
 * The Roadmap Review is not projected: it works on unratified changes and PMs' notes, and stakeholders are refused
 * it (policies/roadmap.ts). The status search's titles follow the same rule in database triggers (migration 0012).
 */

/** An item's ratified version, joined beside it. */
export const ratified = alias(roadmapItemVersions, 'ratified');
export const ratifiedOfItem = () =>
  and(eq(ratified.itemId, roadmapItems.id), eq(ratified.version, roadmapItems.ratifiedVersion));

/** SQL: this state document is shown to stakeholders. */
export const shownSql = (state: SQL | AnyColumn) => sql`${state}->>'visibility' = 'stakeholders'`;
export const isShown = (s: Pick<TRoadmapItemState, 'visibility'>) => s.visibility === 'stakeholders';

/** The items a stakeholder may read (ratified as shown to them), with `where` on them and their ratified state. */
export function readableItems(db: Db, where?: SQL) {
  return db
    .select({ id: roadmapItems.id })
    .from(roadmapItems)
    .innerJoin(ratified, ratifiedOfItem())
    .where(and(shownSql(ratified.state), where));
}

/** `column = any(ids)` with the ids as one array parameter (a roadmap state's ids are uuids: the schema says so). */
export const anyOf = (column: AnyColumn, ids: readonly string[]) =>
  sql`${column} = any(${sql.param(ids)}::uuid[])`;

/** The ids of the items a stakeholder may read; with `among`, only those of these ids. */
export async function readableItemIds(db: Db, among?: readonly string[]): Promise<Set<string>> {
  if (among && !among.length) return new Set();
  const rows = await readableItems(db, among ? anyOf(roadmapItems.id, among) : undefined);
  return new Set(rows.map((r) => r.id));
}

/** A ratified state as a stakeholder reads it: dependencies only on items they may read. */
export const projectState = <S extends Pick<TRoadmapItemState, 'dependsOn'>>(
  s: S,
  readable: ReadonlySet<string>,
): S => ({ ...s, dependsOn: s.dependsOn.filter((d) => readable.has(d)) });

/** Ratified states (as they stand, or stood at an instant) as stakeholders read them: the shown ones only. */
export function projectStates(rows: readonly { id: string; state: TRoadmapItemState }[]) {
  const shown = rows.filter((r) => isShown(r.state));
  const readable = new Set(shown.map((r) => r.id));
  return shown.map((r) => ({ id: r.id, state: projectState(r.state, readable) }));
}

interface Version {
  version: number;
  kind: string;
  note: string;
  changedAt: Date;
  state: TRoadmapItemState;
}

/**
 * An item's versions as a stakeholder reads them: only those ratified as shown to stakeholders, dated when they
 * were ratified (`ratifiedAt`, by version), without the PM's note; a revert reads as any other edit.
 */
export function projectVersions<V extends Version>(
  versions: readonly V[],
  ratifiedAt: ReadonlyMap<number, Date>,
  readable: ReadonlySet<string>,
): V[] {
  return versions
    .filter((v) => ratifiedAt.has(v.version) && isShown(v.state))
    .map(
      (v) =>
        ({
          ...v,
          note: '',
          kind: 'edit',
          changedAt: ratifiedAt.get(v.version)!,
          state: projectState(v.state, readable),
        }) as V,
    );
}

/** The ratified titles of the items a stakeholder may read (with `among`, of these ids only). */
export async function stakeholderTitles(db: Db, among?: readonly string[]): Promise<Map<string, string>> {
  if (among && !among.length) return new Map();
  const rows = await db
    .select({ id: roadmapItems.id, title: sql<string>`${ratified.state}->>'title'` })
    .from(roadmapItems)
    .innerJoin(ratified, ratifiedOfItem())
    .where(and(shownSql(ratified.state), among ? anyOf(roadmapItems.id, among) : undefined));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Links to items (a decision's), as a stakeholder reads them: the readable ones, by their ratified titles. */
export const projectLinks = (ids: readonly string[], titles: ReadonlyMap<string, string>) =>
  ids.flatMap((id) => (titles.has(id) ? [{ id, title: titles.get(id)! }] : []));
