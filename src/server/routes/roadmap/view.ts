import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { renderView } from '../../../domain/roadmap/view.ts';
import { createMarkdown } from '../../../integrations/markdown.ts';
import { artifactVersionById } from '../../../services/artifacts.ts';
import { heldOf } from '../../../services/broadcasts/hold.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { ratifiedStates } from '../../../services/roadmap/item-history.ts';
import { publishView } from '../../../services/roadmap/publish.ts';
import { previewViewPublish } from '../../../services/roadmap/publish-preview.ts';
import {
  buildView,
  listViewVersions,
  publishedView,
  ROADMAP_VIEW,
  VIEW_KEY,
} from '../../../services/roadmap/view.ts';
import { ZBroadcastHeld, ZBroadcastPreview } from '../../../shared/broadcasts.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { AppError, notFound } from '../../../shared/errors.ts';
import {
  type TAudience,
  type TRoadmapView,
  ZExportQuery,
  ZPublishedView,
  ZRepublishInput,
  ZViewQuery,
  ZViewVersionList,
} from '../../../shared/roadmap.ts';
import { type Built, jsonBuilt, publishedVersionId, sendPublished } from '../../published-reply.ts';
import { withInlineStyle } from '../../security-headers.ts';
import { sendingConfig } from '../broadcasts/index.ts';
import { textBody } from '../media.ts';
import { readerOf } from './reader.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['roadmap'];
const read = { policy: { resource: 'roadmap_view' as const, action: 'read' as const } };

type ViewRow = NonNullable<Awaited<ReturnType<typeof publishedView>>>;

/** A published version as the route answers it: everything comes from the stored row (nothing from now). */
function publishedViewOf(row: ViewRow, audience?: TAudience) {
  const view = row.json as TRoadmapView;
  return {
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
    view,
    markdown: renderView(view, audience),
  };
}

/** A published version, the latest, or the draft (what republishing now would publish); never a 500 when none yet. */
async function viewFor(db: Db, now: Date, version: number | 'draft' | undefined, audience?: TAudience) {
  const row = version === 'draft' ? null : await publishedView(db, version);
  if (row) return publishedViewOf(row, audience);
  const view = await buildView(db, await ratifiedStates(db, 'stakeholder'), now);
  return { version: null, publishedAt: null, publishedBy: null, view, markdown: renderView(view, audience) };
}

/** The published version's row id (the latest or the one asked for; 404 for an unknown number), or null. */
async function publishedId(req: FastifyRequest, version: number | 'draft' | undefined) {
  if (version === 'draft') return null;
  const id = await publishedVersionId(req, ROADMAP_VIEW, VIEW_KEY, version);
  if (!id && version) throw notFound(`roadmap view version ${version}`);
  return id;
}

