import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { getSubmission, markAbsent, submitUpdate } from '../../../services/updates/submissions.ts';
import { updatePage } from '../../../services/updates/update-page.ts';
import { addWeeks } from '../../../shared/calendar.ts';
import {
  ZBoard,
  ZSubmission,
  ZSubmissionPair,
  ZUpdateContent,
  ZWeekAreaParams,
  ZWeekParams,
} from '../../../shared/updates.ts';
import type { Resource } from '../../policies/index.ts';
import { errors } from './common.ts';

/** A week's cycle: its page (the status board), each area's submission, absences. */
export async function submissionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const areaPolicy = { resource: 'weekly_update' as const, action: 'update' as const, resolve: areaResource };
  r.get('/updates/:week', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: "A week's status board, versions and definition of done",
      params: ZWeekParams,
      response: { 200: ZBoard, ...errors },
    },
    handler: async (req) => updatePage(req.ctx, req.params.week),
  });
  r.get('/updates/:week/areas/:areaId', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: "An area's submission with its edit history, and last week's beside it",
      params: ZWeekAreaParams,
      response: { 200: ZSubmissionPair, ...errors },
    },
    handler: async (req) => ({
      current: await getSubmission(db, req.params.week, req.params.areaId),
      previous: await getSubmission(db, addWeeks(req.params.week, -1), req.params.areaId),
    }),
  });
  r.put('/updates/:week/areas/:areaId', {
    config: { policy: areaPolicy },
    schema: {
      tags: ['updates'],
      summary: "Submit (or edit) an area's five bullets for the week",
      params: ZWeekAreaParams,
      body: z.strictObject({ content: ZUpdateContent }),
      response: { 200: ZSubmission, ...errors },
    },
    handler: async (req) => {
      const submission = await submitUpdate({
        now: req.now,
        db,
        actor: req.actor!,
        week: req.params.week,
        areaId: req.params.areaId,
        content: req.body.content,
      });
      // Read back in the same transaction that wrote it: there is one.
      return submission!;
    },
  });
  r.post('/updates/:week/areas/:areaId/absence', {
    // Product Ops decides who is excused from an update every stakeholder reads, as it decides publication.
    config: { policy: { resource: 'weekly_update', action: 'create' } },
    schema: {
      tags: ['updates'],
      summary: 'Mark the PM of an area absent for the week; the update says "no update this week (reason)"',
      params: ZWeekAreaParams,
      body: z.strictObject({ reason: z.string().trim().max(500).default('') }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markAbsent({
        now: req.now,
        db,
        actor: req.actor!,
        week: req.params.week,
        areaId: req.params.areaId,
        reason: req.body.reason,
      });
      return reply.status(204).send(null);
    },
  });

  /** Area routes have `:areaId`, not `:id`: the policy needs the area's PM. A malformed id is zod's 400. */
  async function areaResource(req: FastifyRequest): Promise<Resource | null> {
    const params = req.params as { areaId?: string };
    if (!z.uuid().safeParse(params.areaId).success) return { type: 'weekly_update' };
    const area = await areaOwnerOf(db, params.areaId!);
    return area ? { type: 'weekly_update', areaOwnerId: area.ownerPmId } : null;
  }
}
