import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unknownHints } from '../../../domain/insights/hints.ts';
import type { ParsedRow } from '../../../integrations/importers/index.ts';
import { ingestFeedback } from '../../../services/insights/ingest.ts';
import { correctInsight, getInsight, listInsights } from '../../../services/insights/items.ts';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { invalid, notFound } from '../../../shared/errors.ts';
import {
  type TIntakeInput,
  ZInsightCorrection,
  ZInsightFilter,
  ZInsightItem,
  ZInsightList,
  ZInsightPatch,
  ZIntakeInput,
  ZIntakeResult,
} from '../../../shared/insights.ts';
import type { Resource } from '../../policies/index.ts';
import { errors, tags } from './common.ts';

const ZItemParams = z.object({
  id: z.coerce.number().int().positive({ message: 'must be an insight id' }),
});

/** Webhook / form items as the importer's rows, so every intake path tags and stores the same way. */
async function* rowsOf(input: TIntakeInput, now: Date): AsyncIterable<ParsedRow> {
  for (const [i, x] of input.items.entries())
    yield {
      line: i + 1,
      item: {
        externalId: x.externalId,
        title: x.title,
        body: x.body,
        occurredAt: (x.occurredAt ? new Date(x.occurredAt) : now).toISOString(),
        customer: x.customer ?? null,
        segment: x.segment ?? null,
        evidenceType: x.evidenceType ?? null,
        severityHint: x.severity ?? null,
        kindHint: x.kind ?? null,
        tags: [],
        url: x.url ?? null,
      },
    };
}

/** Feedback items: intake (webhook, web form), the inbox, one item and its corrections. */
export async function itemRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/insights/intake', {
    // Anyone signed in (a person or an API token for a webhook) may send feedback: SPEC's stakeholders do.
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Send feedback items (webhook, web form): idempotent on source + externalId',
      body: ZIntakeInput,
      response: { 200: ZIntakeResult, ...errors },
    },
    handler: async (req) => {
      const { insights } = await req.ctx.settings();
      const fields = req.body.items.flatMap((item, i) =>
        unknownHints(item, insights).map(({ hint, known }) => ({
          path: `items.${i}.${hint}`,
          message: `is not one of the org's words (${known.join(', ')})`,
        })),
      );
      if (fields.length > 0) throw invalid(fields);
      return ingestFeedback({
        now: req.now,
        db,
        actor: req.actor!,
        source: req.body.source,
        format: 'api',
        fileName: 'api',
        rows: rowsOf(req.body, req.now),
      });
    },
  });
  r.get('/insights', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'The insights inbox: items with their tags, newest first',
      querystring: ZInsightFilter,
      response: { 200: ZInsightList, ...errors },
    },
    handler: async (req) => listInsights(db, req.query),
  });
  r.get('/insights/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'One feedback item',
      params: ZItemParams,
      response: { 200: ZInsightItem, ...errors },
    },
    handler: async (req) => {
      const item = await getInsight(db, req.params.id);
      if (!item) throw notFound('insight');
      return item;
    },
  });
  r.patch('/insights/:id', {
    config: {
      policy: {
        resource: 'insight',
        action: 'update',
        resolve: async (req): Promise<Resource | null> => {
          const parsed = ZItemParams.safeParse(req.params);
          if (!parsed.success) throw invalid([{ path: 'params.id', message: 'must be an insight id' }]);
          const item = await getInsight(db, parsed.data.id);
          if (!item) return null;
          const area = item.areaId ? await areaOwnerOf(db, item.areaId) : null;
          return { type: 'insight', areaOwnerId: area?.ownerPmId ?? null };
        },
      },
    },
    schema: {
      tags,
      summary: "Correct an item's tags (the tagger learns from it)",
      params: ZItemParams,
      body: ZInsightPatch,
      response: { 200: ZInsightCorrection, ...errors },
    },
    handler: async (req) =>
      correctInsight({ db, actor: req.actor!, now: req.now, id: req.params.id, patch: req.body }),
  });
}
