import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { people, statusQuestions } from '../../db/schema/index.ts';
import type { TStatusAnswer, TStatusChannel, TStatusMatch, TStatusSubject } from '../../shared/status.ts';
import type { Reader } from '../roadmap/item-reads.ts';
import { cardFor, PATHS } from './cards.ts';
import { type Hit, searchStatus } from './search.ts';

export interface StatusQuestion {
  db: Db;
  now: Date;
  /** The question in words ("salesforce sync"). */
  q: string;
  /** A choice an earlier answer offered: answers that one. */
  pick?: { subject: TStatusSubject; id: string };
  reader: Reader;
  /** Who asks (null: an admin command or token without a person). */
  personId: string | null;
  channel: TStatusChannel;
  /** False for an answer asked again to be shared: the question was counted when first asked. */
  record?: boolean;
}

/** A clear winner: the best match is this much more similar than the next. */
const LEAD = 0.2;

/**
 * "What's the status of X?" answered in one card, the top three to pick from when it is ambiguous, or "nothing
 * found" with the PM of the nearest area to ask. Every question is logged: answered ones are pings avoided (C8).
 */
export async function answerStatus(o: StatusQuestion): Promise<TStatusAnswer> {
  const answer = await answerFor(o);
  if (o.record === false) return answer;
  await o.db.insert(statusQuestions).values({
    askedAt: o.now,
    personId: o.personId,
    // The asker's function read in the same statement.
    function: o.personId
      ? sql`(select ${people.function} from ${people} where ${people.id} = ${o.personId})`
      : null,
    channel: o.channel,
    text: o.q,
    matched: answer.card ? [matchOf(answer.card)] : answer.choices,
    answered: answer.outcome === 'answer',
  });
  return answer;
}

async function answerFor(o: StatusQuestion): Promise<TStatusAnswer> {
  if (o.pick) {
    const card = await cardFor(o.db, o.pick.subject, o.pick.id, o.reader, o.now);
    if (card)
      return { query: o.q, outcome: 'answer', card, choices: [], askInstead: null, message: card.title };
  }
  const hits = await searchStatus(o.db, o.q, o.reader);
  if (!hits.length) return nothingFound(o);
  if (clearWinner(hits)) {
    const card = await cardFor(o.db, hits[0]!.subject, hits[0]!.id, o.reader, o.now);
    if (card)
      return { query: o.q, outcome: 'answer', card, choices: [], askInstead: null, message: card.title };
  }
  const choices = hits.slice(0, 3).map(matchOf);
  return {
    query: o.q,
    outcome: 'choose',
    card: null,
    choices,
    askInstead: null,
    message: `"${o.q}" could be ${choices.length} things: pick one.`,
  };
}

function clearWinner(hits: readonly Hit[]): boolean {
  const [best, next] = hits;
  if (!best) return false;
  if (!next) return true;
  return best.score - next.score >= LEAD || (best.whole - next.whole >= LEAD && best.score >= next.score);
}

function matchOf(h: Pick<Hit, 'subject' | 'id' | 'title' | 'areaName'>): TStatusMatch {
  return { subject: h.subject, id: h.id, title: h.title, areaName: h.areaName, path: PATHS[h.subject](h.id) };
}

/** Nothing matched: the area whose name and description are nearest the words, and its PM. */
async function nothingFound(o: StatusQuestion): Promise<TStatusAnswer> {
  const q = o.q.toLowerCase();
  const res = await o.db.execute(sql`
    select a.name as "areaName", p.name as "ownerName"
    from areas a join people p on p.id = a.owner_pm_id
    order by word_similarity(${q}, lower(a.name || ' ' || a.description)) desc, a.name
    limit 1`);
  const rows = rowsOf<{ areaName: string; ownerName: string }>(res);
  const near = rows[0] ?? null;
  const ask = near ? ` Ask ${near.ownerName}, PM for ${near.areaName}.` : '';
  return {
    query: o.q,
    outcome: 'none',
    card: null,
    choices: [],
    askInstead: near,
    message: `Nothing in prodops matches "${o.q}".${ask}`,
  };
}
