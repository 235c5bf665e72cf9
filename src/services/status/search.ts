import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { TStatusSubject } from '../../shared/status.ts';
import { getSettings } from '../org/settings.ts';
import type { Reader } from '../roadmap/items.ts';

export interface Hit {
  subject: TStatusSubject;
  id: string;
  title: string;
  areaName: string | null;
  /** pg_trgm word similarity of the question in the title (0–1), then whole-title similarity. */
  score: number;
  whole: number;
}

/** Below this word similarity a title is not what was asked about ("salesfroce" → "Salesforce sync v2" is 0.55). */
const THRESHOLD = 0.4;
const LIMIT = 10;

/**
 * The best matches for a question across roadmap items, releases, decisions, areas and insight themes, ranked in
 * PostgreSQL by trigram word similarity (GIN indexes, migration 0008). A stakeholder's roadmap items are searched
 * in the version the Head of Product ratified, among those shown to stakeholders: a working title never matches.
 */
export async function searchStatus(db: Db, question: string, reader: Reader): Promise<Hit[]> {
  const q = question.toLowerCase();
  const themes = (await getSettings(db)).insights.themes;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(THRESHOLD)}, true)`);
    const parts = [
      releasesPart(q),
      reader === 'org' ? itemsPart(q) : ratifiedItemsPart(q),
      decisionsPart(q),
      areasPart(q),
      ...(themes.length ? [themesPart(q, themes)] : []),
    ];
    const res = await tx.execute(
      sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, whole desc, title limit ${LIMIT}`,
    );
    return rowsOf<Hit>(res).map((r) => ({ ...r, score: Number(r.score), whole: Number(r.whole) }));
  });
}

/** score and whole for one title expression (q is already lower case). */
const scored = (q: string, title: SQL) =>
  sql`word_similarity(${q}, lower(${title}))::float8 as score, similarity(${q}, lower(${title}))::float8 as whole`;

const releasesPart = (q: string) => sql`
  select 'release' as subject, r.id::text as id, r.title as title, a.name as "areaName", ${scored(q, sql`r.title`)}
  from releases r left join areas a on a.id = r.area_id
  where ${q} <% lower(r.title)`;

const itemsPart = (q: string) => sql`
  select 'roadmap_item', i.id::text, i.state->>'title', a.name, ${scored(q, sql`i.state->>'title'`)}
  from roadmap_items i join areas a on a.id = i.area_id
  where ${q} <% lower(i.state->>'title')`;

const ratifiedItemsPart = (q: string) => sql`
  select 'roadmap_item', i.id::text, v.state->>'title', a.name, ${scored(q, sql`v.state->>'title'`)}
  from roadmap_items i
  join roadmap_item_versions v on v.item_id = i.id and v.version = i.ratified_version
  join areas a on a.id = i.area_id
  where v.state->>'visibility' = 'stakeholders' and ${q} <% lower(v.state->>'title')`;

const decisionsPart = (q: string) => sql`
  select 'decision', d.id::text, d.title, null, ${scored(q, sql`d.title`)}
  from decisions d
  where ${q} <% lower(d.title)`;

const areasPart = (q: string) => sql`
  select 'area', a.id::text, a.name, a.name, ${scored(q, sql`a.name`)}
  from areas a
  where ${q} <% lower(a.name)`;

/** Themes live in the settings: a handful of rows, matched by the same operator. */
function themesPart(q: string, themes: readonly { key: string; label: string }[]) {
  const rows = sql.join(
    themes.map((t) => sql`(${t.key}, ${t.label})`),
    sql`, `,
  );
  return sql`
  select 'theme', t.key, t.label, null, ${scored(q, sql`t.label`)}
  from (values ${rows}) as t(key, label)
  where ${q} <% lower(t.label)`;
}
