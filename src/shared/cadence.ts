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
 * calendar of their own: each release creates its occurrence.
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
]);
export type TSchedule = z.infer<typeof ZSchedule>;

/** What happens to an occurrence that falls on a holiday (or outside the work week). */
export const ZHolidayPolicy = z.enum(['skip', 'next_business_day', 'previous_business_day', 'keep']);
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
