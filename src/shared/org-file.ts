import { z } from 'zod';
import { ZRitualInput } from './cadence.ts';
import { ZIsoWeek, ZSlug } from './common.ts';
import { ZChannelInput } from './delivery.ts';
import { ZEmail, ZRaciEntry, ZSlackUserId } from './org.ts';
import { ZFunction, ZPodRole, ZRole } from './roles.ts';
import { ZSettings } from './settings.ts';
import { ZHttpUrl, ZLabel } from './trackers.ts';

/** The name of an environment variable holding a secret, so the file (kept in git) never holds the secret. */
const ZEnvName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be the name of an environment variable, as GITHUB_TOKEN');

/**
 * A tracker connection as the org file declares it: what `PUT /integrations/{kind}` takes, with the token and the
 * webhook secret named by environment variable (read when the file is applied). A field left out keeps its value.
 */
const ZTrackerFileEntry = z.strictObject({
  apiUrl: ZHttpUrl.optional(),
  bugLabel: ZLabel.optional(),
  feedbackLabel: ZLabel.optional(),
  tokenEnv: ZEnvName.optional(),
  webhookSecretEnv: ZEnvName.optional(),
});
export type TTrackerFileEntry = z.infer<typeof ZTrackerFileEntry>;
export const ZTrackersFile = z.strictObject({
  github: ZTrackerFileEntry.optional(),
  jira: ZTrackerFileEntry.optional(),
  linear: ZTrackerFileEntry.optional(),
});

/**
 * The whole org configuration as one versionable document (`prodops org export|import`). People, areas and
 * pods refer to each other by email and slug, never by database id, so the file moves between installs.
 */
export const ZOrgFile = z.strictObject({
  version: z.literal(1, { message: 'must be 1 (the only version so far)' }),
  settings: ZSettings.optional(),
  people: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(120),
        email: ZEmail,
        function: ZFunction,
        roles: z.array(ZRole).min(1, 'needs at least one role'),
        slackId: ZSlackUserId.optional(),
        active: z.boolean().optional(),
      }),
    )
    .optional(),
  areas: z
    .array(
      z.strictObject({
        slug: ZSlug,
        name: z.string().trim().min(1).max(120),
        description: z.string().max(2000).optional(),
        owner: ZEmail.nullable().optional(),
        engLead: ZEmail.nullable().optional(),
        activeUsers: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  pods: z
    .array(
      z.strictObject({
        slug: ZSlug,
        name: z.string().trim().min(1).max(120),
        area: ZSlug.nullable().optional(),
        mission: z.string().max(2000).optional(),
        slackChannel: z
          .string()
          .regex(/^#[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a Slack channel like #pod-billing')
          .nullable()
          .optional(),
        members: z.array(z.strictObject({ email: ZEmail, role: ZPodRole })).optional(),
        rotation: z.array(z.strictObject({ week: ZIsoWeek, email: ZEmail })).optional(),
      }),
    )
    .optional(),
  raci: z.array(ZRaciEntry).optional(),
  rituals: z
    .array(
      ZRitualInput.omit({ ownerPersonId: true, attendees: true }).extend({
        owner: ZEmail.nullable().optional(),
        attendees: z
          .strictObject({
            roles: z.array(ZRole).default([]),
            functions: z.array(ZFunction).default([]),
            emails: z.array(ZEmail).default([]),
          })
          .optional(),
      }),
    )
    .optional(),
  channels: z.array(ZChannelInput).optional(),
  /** Issue 18: the GitHub, Jira and Linear connections (secrets by environment variable only). */
  trackers: ZTrackersFile.optional(),
});
export type TOrgFile = z.infer<typeof ZOrgFile>;
