-- pg_trgm: typo-tolerant search for status questions (trusted since PostgreSQL 13: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "status_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"person_id" uuid,
	"function" text,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"matched" jsonb NOT NULL,
	"answered" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_questions" ADD CONSTRAINT "status_questions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_questions_asked_idx" ON "status_questions" USING btree ("asked_at");--> statement-breakpoint
CREATE INDEX "releases_title_trgm_idx" ON "releases" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "decisions_title_trgm_idx" ON "decisions" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "roadmap_item_versions_title_trgm_idx" ON "roadmap_item_versions" USING gin (lower("state"->>'title') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "roadmap_items_title_trgm_idx" ON "roadmap_items" USING gin (lower("state"->>'title') gin_trgm_ops);