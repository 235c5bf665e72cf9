import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';

const SYNC_ACTOR = systemActor('prodops (bug sync)');

/**
 * Bugs from the feedback: each group of near-duplicate items tagged `bug` is one bug (source "insights", the
 * group's key as its id), in the area most of its items are tagged with, opened on its first item's day in the
 * org's zone. Idempotent: a group already known is only brought up to date (area, first day, reports), and a run
 * that finds nothing new writes nothing. An open bug whose items are no longer tagged `bug` closes as not a bug
 * (and opens again if they are re-tagged); a closed bug stays closed when more reports come in.
 */
export async function syncBugsFromInsights(
  db: Db,
  now: Date,
): Promise<{ created: number; updated: number; closed: number; reopened: number }> {
  const { timeZone } = await getSettings(db);
  return db.transaction(async (tx) => {
    const reopened = rowsOf<{ id: string; title: string }>(
      await tx.execute(sql`
        update bugs b set state = 'open', closed_at = null, closed_reason = null, closed_by = null,
          updated_at = ${now}
        where b.source = 'insights' and b.closed_reason = 'not_a_bug'
          and exists (select 1 from insight_items i where i.kind = 'bug' and i.dup_key = b.external_id::bigint)
        returning b.id, b.title`),
    );
    const closed = rowsOf<{ id: string; title: string }>(
      await tx.execute(sql`
        update bugs b set state = 'closed', closed_at = ${now}, closed_reason = 'not_a_bug',
          closed_by = ${SYNC_ACTOR.label}, updated_at = ${now}
        where b.source = 'insights' and b.state = 'open'
          and not exists (select 1 from insight_items i where i.kind = 'bug' and i.dup_key = b.external_id::bigint)
        returning b.id, b.title`),
    );
    const upserted = rowsOf<{ id: string; created: boolean }>(
      await tx.execute(sql`
        with g as (
          select dup_key::text as key, min(occurred_at) as first_at, max(occurred_at) as last_at,
            count(*)::int as reports, (array_agg(title order by occurred_at, id))[1] as title,
            mode() within group (order by area_id) as area_id
          from insight_items where kind = 'bug' group by dup_key
        )
        insert into bugs as b (source, external_id, area_id, title, opened_on, reports, last_reported_at,
          created_at, updated_at)
        select 'insights', g.key, g.area_id, g.title, (g.first_at at time zone ${timeZone})::date, g.reports,
          g.last_at, ${now}, ${now}
        from g
        on conflict (source, external_id) do update set area_id = excluded.area_id,
          opened_on = excluded.opened_on, reports = excluded.reports,
          last_reported_at = excluded.last_reported_at, updated_at = excluded.updated_at
        where b.area_id is distinct from excluded.area_id or b.opened_on <> excluded.opened_on
          or b.reports <> excluded.reports or b.last_reported_at <> excluded.last_reported_at
        returning b.id, (b.xmax = 0) as created`),
    );
    const created = upserted.filter((r) => r.created).length;
    const out = {
      created,
      updated: upserted.length - created,
      closed: closed.length,
      reopened: reopened.length,
    };
    for (const [rows, action] of [
      [closed, 'bugs.close'],
      [reopened, 'bugs.reopen'],
    ] as const)
      for (const b of rows)
        await recordAudit(tx, {
          actor: SYNC_ACTOR,
          action,
          entityType: 'bug',
          entityId: b.id,
          change:
            action === 'bugs.close'
              ? { state: 'closed', reason: 'not_a_bug', why: 'its reports are no longer tagged as bugs' }
              : { state: 'open', why: 'its reports are tagged as bugs again' },
        });
    if (created)
      await recordAudit(tx, {
        actor: SYNC_ACTOR,
        action: 'bugs.sync',
        entityType: 'bug',
        entityId: 'insights',
        change: out,
      });
    return out;
  });
}
