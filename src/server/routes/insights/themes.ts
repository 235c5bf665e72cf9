import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quotesFor, themeTrend, topThemes, windowOf } from '../../../services/insights/themes.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { notFound } from '../../../shared/errors.ts';
import { ZThemeDetail, ZThemesQuery, ZThemeWindowQuery, ZTopThemes } from '../../../shared/insights.ts';
import { errors, tags } from './common.ts';

const ZThemeParams = z.object({ theme: z.string().min(1).max(60) });

/** Top themes of a window, and one theme's evidence, trend and quotes. */
export async function themeRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
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
}
