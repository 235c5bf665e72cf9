import { Link, useNavigate, useParams } from 'react-router';
import type { TAdoption, TOccurrence, TOccurrenceDetail, TRitual } from '../../../shared/cadence.ts';
import { addDays, todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TPerson } from '../../../shared/org.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { api } from '../../api-client.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { now as clockNow } from '../../lib/clock.ts';
import { useLoad } from '../../lib/use-load.ts';
import { RitualDetails } from './ritual-details.tsx';
import { RitualForm } from './ritual-form.tsx';
import { PastOccurrences, RitualAdoption, UpcomingOccurrences } from './ritual-history.tsx';
import './cadence.css';

interface Loaded {
  ritual: TRitual;
  timeZone: string;
  attendanceTarget: number;
  people: TPerson[];
  upcoming: TOccurrence[];
  past: TOccurrenceDetail[];
  adoption: TAdoption;
}

const PAST_SHOWN = 10;
const UPCOMING_SHOWN = 6;

async function load(id: string, signal: AbortSignal): Promise<Loaded> {
  const [ritual, { settings }, adoption] = await Promise.all([
    cadenceApi.rituals.get(id, signal),
    api.settings.get(signal),
    cadenceApi.adoption({}, signal),
  ]);
  const today = todayIn(settings.timeZone, systemClock.now());
  const [calendar, people] = await Promise.all([
    cadenceApi.calendar({ from: addDays(today, -120), to: addDays(today, 70), ritualId: id }, signal),
    ritual.permissions.update || ritual.attendees.personIds.length
      ? api.people.all(signal)
      : Promise.resolve([]),
  ]);
  const now = clockNow();
  const upcoming = calendar.items.filter((o) => Date.parse(o.startsAt) >= now).slice(0, UPCOMING_SHOWN);
  const pastIds = calendar.items
    .filter((o) => Date.parse(o.startsAt) < now)
    .reverse()
    .slice(0, PAST_SHOWN)
    .map((o) => o.id);
  const past = await Promise.all(pastIds.map((o) => cadenceApi.occurrence(o, signal)));
  return {
    ritual,
    timeZone: settings.timeZone,
    attendanceTarget: settings.thresholds.ritualAttendanceSharePct,
    people,
    upcoming,
    past,
    adoption,
  };
}

/** One ritual: what it is, when it happens, how well it is adopted, and (for Product Ops) its editor. */
export function RitualPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const data = useLoad<Loaded>(['cadence', 'rituals', id], (signal) => load(id, signal));

  if (!data.data) {
    return (
      <Page title="Ritual">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="ritual" />}
        <p>
          <Link to="/cadence">Back to the cadence</Link>
        </p>
      </Page>
    );
  }
  const { ritual, timeZone, people, upcoming, past, adoption } = data.data;
  return (
    <Page title={ritual.name} intro={<Link to="/cadence">← Cadence and all rituals</Link>}>
      <RitualDetails ritual={ritual} timeZone={timeZone} people={people} />
      <div className="panels">
        <UpcomingOccurrences items={upcoming} timeZone={timeZone} />
        <RitualAdoption
          adoption={adoption.perRitual.find((r) => r.ritualId === ritual.id)}
          target={adoption.target}
        />
      </div>
      <PastOccurrences items={past} timeZone={timeZone} attendanceTarget={data.data.attendanceTarget} />
      {ritual.permissions.update ? (
        <section aria-labelledby="edit-ritual">
          <h2 id="edit-ritual">Edit</h2>
          <RitualForm
            key={ritual.id}
            people={people}
            timeZone={timeZone}
            ritual={ritual}
            onSaved={(updated) => {
              data.setData({ ...data.data!, ritual: updated });
            }}
          />
        </section>
      ) : null}
      {ritual.permissions.delete ? (
        <section aria-labelledby="delete-ritual" className="danger-zone">
          <h2 id="delete-ritual">Delete</h2>
          <p>
            Deleting {ritual.name} also deletes its occurrences and their attendance; the audit log keeps a
            record of it. To pause it instead, untick “Active”.
          </p>
          <DeleteButton
            what={ritual.name}
            onDelete={async () => {
              await cadenceApi.rituals.remove(ritual.id);
              navigate('/cadence', { replace: true });
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
