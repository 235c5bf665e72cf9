import { Temporal } from '@js-temporal/polyfill';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { isTimeZone } from '../../shared/common.ts';

interface EventFields {
  /** Stable across rebuilds (e.g. "ritual-occurrence-42@prodops"): a changed UID is a new event to clients. */
  uid: string;
  title: string;
  description?: string;
  url?: string;
  /** Tentative: a launch held or delayed at go/no-go (its date may still move). */
  status?: 'confirmed' | 'tentative' | 'cancelled';
  location?: string;
  /** When the event last changed: becomes LAST-MODIFIED and DTSTAMP, so an unchanged feed is byte-identical. */
  updatedAt?: string;
}

const ICS_STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** A meeting: ISO 8601 instants with an offset or Z. */
export interface TimedEvent extends EventFields {
  startsAt: string;
  endsAt: string;
  date?: never;
}

/**
 * A day, not a time (a launch date): the same calendar date wherever the reader is. Shown as free time, so
 * a launch does not block anyone's calendar.
 */
export interface AllDayEvent extends EventFields {
  /** The local date, ISO (2026-12-24). */
  date: string;
  startsAt?: never;
  endsAt?: never;
}

export type CalendarEvent = TimedEvent | AllDayEvent;

export interface CalendarOptions {
  name: string;
  /** The org's IANA time zone, as a hint for clients (X-WR-TIMEZONE); event times stay UTC instants. */
  timeZone: string;
  events: CalendarEvent[];
}

/** How often subscribers should re-fetch: Google and Outlook poll on their own schedule, others honour it. */
export const REFRESH_INTERVAL_SECONDS = 60 * 60;

function instant(value: string, uid: string, field: string): Date {
  try {
    return new Date(Temporal.Instant.from(value).epochMilliseconds);
  } catch {
    throw new Error(`event ${uid}: ${field} "${value}" is not an ISO 8601 instant with an offset`);
  }
}

/**
 * A date as the UTC midnight that starts it: with no calendar time zone set, ical-generator writes an
 * all-day date from the UTC fields, so this is the date the feed says.
 */
function dateOnly(value: string, uid: string): Date {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(value);
    return new Date(`${Temporal.PlainDate.from(value).toString()}T00:00:00Z`);
  } catch {
    throw new Error(`event ${uid}: date "${value}" is not an ISO date like 2026-12-24`);
  }
}

/** DTSTART/DTEND of an event: instants, or a date and the next day (DTEND of an all-day event is exclusive). */
function when(e: CalendarEvent) {
  if (e.date !== undefined) {
    const start = dateOnly(e.date, e.uid);
    return {
      allDay: true,
      start,
      end: new Date(start.getTime() + 86_400_000),
      transparency: ICalEventTransparency.TRANSPARENT,
    };
  }
  return { start: instant(e.startsAt, e.uid, 'startsAt'), end: instant(e.endsAt, e.uid, 'endsAt') };
}

function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`"${timeZone}" is not an IANA time zone`);
}

/**
 * An iCalendar feed for Google Calendar / Outlook subscriptions. Times are written as UTC instants: with
 * no VTIMEZONE to ship, that is what every client reads the same way, across DST changes included. All-day
 * events are plain dates (VALUE=DATE), which carry no zone at all. The
 * calendar's zone is only a hint (X-WR-TIMEZONE): setting ical-generator's own timezone would write local
 * wall-clock times, which it takes from the server's zone, not the org's.
 */
export function buildCalendar(opts: CalendarOptions): string {
  assertTimeZone(opts.timeZone);
  const calendar = ical({
    name: opts.name,
    prodId: { company: 'prodops', product: 'prodops', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_INTERVAL_SECONDS,
    x: { 'X-WR-TIMEZONE': opts.timeZone },
  });
  for (const e of opts.events) {
    const updated = e.updatedAt ? instant(e.updatedAt, e.uid, 'updatedAt') : null;
    calendar.createEvent({
      id: e.uid,
      summary: e.title,
      description: e.description ?? null,
      ...when(e),
      url: e.url ?? null,
      location: e.location ?? null,
      status: ICS_STATUS[e.status ?? 'confirmed'],
      ...(updated ? { stamp: updated, lastModified: updated } : {}),
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
