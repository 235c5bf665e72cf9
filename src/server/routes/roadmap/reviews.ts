import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../../services/actor.ts';
import { heldOf } from '../../../services/broadcasts/hold.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { previewOutcome } from '../../../services/roadmap/outcome-preview.ts';
import {
  assignAction,
  closeReview,
  recordOutcome,
  startReview,
} from '../../../services/roadmap/review-actions.ts';
import { reviewPage } from '../../../services/roadmap/review-page.ts';
import { listReviews, type ReviewBody } from '../../../services/roadmap/reviews.ts';
import { ZBroadcastHeld, ZBroadcastPreview } from '../../../shared/broadcasts.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import {
  ZOccurrenceParams,
  ZOutcomeInput,
  ZOutcomePreviewQuery,
  ZReview,
  ZReviewActionInput,
  ZReviewList,
} from '../../../shared/roadmap.ts';
import { can } from '../../policies/index.ts';
import { sendingConfig } from '../broadcasts/index.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['roadmap'];

const withPermissions = (actor: Actor, body: ReviewBody) => ({
  ...body,
  permissions: {
    ratify: can(actor, 'update', { type: 'roadmap_ratification' }),
    run: can(actor, 'update', { type: 'roadmap_review' }),
    republish: can(actor, 'update', { type: 'roadmap_view' }),
  },
});

const occurrenceOf = (req: FastifyRequest) => (req.params as { occurrenceId: string }).occurrenceId;

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/roadmap/reviews', {
    config: { policy: { resource: 'roadmap_review', action: 'read' } },
    schema: {
      tags,
      summary: 'Recent and upcoming Roadmap Reviews with their republish SLA',
      response: { 200: ZReviewList, ...errors },
    },
    handler: async (req) => ({ items: await listReviews(db, req.now) }),
  });
  r.get('/roadmap/reviews/:occurrenceId', {
    config: { policy: { resource: 'roadmap_review', action: 'read' } },
    schema: {
      tags,
      summary: 'A Roadmap Review: the agenda generated from what changed since the last one',
      params: ZOccurrenceParams,
      response: { 200: ZReview, ...errors },
    },
    handler: async (req) => withPermissions(req.actor!, await reviewPage(req.ctx, occurrenceOf(req))),
  });
  r.post('/roadmap/reviews/:occurrenceId/start', {
    config: { policy: { resource: 'roadmap_review', action: 'update' } },
    schema: {
      tags,
      summary: 'Start the review',
      params: ZOccurrenceParams,
      response: { 200: ZReview, ...errors },
    },
    handler: async (req) =>
      withPermissions(
        req.actor!,
        await startReview({ db, actor: req.actor!, now: req.now, occurrenceId: occurrenceOf(req) }),
      ),
  });
  r.get('/roadmap/reviews/:occurrenceId/outcomes/preview', {
    config: { policy: { resource: 'roadmap_ratification', action: 'update' } },
    schema: {
      tags,
      summary:
        "What ratifying or rejecting would send now: the PM's message, recipients by name, the threads that follow the item",
      params: ZOccurrenceParams,
      querystring: ZOutcomePreviewQuery,
      response: { 200: ZBroadcastPreview, ...errors },
    },
    handler: async (req) =>
      previewOutcome({
        db,
        actor: req.actor!,
        now: req.now,
        occurrenceId: occurrenceOf(req),
        input: req.query,
        undoSeconds: (await getSettings(db)).broadcast.undoSeconds,
        config: sendingConfig(app),
      }),
  });
  r.post('/roadmap/reviews/:occurrenceId/outcomes', {
    config: { policy: { resource: 'roadmap_ratification', action: 'update' } },
    schema: {
      tags,
      summary:
        "Ratify or reject (with a reason) an item's pending changes (Head of Product); undoable while its messages are held",
      params: ZOccurrenceParams,
      body: ZOutcomeInput,
      response: { 200: ZReview.extend({ undo: ZBroadcastHeld.nullable() }), ...errors },
    },
    handler: async (req) => {
      const { hold, ...review } = await recordOutcome({
        db,
        actor: req.actor!,
        now: req.now,
        occurrenceId: occurrenceOf(req),
        input: req.body,
        hold: { seconds: (await getSettings(db)).broadcast.undoSeconds },
      });
      return { ...withPermissions(req.actor!, review), undo: await heldOf(db, hold) };
    },
  });
  r.post('/roadmap/reviews/:occurrenceId/actions', {
    config: { policy: { resource: 'roadmap_review', action: 'update' } },
    schema: {
      tags,
      summary: 'Assign an action item with an owner during the review',
      params: ZOccurrenceParams,
      body: ZReviewActionInput,
      response: { 200: ZReview, ...errors },
    },
    handler: async (req) =>
      withPermissions(
        req.actor!,
        await assignAction({
          db,
          actor: req.actor!,
          now: req.now,
          occurrenceId: occurrenceOf(req),
          input: req.body,
        }),
      ),
  });
  r.post('/roadmap/reviews/:occurrenceId/close', {
    config: { policy: { resource: 'roadmap_review', action: 'update' } },
    schema: {
      tags,
      summary: 'Close the review: the republish SLA starts',
      params: ZOccurrenceParams,
      response: { 200: ZReview, ...errors },
    },
    handler: async (req) =>
      withPermissions(
        req.actor!,
        await closeReview({ db, actor: req.actor!, now: req.now, occurrenceId: occurrenceOf(req) }),
      ),
  });
}
