import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TRACKER_DIFFERENCE_KINDS, TRACKER_KINDS, TRACKER_SUBJECTS } from '../../shared/trackers.ts';

/**
 * An org's connection to an issue tracker (issue 18), one per kind: where its API is (overridable, so tests and
 * GitHub Enterprise Server point elsewhere), the token it reads with and the webhook secret deliveries are signed
 * with. Both secrets are only ever shown as "set"; the labels say which issues are bugs and customer feedback.
 */
export const trackerConnections = pgTable('tracker_connections', {
  kind: text('kind', { enum: TRACKER_KINDS }).primaryKey(),
  apiUrl: text('api_url').notNull(),
  token: text('token'),
  webhookSecret: text('webhook_secret'),
  bugLabel: text('bug_label').notNull().default('bug'),
  feedbackLabel: text('feedback_label').notNull().default('customer-feedback'),
  lastSyncAt: timestamp('last_sync_at', { withTimezone: true }),
  lastSyncError: text('last_sync_error'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * A release or roadmap item linked to tracked work (GitHub: `repo` + milestone `number`; Jira's epic key and
 * Linear's project id will use `ref` alone), with the last pull of it: its state, due date and issue counts.
 * One link per subject; the pull never writes to the release or item: a difference is flagged instead.
 */
export const trackerLinks = pgTable(
  'tracker_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: TRACKER_KINDS }).notNull(),
    subjectType: text('subject_type', { enum: TRACKER_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    repo: text('repo').notNull(),
    ref: text('ref').notNull(),
    title: text('title'),
    url: text('url'),
    state: text('state', { enum: ['open', 'closed'] }),
    /** The tracker's due date as a calendar day (GitHub's due_on, its UTC date). */
    dueOn: date('due_on', { mode: 'string' }),
    openIssues: integer('open_issues'),
    closedIssues: integer('closed_issues'),
    pulledAt: timestamp('pulled_at', { withTimezone: true }),
    pullError: text('pull_error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('tracker_links_subject_key').on(t.subjectType, t.subjectId),
    index('tracker_links_ref_idx').on(t.kind, t.repo, t.ref),
  ],
);

/**
 * Where the tracker and prodops disagree (a due date that is not the launch date, or work the tracker says is
 * done while prodops says it is not): one row per disagreement as it was seen, so each is told once to the PM and
 * Product Ops; it resolves when they agree again and is acknowledged by a person. Nothing is overwritten.
 */
export const trackerDifferences = pgTable(
  'tracker_differences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => trackerLinks.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TRACKER_DIFFERENCE_KINDS }).notNull(),
    trackerValue: text('tracker_value').notNull(),
    prodopsValue: text('prodops_value').notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: text('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('tracker_differences_key').on(t.linkId, t.kind, t.trackerValue, t.prodopsValue),
    index('tracker_differences_open_idx')
      .on(t.detectedAt)
      .where(sql`resolved_at is null and acknowledged_at is null`),
  ],
);

/** Webhook deliveries already applied (GitHub's X-GitHub-Delivery): a redelivery is acknowledged, not applied. */
export const trackerDeliveries = pgTable('tracker_deliveries', {
  kind: text('kind', { enum: TRACKER_KINDS }).notNull(),
  deliveryId: text('delivery_id').primaryKey(),
  event: text('event').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});
