import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { awarenessAnswers, people, releases, surveyRequests } from '../../db/schema/index.ts';
import { isSurprise, surprisedPct } from '../../domain/metrics/pulse.ts';
import type { TAwarenessResults } from '../../shared/surveys.ts';
import { getSettings } from '../org/settings.ts';

/**
 * The awareness survey per Tier 2/3 launch launched between `from` and `to` (local dates, inclusive): asked,
 * answered, aware, not aware and the comments; a launch anyone answered "not aware" for is flagged a surprise.
 */
export async function awarenessResults(
  db: Db,
  range: { from?: string; to?: string },
): Promise<TAwarenessResults> {
  const settings = await getSettings(db);
  const launches = await db
    .select()
    .from(releases)
    .where(
      and(
        eq(releases.status, 'launched'),
        inArray(releases.tier, [2, 3]),
        range.from ? gte(releases.launchedOn, range.from) : undefined,
        range.to ? lte(releases.launchedOn, range.to) : undefined,
      ),
    )
    .orderBy(asc(releases.launchedOn), asc(releases.title));
  const ids = launches.map((r) => r.id);
  const asked = ids.length
    ? await db
        .select({ req: surveyRequests, answer: awarenessAnswers, name: people.name })
        .from(surveyRequests)
        .innerJoin(people, eq(people.id, surveyRequests.personId))
        .leftJoin(awarenessAnswers, eq(awarenessAnswers.requestId, surveyRequests.id))
        .where(and(eq(surveyRequests.kind, 'launch_awareness'), inArray(surveyRequests.releaseId, ids)))
        .orderBy(asc(people.name))
    : [];
  const out = launches
    .map((r) => {
      const mine = asked.filter((a) => a.req.releaseId === r.id);
      const answers = mine.flatMap((a) => (a.answer ? [{ ...a.answer, name: a.name }] : []));
      return {
        releaseId: r.id,
        title: r.title,
        tier: r.tier!,
        launchedOn: r.launchedOn!,
        asked: mine.length,
        answered: answers.length,
        aware: answers.filter((a) => a.aware).length,
        notAware: answers.filter((a) => !a.aware).length,
        surprise: isSurprise(answers),
        comments: answers.flatMap((a) =>
          a.comment ? [{ name: a.name, aware: a.aware, comment: a.comment }] : [],
        ),
      };
    })
    .filter((r) => r.asked > 0);
  return {
    releases: out,
    answeredLaunches: out.filter((r) => r.answered > 0).length,
    surprisedPct: surprisedPct(out),
    targetPct: settings.thresholds.surpriseScorePct,
  };
}
