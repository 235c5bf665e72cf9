import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { postToResponseUrl } from '../../../integrations/slack/client.ts';
import { escapeMrkdwn } from '../../../integrations/slack/mrkdwn.ts';
import { parseReadinessAction } from '../../../integrations/slack/readiness.ts';
import { verifySlackRequest } from '../../../integrations/slack/signature.ts';
import {
  ephemeral,
  parseStatusAction,
  type SlackResponseMessage,
  type StatusAction,
  statusMessage,
} from '../../../integrations/slack/status-card.ts';
import { isSlackResponseUrl } from '../../../integrations/slack/validate.ts';
import { personBySlackId, seenSlackRequests } from '../../../services/slack/requests.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { AppError, invalid } from '../../../shared/errors.ts';
import type { TStatusAnswer, TStatusSubject } from '../../../shared/status.ts';
import { awarenessActionIn, onAwarenessClick } from './awareness.ts';
import { interactionPayload, SLACK_ID } from './payload.ts';
import { onNotReadySubmission, onReadinessClick } from './readiness.ts';
import { shareAnswer } from './share.ts';

/**
 * Answers "what's the status of X?" for the status service, whoever wrote it: the Slack routes only render
 * and post what it returns. `now` is the request's instant (the answer is as of then).
 */
export type StatusAnswerer = (o: {
  q: string;
  subject?: TStatusSubject;
  id?: string;
  slackUserId: string;
  teamId: string;
  channel: 'slack';
  now: Date;
  /** 'channel' when the answer is shared: everyone there reads it, so it holds only what a stakeholder may. */
  audience: 'asker' | 'channel';
}) => Promise<TStatusAnswer>;

export interface SlackRoutesOptions {
  answerer: StatusAnswerer;
  /** SLACK_SIGNING_SECRET: without it every Slack route answers 404 saying Slack is not configured. */
  signingSecret: string | undefined;
  /** PRODOPS_PUBLIC_URL: the cards link under it (else under the host Slack called). */
  publicUrl: string | undefined;
  /** Accept response_url on any http(s) host (tests, a relay), not only hooks.slack.com. */
  allowAnyResponseHost: boolean;
  /** SLACK_BOT_TOKEN and SLACK_API_URL: the "Not ready, because…" modal (views.open) needs the bot. */
  botToken?: string | undefined;
  apiUrl?: string | undefined;
}

const tags = ['slack'];
const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };
const FORM = 'application/x-www-form-urlencoded';

/** The slash command as Slack posts it (docs.slack.dev, "Implementing slash commands"); more fields may come. */
const ZSlashCommand = z.looseObject({
  command: z.string().max(100),
  text: z.string().max(4000).default(''),
  user_id: z.string().regex(SLACK_ID, 'must be a Slack user id'),
  team_id: z.string().regex(SLACK_ID, 'must be a Slack team id'),
  response_url: z.string().min(1).max(2000),
});
/** An interaction: one form field, `payload`, holding JSON. */
const ZInteractionForm = z.looseObject({ payload: z.string().min(2).max(200_000) });
const ZSlackBlock = z.looseObject({ type: z.string() });
/** What the slash command answers at once (ephemeral: only the asker sees it). */
const ZSlackReply = z.object({
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  text: z.string(),
  blocks: z.array(ZSlackBlock).optional(),
});
/** Slack only needs the 200 within 3 s; the answer goes to response_url. A modal's submission may be refused. */
const ZInteractionAck = z.union([
  z.strictObject({}),
  z.strictObject({ response_action: z.literal('errors'), errors: z.record(z.string(), z.string()) }),
]);

const HELP =
  'Ask for the status of a roadmap item, release, decision, insight theme or product area: `/status usage invoices`.';

const linkYourAccount = (slackUserId: string) =>
  `Your Slack account (${escapeMrkdwn(slackUserId)}) is not linked to anyone in prodops, so I cannot tell what you may read. ` +
  `Open your profile in prodops (People → your name → Edit) and set *Slack user id* to \`${escapeMrkdwn(slackUserId)}\`, ` +
  'or ask Product Ops to do it. Then ask again.';

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * Slack's slash command `/status` and the buttons of its answers. Public to Slack: no session or token, the
 * request's signature is the credential, checked on the raw body before anything reads it; a request that is
 * not a signed form post never reaches a handler. Both answer within Slack's 3 s and post the answer to the
 * request's response_url afterwards.
 */