/** The export's bytes: markdown as a download, or the printable page. */
function exportOf(
  v: { view: TRoadmapView; markdown: string },
  audience: TAudience | undefined,
  format: 'md' | 'html',
): Built & { body: string } {
  const name = `roadmap${audience ? `-${audience}` : ''}-${v.view.asOf}`;
  if (format === 'html') return { body: printableHtml(name, v.markdown), type: 'text/html; charset=utf-8' };
  return {
    body: v.markdown,
    type: 'text/markdown; charset=utf-8',
    headers: { 'content-disposition': `attachment; filename="${name}.md"` },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const PRINT_CSS = `
body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#111;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}h3{margin-bottom:.2rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
blockquote{margin:0;padding-left:.8rem;border-left:3px solid #999;color:#333}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}h3+p{break-before:avoid}}
`;

/** A standalone page that prints well (browser "Save as PDF"): no app chrome, no scripts. */
export function printableHtml(title: string, markdown: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style></head><body>
${createMarkdown().render(markdown)}</body></html>
`;
}

/** The draft is the product org's preview: stakeholders read what was published. */
function draftFor(req: FastifyRequest): number | 'draft' | undefined {
  const { version } = req.query as { version?: number | 'draft' };
  if (version === 'draft' && readerOf(req.actor!) !== 'org')
    throw new AppError(
      'forbidden',
      'only the product org previews the draft: stakeholders read the published view',
    );
  return version;
}

export async function viewRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/roadmap/view', {
    config: read,
    schema: {
      tags,
      summary: 'The stakeholder roadmap view (latest published, a version, or the draft), for one audience',
      querystring: ZViewQuery,
      response: { 200: ZPublishedView, ...errors },
    },
    handler: async (req, reply) => {
      const version = draftFor(req);
      const { audience } = req.query;
      const id = await publishedId(req, version);
      // The draft (or no view published yet) is built from now: never cached.
      if (!id) return viewFor(db, req.now, version, audience);
      return sendPublished(req, reply, {
        key: `view:${id}:${audience ?? ''}`,
        notFound: 'the roadmap view version was withdrawn',
        build: async () => {
          const row = await artifactVersionById(db, id);
          return row && jsonBuilt(ZPublishedView, publishedViewOf(row, audience));
        },
      });
    },
  });
  r.get('/roadmap/view/export', {
    config: read,
    // The printable page carries its own <style>: allowed by its hash.
    ...withInlineStyle(PRINT_CSS),
    schema: {
      tags,
      summary: 'Export the view as markdown or print-friendly HTML',
      querystring: ZExportQuery,
      response: { 200: textBody('text/markdown', 'text/html'), ...errors },
    },
    handler: async (req, reply) => {
      const version = draftFor(req);
      const { audience, format } = req.query;
      const id = await publishedId(req, version);
      if (!id) {
        const built = exportOf(await viewFor(db, req.now, version, audience), audience, format);
        for (const [name, value] of Object.entries(built.headers ?? {})) reply.header(name, value);
        return reply.type(built.type).send(built.body);
      }
      return sendPublished(req, reply, {
        key: `view-export:${id}:${audience ?? ''}:${format}`,
        notFound: 'the roadmap view version was withdrawn',
        build: async () => {
          const row = await artifactVersionById(db, id);
          return row && exportOf(publishedViewOf(row, audience), audience, format);
        },
      });
    },
  });
  r.get('/roadmap/views', {
    config: read,
    schema: {
      tags,
      summary: 'Published versions of the stakeholder view',
      response: { 200: ZViewVersionList, ...errors },
    },
    handler: async () => ({ items: await listViewVersions(db) }),
  });
  r.get('/roadmap/view/publish-preview', {
    config: { policy: { resource: 'roadmap_view', action: 'update' } },
    schema: {
      tags,
      summary:
        'What republishing the stakeholder view would send now: the message, recipients per channel by name, warnings',
      querystring: ZRepublishInput,
      response: { 200: ZBroadcastPreview, ...errors },
    },
    handler: async (req) =>
      previewViewPublish({
        db,
        actor: req.actor!,
        now: req.now,
        note: req.query.note,
        undoSeconds: (await getSettings(db)).broadcast.undoSeconds,
        config: sendingConfig(app),
      }),
  });
  r.post('/roadmap/view/publish', {
    config: { policy: { resource: 'roadmap_view', action: 'update' } },
    schema: {
      tags,
      summary:
        'Republish the stakeholder view from what was ratified (a new immutable version), its messages held for the undo window',
      body: ZRepublishInput,
      response: { 200: ZPublishedView.extend({ undo: ZBroadcastHeld.nullable() }), ...errors },
    },
    handler: async (req) => {
      const row = await publishView({
        db,
        actor: req.actor!,
        now: req.now,
        note: req.body.note,
        hold: { seconds: (await getSettings(db)).broadcast.undoSeconds },
      });
      return { ...(await viewFor(db, req.now, row.version)), undo: await heldOf(db, row.hold) };
    },
  });
}
