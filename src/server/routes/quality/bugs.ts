import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../services/actor.ts';
import {
  type BugView,
  bugBacklog,
  closeBug,
  decideBug,
  getBug,
  listBugs,
} from '../../../services/quality/bugs.ts';
import {
  type TBug,
  ZBug,
  ZBugBacklog,
  ZBugDecisionInput,
  ZBugList,
  ZBugListQuery,
} from '../../../shared/bugs.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { can } from '../../policies/index.ts';

export function bugLoaders(db: Db) {
  return {
    bug: async (req: FastifyRequest, id: string) => {
      const bug = await getBug(db, id, req.now);
      return bug && { resource: { type: 'bug' as const, deciderIds: bug.deciderIds }, value: bug };
    },
    bug_fix: async (req: FastifyRequest, id: string) => {
      const bug = await getBug(db, id, req.now);
      return (
        bug && {
          resource: { type: 'bug_fix' as const, deciderIds: bug.deciderIds, assigneeId: bug.assigneeId },
          value: bug,
        }
      );
    },
  };
}

/** A bug as this caller reads it: what they may do with it, without the policy's inputs. */
function present(actor: Actor, { deciderIds, assigneeId, ...bug }: BugView): TBug {
  return {
    ...bug,
    permissions: {
      decide: bug.state === 'open' && can(actor, 'update', { type: 'bug', deciderIds }),
      close: bug.state === 'open' && can(actor, 'update', { type: 'bug_fix', deciderIds, assigneeId }),
    },
  };
}

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const tags = ['quality'];

/** Issue 15, no bug backlog: bugs per area, the backlog against zero, and the decision on each. */
export async function bugRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get('/quality/bugs', {
    config: { policy: { resource: 'bug', action: 'read' } },
    schema: {
      tags,
      summary:
        'Bugs, open ones first (oldest first), with their age in days in the org’s zone; by area and state',
      querystring: ZBugListQuery,
      response: { 200: ZBugList, ...errors },
    },
    handler: async (req) => {
      const list = await listBugs(req.ctx, req.query);
      return { ...list, bugs: list.bugs.map((b) => present(req.actor!, b)) };
    },
  });
  r.get('/quality/bugs/backlog', {
    config: { policy: { resource: 'bug', action: 'read' } },
    schema: {
      tags,
      summary:
        "Every area's bug backlog against the target of zero: open bugs, the oldest one's age, those over the limit and those waiting for a decision",
      response: { 200: ZBugBacklog, ...errors },
    },
    handler: async (req) => bugBacklog(req.ctx),
  });
  r.post('/quality/bugs/:id/decision', {
    config: { policy: { resource: 'bug', action: 'update' } },
    schema: {
      tags,
      summary:
        "Decide an open bug: fix now, by an active person (assigneeId), or won't fix, with why (reason; it closes the bug)",
      params: ZIdParams,
      body: ZBugDecisionInput,
      response: { 200: ZBug, 404: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: async (req) =>
      present(
        req.actor!,
        await decideBug({ db, actor: req.actor!, id: req.params.id, input: req.body, now: req.now }),
      ),
  });
  r.post('/quality/bugs/:id/close', {
    config: { policy: { resource: 'bug_fix', action: 'update' } },
    schema: {
      tags,
      summary: 'Close an open bug as fixed',
      params: ZIdParams,
      response: { 200: ZBug, 404: ZErrorBody, 409: ZErrorBody, ...errors },
    },
    handler: async (req) =>
      present(req.actor!, await closeBug({ db, actor: req.actor!, id: req.params.id, now: req.now })),
  });
}
