import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerConnections, trackerLinks } from '../../db/schema/index.ts';
import {
  type GithubClient,
  type GithubClientOptions,
  GithubError,
  githubClient,
} from '../../integrations/github/client.ts';
import type { GithubIssue } from '../../integrations/github/payloads.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { TSyncResult } from '../../shared/trackers.ts';
import { getSettings } from '../org/settings.ts';
import { applyIssue, applyPulledWork } from './apply.ts';
import { type ConnectionRow, githubConnection } from './connection.ts';
import { loadSubject } from './subjects.ts';

type LinkRow = typeof trackerLinks.$inferSelect;

/** What a sync runs with: the clock it reads and, for tests, how it waits and fetches. */
export interface SyncDeps {
  db: Db;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** How hard to try: a request's pull (link, "Sync now") does not wait on an unreachable tracker. */
  retries?: Pick<GithubClientOptions, 'maxRetries' | 'maxWaitMs' | 'networkRetries'>;
}

function clientFor(deps: SyncDeps, conn: ConnectionRow): GithubClient {
  return githubClient({
    apiUrl: conn.apiUrl,
    token: conn.token,
    clock: deps.clock,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...deps.retries,
  });
}

interface Tally {
  differences: number;
  bugs: number;
  feedback: number;
}

/** Issues a page at a time, each page in one transaction: a failure half-way keeps the pages already applied. */
async function applyIssues(
  deps: SyncDeps,
  conn: ConnectionRow,
  pages: AsyncIterable<GithubIssue[]>,
  areaId: string | null,
  tally: Tally,
) {
  const { timeZone } = await getSettings(deps.db);
  for await (const page of pages)
    await deps.db.transaction(async (tx) => {
      for (const issue of page) {
        const out = await applyIssue(tx, { issue, conn, areaId, timeZone, now: deps.clock.now() });
        tally.bugs += Number(out.bug);
        tally.feedback += Number(out.feedback);
      }
    });
}

/**
 * Pulls one link: its milestone (state, due date, issue counts) and every issue in it, page by page (bugs and
 * customer feedback among them go to the bug backlog and insights), then flags differences with prodops.
 */
export async function syncLink(
  deps: SyncDeps,
  conn: ConnectionRow,
  link: LinkRow,
  tally: Tally,
  client?: GithubClient,
) {
  const gh = client ?? clientFor(deps, conn);
  const subject = await loadSubject(deps.db, link.subjectType, link.subjectId);
  if (!subject) {
    // The release or item was deleted: the link has nothing to show any more.
    await deps.db.delete(trackerLinks).where(eq(trackerLinks.id, link.id));
    return;
  }
  const number = Number(link.ref);
  try {
    const milestone = await gh.milestone(link.repo, number);
    await applyIssues(deps, conn, gh.issues(link.repo, { milestone: String(number) }), subject.areaId, tally);
    tally.differences += await deps.db.transaction((tx) =>
      applyPulledWork(tx, link, milestone, deps.clock.now()),
    );
  } catch (err) {
    if (!(err instanceof GithubError)) throw err;
    await deps.db.update(trackerLinks).set({ pullError: err.message }).where(eq(trackerLinks.id, link.id));
    throw err;
  }
}

/**
 * The periodic sync (pg-boss, every 15 minutes) and "Sync now": every link, then each linked repository's issues
 * labelled as bugs or customer feedback, catching whatever webhooks missed. A link that fails is recorded on it
 * and the others go on; the connection keeps the last outcome.
 */
export async function syncAllTrackers(deps: SyncDeps): Promise<TSyncResult> {
  const conn = await githubConnection(deps.db);
  if (!conn)
    throw new AppError('conflict', 'GitHub is not connected: set it up under Settings → Trackers first');
  const gh = clientFor(deps, conn);
  const links = await deps.db
    .select()
    .from(trackerLinks)
    .where(eq(trackerLinks.kind, 'github'))
    .orderBy(asc(trackerLinks.createdAt));
  const tally: Tally = { differences: 0, bugs: 0, feedback: 0 };
  const errors: string[] = [];
  let failed = 0;
  for (const link of links) {
    try {
      await syncLink(deps, conn, link, tally, gh);
    } catch (err) {
      if (!(err instanceof GithubError)) throw err;
      failed += 1;
      errors.push(`${link.repo} milestone ${link.ref}: ${err.message}`);
    }
  }
  for (const repo of [...new Set(links.map((l) => l.repo))]) {
    const areaId = (await repoArea(deps.db, repo)) ?? null;
    for (const label of [conn.bugLabel, conn.feedbackLabel])
      try {
        await applyIssues(deps, conn, gh.issues(repo, { labels: label }), areaId, tally);
      } catch (err) {
        if (!(err instanceof GithubError)) throw err;
        errors.push(`${repo} issues labelled ${label}: ${err.message}`);
      }
  }
  await deps.db
    .update(trackerConnections)
    .set({
      lastSyncAt: deps.clock.now(),
      lastSyncError: errors.length ? errors.join('; ').slice(0, 1000) : null,
    })
    .where(eq(trackerConnections.kind, 'github'));
  return { links: links.length, failed, ...tally, errors };
}

/** A repository's bugs go to the area of the first release or item linked to it. */
async function repoArea(db: Db, repo: string): Promise<string | null> {
  const [first] = await db
    .select()
    .from(trackerLinks)
    .where(and(eq(trackerLinks.kind, 'github'), eq(trackerLinks.repo, repo)))
    .orderBy(asc(trackerLinks.createdAt))
    .limit(1);
  return first ? ((await loadSubject(db, first.subjectType, first.subjectId))?.areaId ?? null) : null;
}
