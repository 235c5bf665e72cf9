import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { TStatusSubject } from '../../shared/status.ts';
import { getSettings } from '../org/settings.ts';
import type { Reader } from '../roadmap/item-reads.ts';

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
 * PostgreSQL by trigram word similarity. The titles are in status_search (one GIN index, kept by triggers,
 * migration 0012): a stakeholder finds roadmap items only by the title the Head of Product ratified, among those
 * shown to stakeholders; a working title never matches.
 */
export async function searchStatus(db: Db, question: string, reader: Reader): Promise<Hit[]> {
  const q = question.toLowerCase();
  const themes = (await getSettings(db)).insights.themes;
  return db.transaction(async (tx) => {
    await trigramSearchIn(tx);
    const parts = [titlesPart(q, reader), ...(themes.length ? [themesPart(q, themes)] : [])];
    const res = await tx.execute(
      sql`select * from (${sql.join(parts, sql` union all `)}) hits order by score desc, whole desc, title limit ${LIMIT}`,
    );
    return rowsOf<Hit>(res).map((r) => ({ ...r, score: Number(r.score), whole: Number(r.whole) }));
  });
}

/**
 * For the rest of this transaction: `<%` means a word similarity of at least THRESHOLD, and it is answered
 * through status_search's GIN index. The planner prices `<%` like a cheap comparison and would scan the whole
 * table (each title's trigrams computed, ~10 µs a row: 60 ms for 10,000 titles); through the index only titles
 * sharing trigrams with the question are compared (~2 ms). A parallel gather for so small a result costs more
 * than it saves, and so would JIT compiling it (a plan priced with a disabled scan crosses jit_above_cost).
 */
export async function trigramSearchIn(tx: Db): Promise<void> {
  await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(THRESHOLD)}, true),
    set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
    set_config('jit', 'off', true)`);
}

/** score and whole for one title expression (q is already lower case). */
const scored = (q: string, title: SQL) =>
  sql`word_similarity(${q}, lower(${title}))::float8 as score, similarity(${q}, lower(${title}))::float8 as whole`;

/** Releases, decisions, areas, and roadmap items in the reader's version of them. */
const titlesPart = (q: string, reader: Reader) => sql`
  select s.subject, s.id::text as id, s.title, a.name as "areaName", ${scored(q, sql`s.title`)}
  from status_search s left join areas a on a.id = s.area_id
  where s.audience in ('everyone', ${reader === 'org' ? 'org' : 'stakeholders'}) and ${q} <% lower(s.title)`;

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
