import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { metricDetail, metricsCsvRows, metricsOverview } from '../../../services/metrics/overview.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { ZMetricDetail, ZMetricList, ZMetricParams, ZMetricsQuery } from '../../../shared/metrics.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const policy = { resource: 'metrics', action: 'read' } as const;

/** Issue 16: the success metrics and velocity controls, each with the records behind it, and as CSV. */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/metrics', {
    config: { policy },
    schema: {
      tags: ['metrics'],
      summary: 'The success metrics and velocity controls: baseline, target, current value and weekly trend',
      querystring: ZMetricsQuery,
      response: { 200: ZMetricList, ...errors },
    },
    handler: async (req) => metricsOverview(req.ctx, { weeks: req.query.weeks }),
  });
  r.get('/metrics.csv', {
    config: { policy },
    schema: {
      tags: ['metrics'],
      summary: "Every metric's records as CSV: metric, current, target, record, date, counted, detail",
      querystring: ZMetricsQuery,
      response: { 200: z.string(), ...errors },
    },
    handler: async (req, reply) => {
      const csv = stringify(await metricsCsvRows(req.ctx, { weeks: req.query.weeks }));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prodops-metrics.csv"')
        .send(csv);
    },
  });
  r.get('/metrics/:key', {
    config: { policy },
    schema: {
      tags: ['metrics'],
      summary: 'One metric and the exact records behind it (which launches, occurrences, weeks, areas)',
      params: ZMetricParams,
      querystring: ZMetricsQuery,
      response: { 200: ZMetricDetail, 404: ZErrorBody, ...errors },
    },
    handler: async (req) => metricDetail(req.ctx, { key: req.params.key, weeks: req.query.weeks }),
  });
}
