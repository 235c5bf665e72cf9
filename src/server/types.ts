import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/env.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../services/actor.ts';
import type { Principal } from '../services/auth/tokens.ts';
import type { Context } from '../services/context.ts';
import type { Clock } from '../shared/clock.ts';
import type { Action, Resource, ResourceType } from './policies/index.ts';

/**
 * Every route declares one: `public` (no sign-in), `signed_in` (any active user), or a resource and action
 * decided by `can()`. A route without a policy makes the app refuse to start.
 */
export type RoutePolicy =
  | 'public'
  | 'signed_in'
  | {
      resource: ResourceType;
      action: Action;
      /** For routes whose resource is not `:id` (e.g. `:areaId`): loads it, or null for a 404. */
      resolve?: (req: FastifyRequest) => Promise<Resource | null>;
      /**
       * Decide before the body is read as well (uploads): the decision may not look at the body. It is made
       * again before validation, as for every route.
       */
      beforeBody?: true;
    };

export interface AppDeps {
  db: Db;
  /** Where every request takes its "now" (tests set it; production reads the system clock). */
  clock: Clock;
  config: Pick<Config, 'secureCookies' | 'sessionHours' | 'signInPerMinute'> & {
    /** PRODOPS_PUBLIC_URL, when the operator set it. */
    publicUrlFromEnv?: string;
    slackWebhookAnyHost?: boolean;
    /** PRODOPS_WEBHOOK_ALLOW_PRIVATE: `all`, or the hosts, addresses and ranges webhooks may reach privately. */
    webhookAllowPrivate?: Config['delivery']['webhookAllowPrivate'];
    /** SLACK_SIGNING_SECRET: the Slack routes verify requests with it (unset: they answer 404). */
    slackSigningSecret?: string;
    /** SLACK_BOT_TOKEN and SLACK_API_URL: the Slack routes open modals with the bot. */
    slackBotToken?: string;
    slackApiUrl?: string;
    /** SMTP_URL: only whether it is set is shown (the delivery configuration banner). */
    smtpUrl?: string;
    /** PRODOPS_TRUST_PROXY: believe X-Forwarded-* from these proxies (true: from any). */
    trustProxy?: Config['trustProxy'];
  };
  /** Called after every write request that succeeded (it may have enqueued notifications): the relay looks now. */
  onEnqueued?: () => void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /**
     * The route's URL is handed to software we do not control (mail clients, calendar apps, feed readers, the
     * browser for the web app), which may add parameters of its own: they are ignored, not refused.
     */
    anyQuery?: true;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The request's one instant, from the app's clock: everything it decides is as of this. */
    now: Date;
    /** db, actor, now and the settings read at most once: what services run with (after authorization). */
    ctx: Context;
    actor: Actor | null;
    /** What the policy hook loaded for `:id` routes, so handlers do not read it twice. */
    loaded: unknown;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type { Resource };
