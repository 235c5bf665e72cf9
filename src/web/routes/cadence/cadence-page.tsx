import { useSearchParams } from 'react-router';
import type { TRitual } from '../../../shared/cadence.ts';
import { isLocalDate, todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TPerson } from '../../../shared/org.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { CalendarControls, type CalendarView, CalendarWeeks, rangeOf, rangeTitle } from './calendar.tsx';
import { FeedPanel } from './feed-panel.tsx';
import { RitualsSection } from './rituals-section.tsx';
import './cadence.css';

/** The pack's order: weekly first, quarterly last. */
const KIND_ORDER: TRitual['schedule']['kind'][] = [
  'weekly',
  'biweekly',
  'per_release',
  'monthly',
  'quarterly',
  'one_off',
];
const byCadence = (a: TRitual, b: TRitual) =>
  KIND_ORDER.indexOf(a.schedule.kind) - KIND_ORDER.indexOf(b.schedule.kind) || a.name.localeCompare(b.name);

const isDate = (s: string | null): s is string => s !== null && isLocalDate(s);

interface Base {
  timeZone: string;
  rituals: TRitual[];
  people: TPerson[];
}

/** C2: the calendar of rituals (week or month, in the org's time zone), the rituals, and the calendar feed. */
export function CadencePage() {
  const me = useMe();
  // Product Ops and up manage rituals; /me says so through the same policy as the audit log.
  const canManage = me.can.manageRituals;
  const [params, setParams] = useSearchParams();
  const base = useLoad<Base>(['cadence', 'base'], async (signal) => {
    const [{ settings }, rituals, people] = await Promise.all([
      api.settings.get(signal),
      cadenceApi.rituals.all(signal),
      canManage ? api.people.all(signal) : Promise.resolve([]),
    ]);
    return { timeZone: settings.timeZone, rituals: rituals.sort(byCadence), people };
  });
  const timeZone = base.data?.timeZone ?? null;
  const today = timeZone ? todayIn(timeZone, systemClock.now()) : null;
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const requested = params.get('date');
  const date = isDate(requested) ? requested : today;
  const range = date ? rangeOf(view, date) : null;
  const calendar = useLoad(range ? ['cadence', 'calendar', range.from, range.to] : null, (signal) =>
    cadenceApi.calendar(range ?? {}, signal),
  );

  const show = (nextView: CalendarView, nextDate: string) => {
    const next = new URLSearchParams();
    if (nextView !== 'month') next.set('view', nextView);
    if (nextDate !== today) next.set('date', nextDate);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Cadence"
      intro={
        <p>
          The rituals that run the product org and the artifacts they produce. Attendance and artifacts
          recorded here make the ritual adoption metric.
        </p>
      }
    >
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!base.data || !today || !date || !timeZone ? (
        base.error ? null : (
          <Loading what="the cadence" />
        )
      ) : (
        <>
          <section aria-labelledby="calendar-heading">
            <div className="section-header">
              <h2 id="calendar-heading">{rangeTitle(view, date)}</h2>
            </div>
            <p className="section-intro">Times in {timeZone}.</p>
            <CalendarControls view={view} date={date} today={today} onChange={show} />
            {calendar.error ? <LoadError error={calendar.error} retry={calendar.reload} /> : null}
            {calendar.data ? (
              <div aria-busy={calendar.loading}>
                <CalendarWeeks items={calendar.data.items} timeZone={calendar.data.timeZone} today={today} />
              </div>
            ) : calendar.error ? null : (
              <Loading what="the calendar" />
            )}
          </section>
          <RitualsSection
            rituals={base.data.rituals}
            people={base.data.people}
            timeZone={timeZone}
            canCreate={canManage}
          />
          <FeedPanel />
        </>
      )}
    </Page>
  );
}
