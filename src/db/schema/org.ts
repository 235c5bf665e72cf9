import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TContractMetric, TContractRisk } from '../../shared/contracts.ts';
import { FUNCTIONS, POD_ROLES, ROLES } from '../../shared/roles.ts';
import type { TSettings } from '../../shared/settings.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** People are also the users: a person with a password or a token can sign in. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    function: text('function', { enum: FUNCTIONS }).notNull(),
    roles: text('roles', { enum: ROLES }).array().notNull().default(sql`'{}'::text[]`),
    slackId: text('slack_id'),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash'),
    ...timestamps,
  },
  (t) => [uniqueIndex('people_email_key').on(t.email)],
);

export const areas = pgTable(
  'areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ownerPmId: uuid('owner_pm_id').references(() => people.id, { onDelete: 'set null' }),
    engLeadId: uuid('eng_lead_id').references(() => people.id, { onDelete: 'set null' }),
    activeUsers: integer('active_users').notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('areas_slug_key').on(t.slug)],
);

export const pods = pgTable(
  'pods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    mission: text('mission').notNull().default(''),
    slackChannel: text('slack_channel'),
    ...timestamps,
  },
  (t) => [uniqueIndex('pods_slug_key').on(t.slug)],
);

export const podMembers = pgTable(
  'pod_members',
  {
    podId: uuid('pod_id')
      .notNull()
      .references(() => pods.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: POD_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.podId, t.personId] }), index('pod_members_person_idx').on(t.personId)],
);

export const podRotation = pgTable(
  'pod_rotation',
  {
    podId: uuid('pod_id')
      .notNull()
      .references(() => pods.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.podId, t.week] })],
);

export const raciEntries = pgTable(
  'raci_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    position: integer('position').notNull(),
    activity: text('activity').notNull(),
    responsible: text('responsible').notNull(),
    accountable: text('accountable').notNull(),
    consulted: text('consulted').array().notNull(),
    informed: text('informed').array().notNull(),
  },
  (t) => [uniqueIndex('raci_activity_key').on(sql`lower(${t.activity})`)],
);

/** Named defaults from the seeds, each applied once, so a default deleted on purpose stays deleted. */
export const orgDefaults = pgTable('org_defaults', {
  name: text('name').primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row (id = 1): settings are validated as a whole by ZSettings, so they live as one document. */
export const orgSettings = pgTable('org_settings', {
  id: integer('id').primaryKey(),
  value: jsonb('value').$type<TSettings>().notNull(),
  /** The single sign-on client secret: apart from the document, so no read, export or audit of it shows it. */
  oidcClientSecret: text('oidc_client_secret'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A pod's strategy contract (issue 15), one row per version: a change is a new version (the table refuses
 * updates, migration 0016), and the versions before it stay as history.
 */
export const strategyContracts = pgTable(
  'strategy_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    podId: uuid('pod_id')
      .notNull()
      .references(() => pods.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    goal: text('goal').notNull(),
    hypothesis: text('hypothesis').notNull().default(''),
    rightToWin: text('right_to_win').notNull().default(''),
    metrics: jsonb('metrics').$type<TContractMetric[]>().notNull().default([]),
    risks: jsonb('risks').$type<TContractRisk[]>().notNull().default([]),
    /** A local date, YYYY-MM-DD. */
    deadline: text('deadline').notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('strategy_contracts_pod_version_key').on(t.podId, t.version)],
);

/** Who is asked to sign a contract version, and when they did: a new version asks again (new rows). */
export const contractSignoffs = pgTable(
  'contract_signoffs',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => strategyContracts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedByLabel: text('requested_by_label').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.personId] }),
    index('contract_signoffs_person_idx').on(t.personId),
  ],
);
