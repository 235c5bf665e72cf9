import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { ParsedRow } from '../../../integrations/importers/index.ts';
import { getDigest, listDigests, publishDigest } from '../../../services/insights/digest.ts';
import { ingestFeedback } from '../../../services/insights/ingest.ts';
import { correctInsight, getInsight, listInsights } from '../../../services/insights/items.ts';
import { quotesFor, themeTrend, topThemes, windowOf } from '../../../services/insights/themes.ts';
import {
  assignRouting,
  disposeRouting,
  getRouting,
  listRoutings,
  runWeeklyTriage,
} from '../../../services/insights/triage.ts';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { ZErrorBody, ZIsoWeek } from '../../../shared/common.ts';
import { invalid, notFound } from '../../../shared/errors.ts';
import {
  type TDigest,
  type TIntakeInput,
  ZDigest,
  ZDigestList,
  ZDispositionInput,
  ZInsightCorrection,
  ZInsightFilter,
  ZInsightItem,
  ZInsightList,
  ZInsightPatch,
  ZIntakeInput,
  ZIntakeResult,
  ZPublishedDigest,
  ZRouting,
  ZRoutingAssignInput,
  ZRoutingList,
  ZThemeDetail,
  ZThemesQuery,
  ZThemeWindowQuery,
  ZTopThemes,
  ZTriageResult,
} from '../../../shared/insights.ts';
import type { Resource } from '../../policies/index.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['insights'];
const ZItemParams = z.object({ id: z.coerce.number().int().positive({ message: 'must be an insight id' }) });
const ZMonth = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2026-11'),
});
const ZThemeParams = z.object({ theme: z.string().min(1).max(60) });

export function insightLoaders(db: Db) {
  return {
    insight_routing: async (_req: unknown, id: string) => {
      const r = await getRouting(db, id);
      if (!r) return null;
      const area = r.areaId ? await areaOwnerOf(db, r.areaId) : null;
      const resource: Resource = {
        type: 'insight_routing',
        ownerId: r.ownerId,
        areaOwnerId: area?.ownerPmId,
      };
      return { resource, value: r };
    },
  };
}

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

/** C6: intake, the triage inbox and corrections, themes, weekly routing and dispositions, the monthly digest. */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const managers = {
    policy: {
      resource: 'insights_admin' as const,
      action: 'update' as const,
      resolve: async (): Promise<Resource> => ({ type: 'insights_admin' }),
    },
  };

  r.post('/insights/intake', {
    // Anyone signed in (a person or an API token for a webhook) may send feedback: SPEC's stakeholders do.
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Send feedback items (webhook, web form): idempotent on source + externalId',
      body: ZIntakeInput,
      response: { 200: ZIntakeResult, ...errors },
    },
    handler: async (req) =>
      ingestFeedback({
        now: req.now,
        db,
        actor: req.actor!,
        source: req.body.source,
        format: 'api',
        fileName: 'api',
        rows: rowsOf(req.body, req.now),
      }),
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
  r.get('/insights/themes', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Top themes of a window with evidence (volume, severity, segments, areas, trend)',
      querystring: ZThemesQuery,
      response: { 200: ZTopThemes, ...errors },
    },
    handler: async (req) => {
      const settings = await getSettings(db);
      const top = await topThemes(db, req.query, req.now);
      const themes = [];
      for (const t of top.themes)
        themes.push({ ...t, quotes: await quotesFor(db, t.theme, top.window, 1, settings) });
      return { window: top.window, themes };
    },
  });
  r.get('/insights/themes/:theme', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'One theme: evidence, weekly trend by severity, quotes',
      params: ZThemeParams,
      querystring: ZThemeWindowQuery,
      response: { 200: ZThemeDetail, ...errors },
    },
    handler: async (req) => {
      const settings = await getSettings(db);
      const theme = settings.insights.themes.find((t) => t.key === req.params.theme);
      if (!theme) throw notFound(`theme ${req.params.theme}`);
      const w = windowOf(settings, req.query, req.now);
      const all = await topThemes(db, { ...w, days: req.query.days, limit: 100 }, req.now);
      return {
        theme: theme.key,
        label: theme.label,
        window: w,
        summary: all.themes.find((t) => t.theme === theme.key) ?? null,
        trend: await themeTrend(db, theme.key, w),
        quotes: await quotesFor(db, theme.key, w, 8, settings),
      };
    },
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
  r.post('/insights/triage', {
    config: managers,
    schema: {
      tags,
      summary: "Run the week's triage now: route the top themes to their PMs",
      body: z.strictObject({ week: ZIsoWeek.optional() }).optional(),
      response: { 200: ZTriageResult, ...errors },
    },
    handler: async (req) => runWeeklyTriage({ db, actor: req.actor!, now: req.now, week: req.body?.week }),
  });
  r.get('/insights/routings', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Routed themes and their dispositions',
      querystring: z.strictObject({
        week: ZIsoWeek.optional(),
        /** true: not decided yet; false: decided. */
        open: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        mine: z.enum(['true', 'false']).optional(),
      }),
      response: { 200: ZRoutingList, ...errors },
    },
    handler: async (req) => ({
      items: await listRoutings(db, {
        week: req.query.week,
        open: req.query.open,
        ownerId: req.query.mine === 'true' ? (req.actor!.personId ?? undefined) : undefined,
      }),
    }),
  });
  r.get('/insights/routings/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'One routed theme with its evidence and disposition',
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) => {
      const [routing] = await listRoutings(db, { id: req.params.id });
      if (!routing) throw notFound('routing');
      return routing;
    },
  });
  r.post('/insights/routings/:id/disposition', {
    config: { policy: { resource: 'insight_routing', action: 'update' } },
    schema: {
      tags,
      summary: "The PM's decision: backlog, needs research, already addressed, won't do (with why)",
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      body: ZDispositionInput,
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) =>
      disposeRouting({ db, actor: req.actor!, now: req.now, id: req.params.id, input: req.body }),
  });
  r.post('/insights/routings/:id/assign', {
    config: managers,
    schema: {
      tags,
      summary: 'Give a routed theme an owner (Product Ops): an area and its PM, or a PM named outright',
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      body: ZRoutingAssignInput,
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) =>
      assignRouting({ db, actor: req.actor!, now: req.now, id: req.params.id, input: req.body }),
  });
  r.get('/insights/digests', {
    config: { policy: 'signed_in' },
    schema: { tags, summary: 'Monthly Insights Digests', response: { 200: ZDigestList, ...errors } },
    handler: async () => ({ items: await listDigests(db) }),
  });
  r.get('/insights/digests/:month', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: "A month's digest (latest version)",
      params: ZMonth,
      response: { 200: ZDigest, ...errors },
    },
    handler: async (req) => {
      const digest = await getDigest(db, req.params.month);
      // Stored JSON, as publishDigest wrote it: the response schema checks it on the way out.
      return { ...digest, json: digest.json as TDigest['json'] };
    },
  });
  r.post('/insights/digests/:month/publish', {
    config: managers,
    schema: {
      tags,
      summary: "Publish (or republish) a month's digest",
      params: ZMonth,
      response: { 200: ZPublishedDigest, ...errors },
    },
    handler: async (req) => publishDigest({ db, actor: req.actor!, now: req.now, month: req.params.month }),
  });
}
