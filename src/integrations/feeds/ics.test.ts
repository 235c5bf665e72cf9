import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarEvent, type TimedEvent } from './ics.ts';

/** Parsed back with ical.js, an implementation independent of the one that wrote it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      startIsUtc: e.startDate.zone?.tzid === 'UTC',
      status: v.getFirstPropertyValue('status'),
      url: v.getFirstPropertyValue('url'),
      lastModified: v.getFirstPropertyValue('last-modified')?.toString(),
    };
  });
  return { calendar, events };
}

const events: CalendarEvent[] = [
  {
    // Thursday 10:00 Berlin in summer time (UTC+2)…
    uid: 'ritual-occ-1@prodops',
    title: 'Weekly Product Update',
    description: 'Agenda: wins, next, risks; links, commas.',
    startsAt: '2026-10-22T10:00:00+02:00',
    endsAt: '2026-10-22T10:30:00+02:00',
    url: 'https://prodops.test/rituals/weekly',
    location: 'Zoom',
    updatedAt: '2026-10-01T12:00:00Z',
  },
  {
    // …and a week later in winter time (UTC+1): the same wall-clock time, an hour later in UTC.
    uid: 'ritual-occ-2@prodops',
    title: 'Weekly Product Update',
    startsAt: '2026-10-29T10:00:00+01:00',
    endsAt: '2026-10-29T10:30:00+01:00',
  },
  {
    // Spans the night the clocks go back (25 Oct 2026, 03:00 CEST → 02:00 CET).
    uid: 'launch-7@prodops',
    title: 'Launch window: Billing v2',
    description: `Rollout — ${'überprüfen '.repeat(20)}`.trim(),
    startsAt: '2026-10-24T23:00:00Z',
    endsAt: '2026-10-25T03:00:00Z',
  },
  {
    uid: 'ritual-occ-3@prodops',
    title: 'Roadmap Review',
    startsAt: '2026-11-05T14:00:00Z',
    endsAt: '2026-11-05T15:00:00Z',
    status: 'cancelled',
  },
];

describe('buildCalendar', () => {
  const ics = buildCalendar({ name: 'Acme rituals & launches', timeZone: 'Europe/Berlin', events });
  const { calendar, events: parsed } = parse(ics);

  it('round-trips UIDs, titles and the same UTC instants, across the DST change', () => {
    expect(parsed.map((e) => [e.uid, e.summary, e.start, e.end])).toEqual([
      [
        'ritual-occ-1@prodops',
        'Weekly Product Update',
        '2026-10-22T08:00:00.000Z',
        '2026-10-22T08:30:00.000Z',
      ],
      [
        'ritual-occ-2@prodops',
        'Weekly Product Update',
        '2026-10-29T09:00:00.000Z',
        '2026-10-29T09:30:00.000Z',
      ],
      [
        'launch-7@prodops',
        'Launch window: Billing v2',
        '2026-10-24T23:00:00.000Z',
        '2026-10-25T03:00:00.000Z',
      ],
      ['ritual-occ-3@prodops', 'Roadmap Review', '2026-11-05T14:00:00.000Z', '2026-11-05T15:00:00.000Z'],
    ]);
    expect(parsed.every((e) => e.startIsUtc)).toBe(true);
  });

  it('marks cancelled occurrences and keeps the other fields, long UTF-8 text included', () => {
    expect(parsed[2]?.description).toBe(events[2]?.description);
    expect(parsed.map((e) => e.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(parsed[0]).toMatchObject({
      description: 'Agenda: wins, next, risks; links, commas.',
      location: 'Zoom',
      url: 'https://prodops.test/rituals/weekly',
      lastModified: '2026-10-01T12:00:00Z',
    });
  });

  it('names the calendar, its producer, its zone and how often to refresh', () => {
    expect(calendar.getFirstPropertyValue('prodid')).toContain('prodops');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Acme rituals & launches');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(ics).toContain('X-PUBLISHED-TTL:PT1H\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes the same bytes for the same events when each has updatedAt', () => {
    const stable = events.map((e) => ({ ...e, updatedAt: '2026-10-01T12:00:00Z' }));
    const opts = { name: 'x', timeZone: 'Europe/Berlin', events: stable };
    expect(buildCalendar(opts)).toBe(buildCalendar(opts));
  });

  it('names the event and field of an instant without an offset, and a bad zone', () => {
    const floating = { ...(events[0] as TimedEvent), startsAt: '2026-10-22T10:00:00' };
    expect(() => buildCalendar({ name: 'x', timeZone: 'Europe/Berlin', events: [floating] })).toThrow(
      'event ritual-occ-1@prodops: startsAt "2026-10-22T10:00:00" is not an ISO 8601 instant with an offset',
    );
    expect(() => buildCalendar({ name: 'x', timeZone: 'Mars/Olympus', events: [] })).toThrow(
      'IANA time zone',
    );
  });
});

describe('buildCalendar: all-day events', () => {
  const launch: CalendarEvent = {
    uid: 'release-42@prodops',
    title: 'Launch: Usage-based billing (Tier 3)',
    description: 'Area: Billing',
    date: '2026-12-24',
    url: 'https://prodops.test/releases/42',
  };
  // A zone far from UTC: an all-day date must not slide to the 23rd or the 25th.
  const ics = buildCalendar({ name: 'x', timeZone: 'Pacific/Auckland', events: [launch, events[0]!] });
  const [day, meeting] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');

  it('writes a date (VALUE=DATE) and the next day as the exclusive end, shown as free time', () => {
    const e = new ICAL.Event(day!);
    expect([e.uid, e.summary, e.startDate.isDate, e.startDate.toString(), e.endDate.toString()]).toEqual([
      'release-42@prodops',
      'Launch: Usage-based billing (Tier 3)',
      true,
      '2026-12-24',
      '2026-12-25',
    ]);
    expect(day!.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261224\r\n');
    // Timed events beside it are unchanged.
    expect(new ICAL.Event(meeting!).startDate.isDate).toBe(false);
    expect(meeting!.getFirstPropertyValue('transp')).toBeNull();
  });

  it('names the event of a date that is not an ISO date', () => {
    for (const date of ['2026-02-30', '24.12.2026', '2026-12-24T10:00:00Z'])
      expect(() => buildCalendar({ name: 'x', timeZone: 'UTC', events: [{ ...launch, date }] })).toThrow(
        `event release-42@prodops: date "${date}" is not an ISO date like 2026-12-24`,
      );
  });
});
