import { z } from 'zod';
import { invalid } from '../../../shared/errors.ts';
import { controlCharacterPaths } from '../../../shared/text.ts';

/** Slack's ids: users U…/W…, teams T…, enterprises E…. */
export const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/** The part of an interaction payload (block_actions, view_submission) these routes read. */
const ZBlockActions = z.looseObject({
  type: z.string(),
  user: z.looseObject({ id: z.string().regex(SLACK_ID), team_id: z.string().regex(SLACK_ID).optional() }),
  team: z.looseObject({ id: z.string().regex(SLACK_ID) }).nullish(),
  response_url: z.string().max(2000).optional(),
  trigger_id: z.string().max(255).optional(),
  actions: z
    .array(z.looseObject({ action_id: z.string().max(255), value: z.string().max(2000).optional() }))
    .optional(),
  /** The message a button was on (not sent for ephemeral ones): its channel and ts, and what it shows. */
  container: z.looseObject({ channel_id: z.string().max(40).optional() }).nullish(),
  channel: z.looseObject({ id: z.string().max(40) }).nullish(),
  message: z
    .looseObject({
      ts: z.string().max(40),
      text: z.string().max(40_000).default(''),
      blocks: z
        .array(z.looseObject({ type: z.string() }))
        .max(50)
        .default([]),
    })
    .optional(),
  view: z.unknown().optional(),
});

export type InteractionPayload = z.infer<typeof ZBlockActions>;

/**
 * An interaction's `payload` form field read as Slack sends it: JSON, no control characters, the fields the
 * routes use well formed; anything else is a 400 naming the field (payload.…).
 */
export function interactionPayload(raw: string): InteractionPayload {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw invalid([{ path: 'payload', message: 'is not JSON' }]);
  }
  // The text guard saw one form field; what the JSON inside holds is checked the same way.
  const controls = controlCharacterPaths(json);
  if (controls.length > 0) {
    throw invalid(
      controls.map((path) => ({
        path: `payload.${path}`,
        message: 'contains a control character (such as NUL); remove it',
      })),
    );
  }
  const parsed = ZBlockActions.safeParse(json);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => ({ path: ['payload', ...i.path].join('.'), message: i.message })),
    );
  }
  return parsed.data;
}
