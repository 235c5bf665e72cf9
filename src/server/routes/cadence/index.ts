import { Temporal } from '@js-temporal/polyfill';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  adoptionBetween,
  getOccurrenceDetail,
  recordOccurrence,
} from '../../../services/cadence/attendance.ts';
import { calendarFeed, feedUrls, rotateFeedToken } from '../../../services/cadence/feed.ts';
import { listOccurrences } from '../../../services/cadence/occurrences.ts';
import {
  createRitual,
  deleteRitual,
  getRitual,
  listRituals,
  updateRitual,
} from '../../../services/cadence/rituals.ts';
import { getSettings } from '../../../services/org/settings.ts';
import {
  ZAdoption,
  ZCalendar,
  ZFeedUrls,
  ZOccurrenceDetail,
  ZOccurrencePatch,
  ZRitual,
  ZRitualInput,
  ZRitualList,
  ZRitualPatch,
} from '../../../shared/cadence.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { ZDate, ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { AppError } from '../../../shared/errors.ts';
import { can, type Resource } from '../../policies/index.ts';
import { crudLoader, registerCrud } from '../crud.ts';
import { textBody } from '../media.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const ritualResource = (): Resource => ({ type: 'ritual' });

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

export function cadenceLoaders(db: Db) {
  return {
    ritual: crudLoader(db, getRitual, ritualResource),
    occurrence: crudLoader(
      db,
      getOccurrenceDetail,
      (o): Resource => ({ type: 'occurrence', ownerRole: o.ownerRole, ownerPersonId: o.ownerPersonId }),
    ),
  };
}

/** C2: rituals, their occurrences and attendance, adoption, and the calendar feed. */
/**
 * `publicUrl` is PRODOPS_PUBLIC_URL when set; otherwise links follow the address the caller used (right behind
 * a port chosen at start, or a name the operator did not configure).
 */
export async function cadenceRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const { db } = app.deps;
  registerCrud(app, {
    path: '/rituals',
    resource: 'ritual',
    label: 'rituals',
    schemas: { input: ZRitualInput, patch: ZRitualPatch, item: ZRitual, list: ZRitualList },
    services: {
      list: listRituals,
      get: getRitual,
      create: createRitual,
      update: updateRitual,
      remove: deleteRitual,
    },
    resourceOf: ritualResource,
  });
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
  r.get('/calendar/feed-url', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['cadence'],
      summary: 'My private iCalendar feed URL (subscribe from Google Calendar or Outlook)',
      response: { 200: ZFeedUrls, ...errors },
    },
    handler: async (req) => feedUrls(db, req.principal!.personId, baseUrl(req)),
  });
  r.post('/calendar/feed-url/rotate', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['cadence'],
      summary: 'Replace my feed URL; the old one stops working',
      response: { 200: ZFeedUrls, ...errors },
    },
    handler: async (req) => rotateFeedToken(db, req.principal!.personId, baseUrl(req)),
  });
  r.get('/calendar/feed/:file', {
    // The token in the URL is the credential: calendar apps cannot send headers (and may add parameters).
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['cadence'],
      summary: 'iCalendar feed (the private URL from /calendar/feed-url)',
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'must be a feed file name') }),
      response: { 200: textBody('text/calendar'), ...errors },
    },
    handler: async (req, reply) => {
      const ics = await calendarFeed(db, req.params.file.replace(/\.ics$/, ''), baseUrl(req), req.now);
      if (ics === null) throw new AppError('not_found', 'no such calendar feed (it may have been replaced)');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  });
}
