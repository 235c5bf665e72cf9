import { Link } from 'react-router';
import type { TReviewSummary } from '../../../shared/roadmap.ts';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { now } from '../../lib/clock.ts';
import { formatDateTimeIn, formatLocalDate, formatTime } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { SlaStatus } from './review-sla.tsx';
import { reviewsApi } from './roadmap-api.ts';
import { RoadmapTabs } from './roadmap-tabs.tsx';
import './roadmap.css';

/** The list has no start time: a review whose time has come and that is not closed is "not closed yet". */
function stateText(r: TReviewSummary, now: number, timeZone: string): string {
  if (r.closedAt) return `Closed ${formatDateTimeIn(r.closedAt, timeZone)}`;
  return Date.parse(r.startsAt) > now ? 'Upcoming' : 'Not closed yet';
}

function ReviewsTable({
  caption,
  items,
  now,
  timeZone,
}: {
  caption: string;
  items: readonly TReviewSummary[];
  now: number;
  timeZone: string;
}) {
  return (
    <div className="table-wrap">
      <table className="reviews">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Review</th>
            <th scope="col">State</th>
            <th scope="col">Stakeholder view republished</th>
            <th scope="col">View version</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.occurrenceId}>
              <th scope="row">
                <Link to={`/roadmap/reviews/${r.occurrenceId}`}>
                  {formatLocalDate(r.localDate, true)}, {formatTime(r.startsAt, timeZone)}
                </Link>
              </th>
              <td>{stateText(r, now, timeZone)}</td>
              <td>
                <SlaStatus review={r} timeZone={timeZone} />
              </td>
              <td>{r.viewVersion === null ? <span className="muted">—</span> : `v${r.viewVersion}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Upcoming soonest first (the next one on top); held ones newest first. */
function splitReviews(items: readonly TReviewSummary[], now: number) {
  const at = (r: TReviewSummary) => Date.parse(r.startsAt);
  const upcoming = items.filter((r) => !r.closedAt && at(r) > now).sort((a, b) => at(a) - at(b));
  const held = items.filter((r) => !upcoming.includes(r)).sort((a, b) => at(b) - at(a));
  return { upcoming, held, now };
}

function ReviewLists({
  upcoming,
  held,
  now,
  timeZone,
}: ReturnType<typeof splitReviews> & { timeZone: string }) {
  if (upcoming.length + held.length === 0) {
    return (
      <p className="empty">
        No Roadmap Review is scheduled. Product Ops adds the Biweekly Roadmap Review ritual on the{' '}
        <Link to="/cadence">cadence</Link> page.
      </p>
    );
  }
  return (
    <>
      <h2>Recent</h2>
      {held.length ? (
        <ReviewsTable
          caption="Recent Roadmap Reviews, newest first"
          items={held}
          now={now}
          timeZone={timeZone}
        />
      ) : (
        <p className="muted">None in the last weeks.</p>
      )}
      <h2>Upcoming</h2>
      {upcoming.length ? (
        <ReviewsTable
          caption="Upcoming Roadmap Reviews, soonest first"
          items={upcoming}
          now={now}
          timeZone={timeZone}
        />
      ) : (
        <p className="muted">None scheduled.</p>
      )}
    </>
  );
}

/** C4: recent and upcoming Biweekly Roadmap Reviews and whether each one's view went out in time. */
export function ReviewsPage() {
  const data = useLoad(['roadmap', 'reviews'], async (signal) => {
    const [{ items }, { settings }] = await Promise.all([reviewsApi.list(signal), api.settings.get(signal)]);
    return { ...splitReviews(items, now()), timeZone: settings.timeZone, settings };
  });
  const hours = data.data?.settings.deadlines.roadmapViewRepublishHours ?? 24;
  return (
    <Page
      title="Roadmap Reviews"
      intro={
        <p>
          The Head of Product's biweekly review: changes since the last review are ratified or rejected and
          decisions logged; Product Ops republishes the <Link to="/roadmap/view">stakeholder view</Link>{' '}
          within {hours} hours of the review closing.
        </p>
      }
    >
      <RoadmapTabs />
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? data.error ? null : <Loading what="the reviews" /> : <ReviewLists {...data.data} />}
    </Page>
  );
}