export async function slackRoutes(app: FastifyInstance, opts: SlackRoutesOptions): Promise<void> {
  const { db } = app.deps;
  const seen = seenSlackRequests(db);
  const verified = new WeakSet<FastifyRequest>();
  const pending = new Set<Promise<void>>();
  // Answers still being posted when the app closes are awaited, not cut off.
  app.addHook('onClose', async () => {
    await Promise.allSettled([...pending]);
  });

  app.addHook('onRequest', async (req) => {
    if (!opts.signingSecret) {
      throw new AppError(
        'not_found',
        'Slack is not configured on this server: set SLACK_SIGNING_SECRET (README, "Slack app")',
      );
    }
    if (!(header(req, 'content-type') ?? '').toLowerCase().startsWith(FORM)) {
      throw new AppError('unauthorized', `not a signed Slack request: Slack posts ${FORM}`);
    }
  });
  // The signature covers the exact bytes Slack sent: this scope keeps the raw form, checks it, then parses it.
  app.removeContentTypeParser(FORM);
  app.addContentTypeParser(
    FORM,
    { parseAs: 'string' },
    async (req: FastifyRequest, body: string | Buffer) => {
      const rawBody = typeof body === 'string' ? body : body.toString('utf8');
      const result = await verifySlackRequest({
        secret: opts.signingSecret ?? '',
        signature: header(req, 'x-slack-signature'),
        timestamp: header(req, 'x-slack-request-timestamp'),
        rawBody,
        now: req.now,
        seen,
      });
      if (!result.ok) throw new AppError('unauthorized', result.message);
      verified.add(req);
      return Object.fromEntries(new URLSearchParams(rawBody));
    },
  );
  // A form with no body never reaches the parser: refused here, before validation reads anything.
  app.addHook('preValidation', async (req) => {
    if (!verified.has(req)) throw new AppError('unauthorized', 'not a signed Slack request');
  });

  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;

  /** Work after the reply: errors are logged, never left as unhandled rejections. */
  const later = (log: FastifyBaseLogger, what: string, task: () => Promise<void>) => {
    const p: Promise<void> = task()
      .catch((err: unknown) => log.error({ err }, `slack: ${what} failed`))
      .finally(() => pending.delete(p));
    pending.add(p);
  };

  const post = async (
    log: FastifyBaseLogger,
    url: string,
    message: SlackResponseMessage | { delete_original: true },
  ) => {
    const result = await postToResponseUrl(url, message);
    if (!result.ok) log.warn({ error: result.error }, 'slack: posting to response_url failed');
  };

  /** Answers, then hands the answer on; a failure is said at response_url. */
  const answerThen = async (
    log: FastifyBaseLogger,
    url: string,
    ask: Parameters<StatusAnswerer>[0],
    then: (answer: TStatusAnswer) => Promise<void>,
  ) => {
    let answer: TStatusAnswer;
    try {
      answer = await opts.answerer(ask);
    } catch (err) {
      log.error({ err }, 'slack: the status answer failed');
      const why = err instanceof AppError && err.status < 500 ? `: ${escapeMrkdwn(err.message)}` : '.';
      await post(log, url, ephemeral(`Sorry, prodops could not answer that${why}`));
      return;
    }
    await then(answer);
  };

  /** Answers, or says why not, at response_url. */
  const answerAt = (
    log: FastifyBaseLogger,
    url: string,
    ask: Parameters<StatusAnswerer>[0],
    render: (answer: TStatusAnswer) => (SlackResponseMessage | { delete_original: true })[],
  ) =>
    answerThen(log, url, ask, async (answer) => {
      for (const message of render(answer)) await post(log, url, message);
    });

  const checkResponseUrl = (url: string | undefined, path: string): string => {
    if (!url || !isSlackResponseUrl(url, { allowAnyHost: opts.allowAnyResponseHost })) {
      throw invalid([{ path, message: 'must be a Slack response URL (https://hooks.slack.com/…)' }]);
    }
    return url;
  };

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/slack/commands', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Slack slash command /status (signed by Slack): acknowledges at once, answers at response_url',
      security: [],
      body: ZSlashCommand,
      response: { 200: ZSlackReply, ...errors },
    },
    handler: async (req) => {
      const b = req.body;
      const q = b.text.trim().replace(/\s+/g, ' ');
      if (!q || q.toLowerCase() === 'help') return ephemeral(HELP);
      const url = checkResponseUrl(b.response_url, 'response_url');
      if (q.length > 200) return ephemeral(`That is a long question: ask in at most 200 characters. ${HELP}`);
      if (!(await personBySlackId(db, b.user_id))) return ephemeral(linkYourAccount(b.user_id));
      const ask = {
        q,
        slackUserId: b.user_id,
        teamId: b.team_id,
        channel: 'slack' as const,
        now: req.now,
        audience: 'asker' as const,
      };
      const base = baseUrl(req);
      later(req.log, 'answering /status', () =>
        answerAt(req.log, url, ask, (answer) => [statusMessage(answer, { baseUrl: base })]),
      );
      return ephemeral(`Looking up the status of “${escapeMrkdwn(q)}”…`);
    },
  });

  r.post('/slack/interactions', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary:
        "Slack interactivity (signed by Slack): /status answers (pick one, share in channel), readiness (I'm ready, not ready because…) and the launch-awareness question",
      security: [],
      body: ZInteractionForm,
      response: { 200: ZInteractionAck, ...errors },
    },
    handler: async (req) => {
      const p = interactionPayload(req.body.payload);
      if (p.type === 'view_submission') {
        return (
          (await onNotReadySubmission({ db }, { view: p.view, slackUserId: p.user.id, now: req.now })) ?? {}
        );
      }
      const awareness = p.type === 'block_actions' ? awarenessActionIn(p.actions ?? []) : null;
      if (awareness) {
        const url = checkResponseUrl(p.response_url, 'payload.response_url');
        const log = req.log;
        await onAwarenessClick(
          {
            db,
            later: (what, task) => later(log, what, task),
            post: (m) => post(log, url, m),
            linkYourAccount: linkYourAccount(p.user.id),
          },
          { action: awareness, slackUserId: p.user.id, blocks: p.message?.blocks ?? [], now: req.now },
        );
        return {};
      }
      const readiness =
        p.type === 'block_actions'
          ? ((p.actions ?? [])
              .map((a) => parseReadinessAction(a.action_id, a.value))
              .find((a) => a !== null) ?? null)
          : null;
      if (readiness) {
        const log = req.log;
        const url =
          p.response_url && isSlackResponseUrl(p.response_url, { allowAnyHost: opts.allowAnyResponseHost })
            ? p.response_url
            : null;
        const channelId = p.container?.channel_id ?? p.channel?.id;
        await onReadinessClick(
          {
            db,
            botToken: opts.botToken,
            apiUrl: opts.apiUrl,
            baseUrl: baseUrl(req),
            log,
            later: (what, task) => later(log, what, task),
            tell: async (message) => {
              if (url) await post(log, url, { ...message, replace_original: false });
            },
            linkYourAccount: linkYourAccount(p.user.id),
          },
          {
            action: readiness,
            slackUserId: p.user.id,
            triggerId: p.trigger_id,
            message:
              p.message && channelId
                ? { channelId, ts: p.message.ts, text: p.message.text, blocks: p.message.blocks }
                : undefined,
            now: req.now,
          },
        );
        return {};
      }
      // Other interactions (shortcuts, other modals, other apps' buttons) are not ours: acknowledged, ignored.
      const action: StatusAction | null =
        p.type === 'block_actions'
          ? ((p.actions ?? []).map((a) => parseStatusAction(a.action_id, a.value)).find((a) => a !== null) ??
            null)
          : null;
      if (!action) return {};
      const url = checkResponseUrl(p.response_url, 'payload.response_url');
      const slackUserId = p.user.id;
      const log = req.log;
      const person = await personBySlackId(db, slackUserId);
      if (!person) {
        later(log, 'telling an unlinked user', () =>
          post(log, url, { ...ephemeral(linkYourAccount(slackUserId)), replace_original: false }),
        );
        return {};
      }
      const ask = {
        q: action.q.trim().slice(0, 200) || action.id.slice(0, 200),
        subject: action.subject,
        id: action.id,
        slackUserId,
        teamId: p.team?.id ?? p.user.team_id ?? '',
        channel: 'slack' as const,
        now: req.now,
        audience: action.kind === 'pick' ? ('asker' as const) : ('channel' as const),
      };
      const base = baseUrl(req);
      if (action.kind === 'pick') {
        // The pick replaces the "which one?" message with its card.
        later(log, 'answering a pick', () =>
          answerAt(log, url, ask, (answer) => [
            { ...statusMessage(answer, { baseUrl: base }), replace_original: true },
          ]),
        );
      } else {
        // Shared: a new message in the channel (by the bot when it can, so later changes reply in its thread),
        // then the asker's ephemeral copy is removed.
        const channelId = p.container?.channel_id ?? p.channel?.id;
        later(log, 'sharing an answer', () =>
          answerThen(log, url, ask, (answer) =>
            shareAnswer(
              { db, botToken: opts.botToken, apiUrl: opts.apiUrl, log, post: (m) => post(log, url, m) },
              { answer, baseUrl: base, slackUserId, personId: person.id, channelId, now: req.now },
            ),
          ),
        );
      }
      return {};
    },
  });
}
