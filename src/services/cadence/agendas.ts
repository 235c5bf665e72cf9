import type { Db } from '../../db/client.ts';

/** Writes an occurrence's agenda as markdown lines, as of `now`. */
export type AgendaWriter = (tx: Db, occurrenceId: string, now: Date) => Promise<string>;

/**
 * Rituals whose agenda is generated rather than written (the Roadmap Review's, from what changed): the
 * capability that owns the ritual registers its writer here, so cadence asks without knowing who answers.
 */
const writers = new Map<string, AgendaWriter>();

export function registerAgendaWriter(ritualSlug: string, write: AgendaWriter): void {
  writers.set(ritualSlug, write);
}

export function agendaWriterFor(ritualSlug: string): AgendaWriter | undefined {
  return writers.get(ritualSlug);
}
