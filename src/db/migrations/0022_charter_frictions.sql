CREATE TABLE "charter_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"changed" text[] DEFAULT '{}'::text[] NOT NULL,
	"saved_by_id" uuid,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frictions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rank" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ritual_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"artifacts" text[] DEFAULT '{}'::text[] NOT NULL,
	"retired_at" timestamp with time zone,
	"updated_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "frictions_rank_when_active" CHECK (("frictions"."retired_at" is null) = ("frictions"."rank" is not null))
);
--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_saved_by_id_people_id_fk" FOREIGN KEY ("saved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_version_key" ON "charter_versions" USING btree ("version");--> statement-breakpoint
CREATE INDEX "frictions_rank_idx" ON "frictions" USING btree ("rank");