import { Temporal } from '@js-temporal/polyfill';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  adoptionBetween,
  type getOccurrenceDetail,
  recordOccurrence,
} from '../../../services/cadence/attendance.ts';
import { listOccurrences } from '../../../services/cadence/occurrences.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { ZAdoption, ZCalendar, ZOccurrenceDetail, ZOccurrencePatch } from '../../../shared/cadence.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { ZDate, ZIdParams } from '../../../shared/common.ts';
import { AppError } from '../../../shared/errors.ts';
import { can } from '../../policies/index.ts';
import { errors } from './common.ts';

const ZRange = z.strictObject({
  from: ZDate.optional(),
  to: ZDate.optional(),
  ritualId: z.uuid().optional(),
});
/** Local dates of the org → instants; defaults to `days` from today. The window is capped so a query stays cheap. */
async function rangeOf(
  db: Db,
  q: { from?: string; to?: string },
  defaults: { back: number; ahead: number },
  now: Date,
) {
  const { timeZone } = await getSettings(db);
  const today = Temporal.PlainDate.from(todayIn(timeZone, now));
  const from = q.from ? Temporal.PlainDate.from(q.from) : today.subtract({ days: defaults.back });
  const to = q.to ? Temporal.PlainDate.from(q.to) : today.add({ days: defaults.ahead });
  if (Temporal.PlainDate.compare(from, to) > 0)
    throw new AppError('validation_failed', 'from is after to', [
      { path: 'query.to', message: 'must not be before from' },
    ]);
  if (from.until(to).days > 800)
    throw new AppError('validation_failed', 'the window is too long', [
      { path: 'query.to', message: 'must be at most 800 days after from' },
    ]);
  const instant = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime({ timeZone }).epochMilliseconds);
  return {
    from: instant(from),
    to: instant(to.add({ days: 1 })),
    fromDate: from.toString(),
    toDate: to.toString(),
  };
}

/** Occurrences on the calendar, one occurrence and its attendance, and adoption. */
export async function occurrenceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/calendar', {
    config: { policy: { resource: 'occurrence', action: 'read' } },
    schema: {
      tags: ['cadence'],
      summary: 'Occurrences between two local dates (default: this week and the next four)',
      querystring: ZRange,
      response: { 200: ZCalendar, ...errors },
    },
    handler: async (req) => {
      const range = await rangeOf(db, req.query, { back: 7, ahead: 35 }, req.now);
      const { timeZone } = await getSettings(db);
      return {
        from: range.fromDate,
        to: range.toDate,
        timeZone,
        items: await listOccurrences(db, { from: range.from, to: range.to, ritualId: req.query.ritualId }),
      };
    },
  });
  r.get('/occurrences/:id', {
    config: { policy: { resource: 'occurrence', action: 'read' } },
    schema: {
      tags: ['cadence'],
      summary: 'One occurrence with its attendance',
      params: ZIdParams,
      response: { 200: ZOccurrenceDetail, ...errors },
    },
    handler: async (req) => {
      const o = req.loaded as NonNullable<Awaited<ReturnType<typeof getOccurrenceDetail>>>;
      const update = can(req.actor!, 'update', {
        type: 'occurrence',
        ownerRole: o.ownerRole,
        ownerPersonId: o.ownerPersonId,
      });
      return { ...o, permissions: { update } };
    },
  });
  r.patch('/occurrences/:id', {
    config: { policy: { resource: 'occurrence', action: 'update' } },
    schema: {
      tags: ['cadence'],
      summary: 'Record attendance, the artifact, notes or a cancellation',
      params: ZIdParams,
      body: ZOccurrencePatch,
      response: { 200: ZOccurrenceDetail, ...errors },
    },
    handler: async (req) => ({
      ...(await recordOccurrence({
        db,
        actor: req.actor!,
        now: req.now,
        id: req.params.id,
        input: req.body,
      })),
      permissions: { update: true },
    }),
  });
  r.get('/adoption', {
    config: { policy: { resource: 'occurrence', action: 'read' } },
    schema: {
      tags: ['cadence'],
      summary: 'Ritual adoption (attendance share and artifact on time), per ritual and overall',
      querystring: ZRange.omit({ ritualId: true }),
      response: { 200: ZAdoption, ...errors },
    },
    handler: async (req) => {
      const range = await rangeOf(db, req.query, { back: 90, ahead: 0 }, req.now);
      return {
        from: range.fromDate,
        to: range.toDate,
        ...(await adoptionBetween(db, { from: range.from, to: range.to, now: req.now })),
      };
    },
  });
}
