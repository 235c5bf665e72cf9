CREATE TABLE "metric_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_snapshots" (
	"key" text NOT NULL,
	"weeks" integer NOT NULL,
	"today" text NOT NULL,
	"version" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"metric" jsonb NOT NULL,
	"records" jsonb NOT NULL,
	CONSTRAINT "metric_snapshots_key_weeks_pk" PRIMARY KEY("key","weeks")
);
--> statement-breakpoint
CREATE INDEX "metric_changes_key_idx" ON "metric_changes" USING btree ("key","id");--> statement-breakpoint
-- A statement on a table a metric reads marks the metric changed (services/metrics/sources.ts says which).
CREATE FUNCTION "metrics_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "metric_changes" ("key") SELECT unnest(TG_ARGV);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "org_settings_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org_settings" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'status_requests', 'enablement_coverage', 'pm_pulse', 'ritual_adoption', 'confused_customers', 'operational_burden', 'bug_backlog', 'gate_overrides');
--> statement-breakpoint
CREATE TRIGGER "people_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'status_requests', 'enablement_coverage', 'pm_pulse', 'ritual_adoption', 'confused_customers', 'operational_burden', 'bug_backlog', 'gate_overrides');
--> statement-breakpoint
CREATE TRIGGER "areas_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "areas" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'status_requests', 'enablement_coverage', 'pm_pulse', 'ritual_adoption', 'confused_customers', 'operational_burden', 'bug_backlog', 'gate_overrides');
--> statement-breakpoint
CREATE TRIGGER "releases_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "releases" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'enablement_coverage', 'operational_burden', 'gate_overrides');
--> statement-breakpoint
CREATE TRIGGER "enablement_bundles_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enablement_bundles" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'enablement_coverage');
--> statement-breakpoint
CREATE TRIGGER "outbox_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "outbox" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise');
--> statement-breakpoint
CREATE TRIGGER "inbox_items_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inbox_items" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise');
--> statement-breakpoint
CREATE TRIGGER "release_sign_offs_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_sign_offs" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise');
--> statement-breakpoint
CREATE TRIGGER "survey_requests_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "survey_requests" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise', 'pm_pulse');
--> statement-breakpoint
CREATE TRIGGER "awareness_answers_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "awareness_answers" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('surprise');
--> statement-breakpoint
CREATE TRIGGER "pulse_answers_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pulse_answers" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('pm_pulse');
--> statement-breakpoint
CREATE TRIGGER "rituals_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rituals" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('ritual_adoption');
--> statement-breakpoint
CREATE TRIGGER "ritual_occurrences_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ritual_occurrences" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('ritual_adoption');
--> statement-breakpoint
CREATE TRIGGER "occurrence_attendance_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "occurrence_attendance" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('ritual_adoption');
--> statement-breakpoint
CREATE TRIGGER "status_pings_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "status_pings" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('status_requests');
--> statement-breakpoint
CREATE TRIGGER "status_questions_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "status_questions" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('status_requests');
--> statement-breakpoint
CREATE TRIGGER "insight_items_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "insight_items" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('confused_customers', 'operational_burden');
--> statement-breakpoint
CREATE TRIGGER "insight_daily_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "insight_daily" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('confused_customers', 'operational_burden');
--> statement-breakpoint
CREATE TRIGGER "area_active_users_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "area_active_users" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('operational_burden');
--> statement-breakpoint
CREATE TRIGGER "bugs_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bugs" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('bug_backlog');
--> statement-breakpoint
CREATE TRIGGER "release_gate_overrides_metrics_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "release_gate_overrides" FOR EACH STATEMENT EXECUTE FUNCTION "metrics_changed"('gate_overrides');
