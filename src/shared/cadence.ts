import { z } from 'zod';
import { ZDate, ZId, ZListOf, ZPermissions, ZSlug, ZTimeOfDay } from './common.ts';
import { ZFunction, ZRole } from './roles.ts';

const ZWeekday = z.number().int().min(1).max(7);
/** 1..4 = first..fourth, -1 = last (a fifth weekday does not exist in every month). */
const ZNth = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], {
  message: 'must be 1, 2, 3, 4 (first…fourth) or -1 (last)',
});

/**
 * When a ritual happens, in the org's time zone. `per_release` rituals (Launch Readiness Check) have no
 * calendar of their own: each release creates its occurrence; `one_off` ones (the 30/60/90 plan's
 * retrospectives) get theirs from what they belong to.
 */
export const ZSchedule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekday: ZWeekday, time: ZTimeOfDay }),
  z.strictObject({
    kind: z.literal('biweekly'),
    weekday: ZWeekday,
    time: ZTimeOfDay,
    /** A date of a week in which it happens; it repeats every other week from there. */
    anchor: ZDate,
  }),
  z.strictObject({ kind: z.literal('monthly'), weekday: ZWeekday, nth: ZNth, time: ZTimeOfDay }),
  z.strictObject({
    kind: z.literal('quarterly'),
    /** 1, 2 or 3: which month of each calendar quarter. */
    monthOfQuarter: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' }),
    weekday: ZWeekday,
    nth: ZNth,
    time: ZTimeOfDay,
  }),
  z.strictObject({ kind: z.literal('per_release') }),
  /** On dates set by what it belongs to (the 30/60/90 plan's retrospectives): no repeating calendar. */
  z.strictObject({ kind: z.literal('one_off') }),
]);
export type TSchedule = z.infer<typeof ZSchedule>;

/** What happens to an occurrence that falls on a holiday (or outside the work week). */
export const HOLIDAY_POLICIES = ['skip', 'next_business_day', 'previous_business_day', 'keep'] as const;
export const ZHolidayPolicy = z.enum(HOLIDAY_POLICIES);
export type THolidayPolicy = z.infer<typeof ZHolidayPolicy>;

export const ZAttendees = z.strictObject({
  roles: z.array(ZRole).max(10).default([]),
  functions: z.array(ZFunction).max(10).default([]),
  personIds: z.array(ZId).max(200).default([]),
});
export type TAttendees = z.infer<typeof ZAttendees>;

export const ZAgendaItem = z.strictObject({
  minutes: z.number().int().min(0).max(480),
  item: z.string().trim().min(1).max(500),
});

/** The most rituals an org may have: every one is re-planned when the settings change (issue 21). */
export const MAX_RITUALS = 200;

export const ZRitualInput = z.strictObject({
  slug: ZSlug,
  name: z.string().trim().min(1).max(120),
  purpose: z.string().max(2000).optional(),
  schedule: ZSchedule,
  holidayPolicy: ZHolidayPolicy.optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** The time box in words, as the pack says it ("30 min prep by each PM; published by Thursday 4pm"). */
  timeBox: z.string().max(300).optional(),
  ownerRole: ZRole,
  ownerPersonId: ZId.nullable().optional(),
  attendees: ZAttendees.optional(),
  inputs: z.array(z.string().trim().min(1).max(500)).max(30).optional(),
  agenda: z.array(ZAgendaItem).max(30).optional(),
  /** "No just-a-meeting entries": every ritual produces an artifact. */
  outputArtifact: z
    .string({ message: 'is required: every ritual produces an artifact' })
    .trim()
    .min(1, 'is required: every ritual produces an artifact')
    .max(300),
  /** Hours after the occurrence starts by which the artifact counts as on time. */
  artifactDueHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .optional(),
  /** Minutes before each occurrence when attendees get a reminder; null for none. */
  reminderMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .nullable()
    .optional(),
  active: z.boolean().optional(),
});
export const ZRitualPatch = ZRitualInput.partial();
export type TRitualInput = z.infer<typeof ZRitualInput>;
export type TRitualPatch = z.infer<typeof ZRitualPatch>;

