import { Temporal } from '@js-temporal/polyfill';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople, resolveRecipients } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { agendaWriterFor } from './agendas.ts';
import { expectedAttendees } from './attendance.ts';
import { replanStep } from './replan.ts';

/** "Tue 24 Nov 2026, 10:00 (America/New_York)": times in messages are always the org's. */
export function localTimeText(instant: Date, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  const day = z.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  return `${day}, ${z.toPlainTime().toString({ smallestUnit: 'minute' })} (${timeZone})`;
}

async function load(tx: Db, occurrenceId: string) {
  const [row] = await tx
    .select({ o: ritualOccurrences, r: rituals })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(eq(ritualOccurrences.id, occurrenceId));
  return row ?? null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

/**
 * The agenda as markdown: generated where a capability registered a writer for the ritual (the Roadmap
 * Review's, from what changed since the last one); every other ritual's is its written agenda.
 */
async function agendaOf(tx: Db, row: Loaded, now: Date): Promise<string> {
  const generated = agendaWriterFor(row.r.slug);
  if (generated) return generated(tx, row.o.id, now);
  return row.r.agenda.map((a) => `- ${a.minutes ? `[${a.minutes} min] ` : ''}${a.item}`).join('\n');
}

/** Reminds attendees (and whoever subscribed to rituals) before an occurrence, with its agenda and artifact. */
export const ritualReminder: ActionHandler<'ritual.reminder'> = async ({ tx, action, payload, now }) => {
  const row = await load(tx, payload.occurrenceId);
  if (row?.o.status !== 'scheduled' || !row.r.active) return;
  const { timeZone } = await getSettings(tx);
  const when = localTimeText(row.o.startsAt, timeZone);
  const agenda = await agendaOf(tx, row, now);
  const message: OutgoingMessage = {
    title: `${row.r.name}: ${when}`,
    summary: `${row.r.name} starts ${when}. It produces: ${row.r.outputArtifact}.`,
    sections: [
      ...(agenda ? [{ heading: `Agenda (${row.r.durationMinutes} min)`, markdown: agenda }] : []),
      ...(row.r.inputs.length
        ? [{ heading: 'Inputs', markdown: row.r.inputs.map((i) => `- ${i}`).join('\n') }]
        : []),
      { heading: 'Output artifact', markdown: row.r.outputArtifact },
    ],
    link: { label: 'Open in prodops', url: `/cadence/occurrences/${row.o.id}` },
  };
  const attendees = (await expectedAttendees(tx, row.r.attendees)).map((p) => p.id);
  const recipients = [
    ...(await recipientsForPeople(tx, attendees)),
    ...(await resolveRecipients(tx, { kind: 'ritual' })),
  ];
  await enqueueMessage(tx, { key: action.key, kind: 'ritual.reminder', ref: row.o.id, message, recipients });
};

/** At the artifact's due time: if it is not there, the ritual's owner hears about it (adoption depends on it). */
export const ritualArtifactCheck: ActionHandler<'ritual.artifact_check'> = async ({
  tx,
  action,
  payload,
}) => {
  const row = await load(tx, payload.occurrenceId);
  if (!row || row.o.status === 'cancelled' || row.o.status === 'skipped' || row.o.artifactProducedAt) return;
  const owners = row.r.ownerPersonId
    ? [row.r.ownerPersonId]
    : (
        await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.active, true), arrayContains(people.roles, [row.r.ownerRole])))
      ).map((p) => p.id);
  const { timeZone } = await getSettings(tx);
  const message: OutgoingMessage = {
    title: `Overdue: ${row.r.outputArtifact}`,
    summary: `The artifact of ${row.r.name} on ${localTimeText(row.o.startsAt, timeZone)} was due ${localTimeText(row.o.artifactDueAt, timeZone)} and is not recorded yet.`,
    link: { label: 'Record it in prodops', url: `/cadence/occurrences/${row.o.id}` },
  };
  await enqueueMessage(tx, {
    key: action.key,
    kind: 'ritual.artifact_overdue',
    ref: row.o.id,
    message,
    recipients: await recipientsForPeople(tx, owners),
  });
};

export const CADENCE_ACTIONS = {
  'ritual.reminder': ritualReminder,
  'ritual.artifact_check': ritualArtifactCheck,
  'cadence.replan': replanStep,
};
