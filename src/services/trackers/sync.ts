import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerConnections, trackerLinks } from '../../db/schema/index.ts';
import type { TSyncResult, TTrackerKind } from '../../shared/trackers.ts';
import { getSettings } from '../org/settings.ts';
import { adapterFor, type ClientDeps, isTrackerError, type TrackerAdapter } from './adapters.ts';
import { applyIssue, applyPulledWork, type TrackedIssue } from './apply.ts';
import { type ConnectionRow, requireConnection } from './connection.ts';
import { loadSubject } from './subjects.ts';

type LinkRow = typeof trackerLinks.$inferSelect;

/** What a sync runs with: the database, the clock it reads and, for tests, how it waits and fetches. */
export interface SyncDeps extends ClientDeps {
  db: Db;
}

interface Tally {
  differences: number;
  bugs: number;
  feedback: number;
}

/**
 * Issues a page at a time, each page in one transaction: a failure half-way keeps the pages already applied.
 * Returns how many were open and closed.
 */
async function applyIssues(
  deps: SyncDeps,
  pages: AsyncIterable<TrackedIssue[]>,
  areaId: string | null,
  tally: Tally,
): Promise<{ open: number; closed: number }> {
  const { timeZone } = await getSettings(deps.db);
  const counts = { open: 0, closed: 0 };
  for await (const page of pages)
    await deps.db.transaction(async (tx) => {
      for (const issue of page) {
        counts[issue.closed ? 'closed' : 'open'] += 1;
        const out = await applyIssue(tx, { issue, areaId, timeZone, now: deps.clock.now() });
        tally.bugs += Number(out.bug);
        tally.feedback += Number(out.feedback);
      }
    });
  return counts;
}

/**
 * Pulls one link: its milestone, epic or version (state, due date) and every issue in it, page by page (bugs and
 * customer feedback among them go to the bug backlog and insights), then flags differences with prodops.
 */
export async function syncLink(
  deps: SyncDeps,
  conn: ConnectionRow,
  link: LinkRow,
  tally: Tally,
  adapter?: TrackerAdapter,
) {
  const tracker = adapter ?? adapterFor(deps, conn);
  const subject = await loadSubject(deps.db, link.subjectType, link.subjectId);
  if (!subject) {
    // The release or item was deleted: the link has nothing to show any more.
    await deps.db.delete(trackerLinks).where(eq(trackerLinks.id, link.id));
    return;
  }
  try {
    const target = await tracker.target(link);
    const counted = await applyIssues(deps, tracker.issuesOf(link), subject.areaId, tally);
    const work = {
      ...target,
      openIssues: target.openIssues ?? counted.open,
      closedIssues: target.closedIssues ?? counted.closed,
    };
    tally.differences += await deps.db.transaction((tx) => applyPulledWork(tx, link, work, deps.clock.now()));
  } catch (err) {
    if (!isTrackerError(err)) throw err;
    await deps.db.update(trackerLinks).set({ pullError: err.message }).where(eq(trackerLinks.id, link.id));
    throw err;
  }
}

/**
 * The periodic sync (pg-boss, every 15 minutes) and "Sync now", for one tracker: every link, then each linked
 * repository's (GitHub) or epic's project's (Jira) bugs and customer feedback, catching whatever webhooks missed.
 * A link that fails is recorded on it and the others go on; the connection keeps the last outcome.
 */
export async function syncAllTrackers(deps: SyncDeps, kind: TTrackerKind = 'github'): Promise<TSyncResult> {
  const conn = await requireConnection(deps.db, kind);
  const tracker = adapterFor(deps, conn);
  const links = await deps.db
    .select()
    .from(trackerLinks)
    .where(eq(trackerLinks.kind, kind))
    .orderBy(asc(trackerLinks.createdAt));
  const tally: Tally = { differences: 0, bugs: 0, feedback: 0 };
  const errors: string[] = [];
  let failed = 0;
  for (const link of links) {
    try {
      await syncLink(deps, conn, link, tally, tracker);
    } catch (err) {
      if (!isTrackerError(err)) throw err;
      failed += 1;
      errors.push(`${link.repo} ${link.kind === 'github' ? 'milestone ' : ''}${link.ref}: ${err.message}`);
    }
  }
  const scopes = [...new Set(links.flatMap((l) => tracker.scopeOf(l) ?? []))];
  for (const scope of scopes) {
    const areaId = await scopeArea(deps.db, links, tracker, scope);
    for (const part of tracker.labelled(scope))
      try {
        await applyIssues(deps, part.pages, areaId, tally);
      } catch (err) {
        if (!isTrackerError(err)) throw err;
        errors.push(`${part.what}: ${err.message}`);
      }
  }
  await deps.db
    .update(trackerConnections)
    .set({
      lastSyncAt: deps.clock.now(),
      lastSyncError: errors.length ? errors.join('; ').slice(0, 1000) : null,
    })
    .where(eq(trackerConnections.kind, kind));
  return { links: links.length, failed, ...tally, errors };
}

/** A repository's (or project's) bugs go to the area of the first release or item linked to it. */
async function scopeArea(
  db: Db,
  links: LinkRow[],
  tracker: TrackerAdapter,
  scope: string,
): Promise<string | null> {
  const first = links.find((l) => tracker.scopeOf(l) === scope);
  return first ? ((await loadSubject(db, first.subjectType, first.subjectId))?.areaId ?? null) : null;
}

/** The first link in a scope (a GitHub repository, a Jira project), for a webhook's issue outside any link. */
export async function firstLinkIn(db: Db, kind: TTrackerKind, scope: (l: LinkRow) => boolean) {
  const rows = await db
    .select()
    .from(trackerLinks)
    .where(eq(trackerLinks.kind, kind))
    .orderBy(asc(trackerLinks.createdAt));
  return rows.find(scope) ?? null;
}