export const ZRitual = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  purpose: z.string(),
  schedule: ZSchedule,
  holidayPolicy: ZHolidayPolicy,
  durationMinutes: z.number().int(),
  timeBox: z.string(),
  ownerRole: ZRole,
  ownerPersonId: ZId.nullable(),
  ownerName: z.string().nullable(),
  attendees: ZAttendees,
  inputs: z.array(z.string()),
  agenda: z.array(ZAgendaItem),
  outputArtifact: z.string(),
  artifactDueHours: z.number().int(),
  reminderMinutes: z.number().int().nullable(),
  active: z.boolean(),
  permissions: ZPermissions,
});
export type TRitual = z.infer<typeof ZRitual>;
export const ZRitualList = ZListOf(ZRitual);

// Responses. Each mirrors what its service returns; the response serializer checks it on every reply.

/** `skipped` is set by the schedule (a holiday), never by hand; the rest by the owner recording the meeting. */
export const OCCURRENCE_STATUSES = ['scheduled', 'held', 'skipped', 'cancelled'] as const;
export type TOccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One meeting of a ritual on the calendar. Instants are UTC ISO strings. */
export const ZOccurrence = z.object({
  id: ZId,
  ritualId: ZId,
  ritualSlug: z.string(),
  ritualName: z.string(),
  outputArtifact: z.string(),
  ownerRole: ZRole,
  key: z.string(),
  /** The org-local date it happens on (after a holiday shift). */
  localDate: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  /** The date the schedule said, when a holiday moved it. */
  shiftedFrom: z.string().nullable(),
  holiday: z.string().nullable(),
  artifactDueAt: z.string(),
  artifactProducedAt: z.string().nullable(),
  artifactRef: z.string().nullable(),
});
export type TOccurrence = z.infer<typeof ZOccurrence>;

export const ZCalendar = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  items: z.array(ZOccurrence),
});
export type TCalendar = z.infer<typeof ZCalendar>;

export const ZAttendance = z.object({
  personId: ZId,
  name: z.string(),
  /** null: not recorded yet. */
  present: z.boolean().nullable(),
});
export type TAttendance = z.infer<typeof ZAttendance>;

export const ZOccurrenceDetail = ZOccurrence.extend({
  ownerPersonId: ZId.nullable(),
  notes: z.string(),
  attendance: z.array(ZAttendance),
  permissions: z.object({ update: z.boolean() }),
});
export type TOccurrenceDetail = z.infer<typeof ZOccurrenceDetail>;

/** Recording an occurrence. `skipped` is the schedule's, never set by hand. */
export const ZOccurrencePatch = z.strictObject({
  status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
  attendance: z
    .array(z.strictObject({ personId: z.uuid({ message: 'must be an id (uuid)' }), present: z.boolean() }))
    .max(500)
    .optional(),
  artifactProducedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 instant like 2026-11-19T16:05:00Z' })
    .nullable()
    .optional(),
  artifactRef: z.string().max(500).nullable().optional(),
  notes: z.string().max(5000).optional(),
});
export type TOccurrencePatch = z.infer<typeof ZOccurrencePatch>;

export const ZAdoptionPart = z.object({
  eligible: z.number(),
  adopted: z.number(),
  /** null when nothing was eligible: no data is not 0 %. */
  pct: z.number().nullable(),
  attendanceOk: z.number(),
  artifactOnTime: z.number(),
});
export type TAdoptionPart = z.infer<typeof ZAdoptionPart>;
export const ZAdoption = z.object({
  from: z.string(),
  to: z.string(),
  /** The adoption target, in percent (settings). */
  target: z.number(),
  overall: ZAdoptionPart,
  perRitual: z.array(ZAdoptionPart.extend({ ritualId: ZId, name: z.string(), slug: z.string() })),
});
export type TAdoption = z.infer<typeof ZAdoption>;

/**
 * A person's private feed addresses, all from one key: the iCalendar feed (https and webcal), the stakeholder
 * feed and the published updates as Atom and RSS. Shown once, when the key is made: only its hash is kept.
 */
export const ZFeedUrls = z.object({
  url: z.string(),
  webcalUrl: z.string(),
  feed: z.object({ atom: z.string(), rss: z.string() }),
  updates: z.object({ atom: z.string(), rss: z.string() }),
});
export type TFeedUrls = z.infer<typeof ZFeedUrls>;

/** Whether I have a private feed key, and since when (null: made before keys were dated). */
export const ZFeedKey = z.object({ active: z.boolean(), since: z.string().nullable() });
export type TFeedKey = z.infer<typeof ZFeedKey>;
