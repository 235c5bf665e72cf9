import { z } from 'zod';
import { textProblem } from './text.ts';

/**
 * The one schema for free text: trimmed, at most `max` characters, and storable exactly as sent (no control
 * character, no lone surrogate: the HTTP text guard refuses them first; the CLI and org files meet them here).
 */
export const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const ZId = z.uuid({ message: 'must be an id (uuid)' });

export const ZSlug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes, like "billing-core"');

/** A calendar date, YYYY-MM-DD, checked to exist (no 2026-02-30). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-24')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 14:00');

/** ISO week key like 2026-W47. */
export const ZIsoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week like 2026-W47');

/** Zones already found valid: building an Intl.DateTimeFormat to check one costs ≈ 0.2 ms (issue 19). */
const knownZones = new Set<string>();

export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  if (value.length === 0) return false;
  if (knownZones.size < 1000) knownZones.add(value);
  return true;
}

export const ZTimeZone = z.string().refine(isTimeZone, 'is not a known IANA time zone (like Europe/Paris)');

export const ZListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

export function ZListOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ZIdParams = z.object({ id: ZId });

export const ZPermissions = z.object({ update: z.boolean(), delete: z.boolean() });

export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
