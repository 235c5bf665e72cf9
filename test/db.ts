import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type Database,
  type DatabaseTarget,
  type Db,
  openDatabase,
  runMigrations,
} from '../src/db/client.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { systemClock } from '../src/shared/clock.ts';
import { PG_TEMPLATE_ENV, pgliteTemplate } from './db-template.ts';

export interface TestDatabase extends Database {
  target: DatabaseTarget;
  /** Connection string of this test's own database on the PostgreSQL server, when there is one. */
  url: string | null;
}

/**
 * Creates a database on the server named by DATABASE_URL and returns its URL: empty, or a copy of `template`
 * (a migrated database of this run).
 */
export async function createServerDatabase(
  baseUrl: string,
  template?: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `prodops_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A migrated database of this test file's own: in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server when DATABASE_URL is set, so the same suite runs on both.
 */
export async function createTestDb(opts: { now?: Date } = {}): Promise<TestDatabase> {
  // The org's defaults plan the rituals' window around this instant: a test whose story has dates passes its own.
  const now = opts.now ?? systemClock.now();
  const base = process.env.DATABASE_URL;
  if (base) {
    const server = await createServerDatabase(base, process.env[PG_TEMPLATE_ENV]);
    const target: DatabaseTarget = { kind: 'postgres', url: server.url, poolSize: 5 };
    const database = await openDatabase(target);
    await runMigrations(target, database);
    await ensureOrgDefaults(database.db, now);
    return {
      ...database,
      target,
      url: server.url,
      close: async () => {
        await database.close();
        await server.drop();
      },
    };
  }
  const loadDataDir = pgliteTemplate();
  // PRODOPS_TEST_PGLITE_THREAD=worker runs the suite's PGlite on a worker thread, as the server does.
  const thread = process.env.PRODOPS_TEST_PGLITE_THREAD === 'worker' ? 'worker' : 'main';
  const target: DatabaseTarget = {
    kind: 'pglite',
    dataDir: null,
    thread,
    ...(loadDataDir ? { loadDataDir } : {}),
  };
  const database = await openDatabase(target);
  // A no-op on the run's template (already migrated); a test run without one migrates here.
  await runMigrations(target, database);
  await ensureOrgDefaults(database.db, now);
  return { ...database, target, url: null };
}

/** Every table a write could touch, as one string: equal before and after means nothing was written. */
export async function snapshotAll(db: Db): Promise<string> {
  const counts = await db.execute(sql`
    select (select count(*) from people) as people, (select count(*) from areas) as areas,
           (select count(*) from pods) as pods, (select count(*) from pod_members) as members,
           (select count(*) from pod_rotation) as rotation, (select count(*) from audit_log) as audit,
           (select count(*) from api_tokens where revoked_at is null) as tokens, (select count(*) from sessions) as sessions,
           (select string_agg(id::text || output_artifact || schedule::text || duration_minutes, '|' order by id) from rituals) as rituals,
           (select string_agg(id::text || status || notes || coalesce(artifact_produced_at::text, ''), '|' order by id) from ritual_occurrences) as occurrences,
           (select count(*) from occurrence_attendance) as attendance, (select count(*) from scheduled_actions) as actions,
           (select string_agg(id::text || name || coalesce(webhook_url, ''), '|' order by id) from channels) as channels,
           (select count(*) from subscriptions) as subscriptions, (select string_agg(array_to_string(via, ',') || coalesce(calendar_token_hash, ''), '|' order by person_id) from person_prefs) as prefs,
           (select string_agg(id::text || status, '|' order by id) from outbox) as outbox,
           (select string_agg(id::text || status, '|' order by id) from broadcasts) as broadcasts,
           (select string_agg(id::text || title || target_date || status || coalesce(tier::text, '') || array_to_string(attributes, ',') || coalesce(tier_reason, ''), '|' order by id) from releases) as releases,
           (select count(*) from release_tier_events) as tier_events, (select string_agg(sections::text || coalesce(distributed_on, '') || coalesce(published_on, ''), '|' order by release_id) from enablement_bundles) as bundles,
           (select string_agg(kind || note, '|' order by release_id, kind) from release_sign_offs) as sign_offs, (select count(*) from release_decisions) as decisions,
           (select count(*) from readiness_links) as links, (select string_agg(kind || answers::text, '|' order by id) from post_launch_checks) as post_launch,
           (select string_agg(title || status, '|' order by id) from release_action_items) as action_items,
           (select string_agg(id::text || coalesce(revoked_at::text, ''), '|' order by id) from release_gate_overrides) as gate_overrides,
           (select string_agg(area_id::text || month || users, '|' order by area_id, month) from area_active_users) as active_users,
           (select count(*) from strategy_contracts) as contracts,
           (select string_agg(contract_id::text || person_id::text || coalesce(signed_at::text, ''), '|' order by contract_id, person_id) from contract_signoffs) as contract_signoffs,
           (select string_agg(id::text || state || coalesce(disposition, '') || coalesce(assignee_id::text, '') || coalesce(wont_fix_reason, ''), '|' order by id) from bugs) as bugs,
           (select count(*) from insight_items) as insights, (select string_agg(kind || coalesce(theme, '') || severity, '|' order by id) from insight_items) as insight_tags,
           (select coalesce(sum(items), 0) from insight_daily) as insight_daily, (select count(*) from insight_imports) as imports,
           (select count(*) from insight_corrections) as corrections, (select string_agg(theme || coalesce(disposition, ''), '|' order by id) from insight_routings) as routings,
           (select count(*) from update_cycles) as cycles, (select count(*) from update_submissions) as submissions,
           (select count(*) from update_revisions) as revisions, (select count(*) from update_absences) as absences,
           (select count(*) from artifact_versions) as versions, (select string_agg(id::text || status, '|' order by id) from follow_ups) as follow_ups, (select count(*) from inbox_items where read_at is null) as unread,
           (select string_agg(id::text || version || coalesce(ratified_version::text, '') || state::text, '|' order by id) from roadmap_items) as roadmap_items,
           (select count(*) from roadmap_item_versions) as roadmap_versions,
           (select string_agg(item_id::text || engineer_weeks, '|' order by item_id) from roadmap_item_sizes) as item_sizes,
           (select string_agg(id::text || coalesce(closed_at::text, '') || coalesce(republished_at::text, ''), '|' order by id) from roadmap_reviews) as roadmap_reviews,
           (select count(*) from roadmap_review_outcomes) as roadmap_outcomes,
           (select string_agg(id::text || status || next_review_date, '|' order by id) from decisions) as decision_log,
           (select count(*) from decision_events) as decision_events,
           (select string_agg(id::text || coalesce(tolerance_days::text, ''), '|' order by id) from subscriptions) as subscription_tolerances,
           (select string_agg(id::text || title || status || profile::text, '|' order by id) from bets) as bets,
           (select count(*) from bet_roadmap_items) as bet_items,
           (select string_agg(kind || api_url || coalesce(token, '') || coalesce(webhook_secret, '') || bug_label || feedback_label, '|' order by kind) from tracker_connections) as tracker_connections,
           (select string_agg(id::text || repo || ref || coalesce(due_on::text, '') || coalesce(open_issues::text, '') || coalesce(closed_issues::text, '') || coalesce(state, ''), '|' order by id) from tracker_links) as tracker_links,
           (select string_agg(id::text || tracker_value || prodops_value || coalesce(resolved_at::text, '') || coalesce(acknowledged_at::text, ''), '|' order by id) from tracker_differences) as tracker_differences,
           (select count(*) from tracker_deliveries) as tracker_deliveries,
           (select string_agg(id::text || coalesce(rank::text, '') || title || evidence || evidence_links::text || array_to_string(ritual_ids, ','), '|' order by id) from frictions) as frictions,
           (select count(*) from charter_versions) as charter_versions,
           (select string_agg(id::text || experiment || coalesce(time_box_end, '') || coalesce(decision_id::text, ''), '|' order by id) from experiment_briefs) as briefs,
           (select string_agg(id::text || coalesce(answered_at::text, ''), '|' order by id) from survey_requests) as survey_requests,
           (select string_agg(request_id::text || aware::text || coalesce(comment, ''), '|' order by request_id) from awareness_answers) as awareness_answers,
           (select count(*) from pulse_answers) as pulse_answers,
           (select string_agg(start_on || timeboxes::text, '|') from plans) as plans,
           (select string_agg(id::text || done::text || coalesce(note, ''), '|' order by id) from plan_deliverables) as plan_deliverables,
           (select string_agg(week || working || overhead || adjust || actions::text, '|' order by week) from plan_retros) as plan_retros,
           (select string_agg(id::text || url || description || array_to_string(events, ',') || active::text || secret, '|' order by id) from webhook_subscriptions) as webhooks,
           (select value::text from org_settings) as settings,
           (select string_agg(activity, '|' order by position) from raci_entries) as raci,
           (select string_agg(name || email || array_to_string(roles, ','), '|' order by id) from people) as people_text`);
  return JSON.stringify((counts as unknown as { rows: unknown[] }).rows);
}
