CREATE TABLE "insight_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" bigint NOT NULL,
	"field" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"by_person_id" uuid,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_daily" (
	"day" date NOT NULL,
	"theme" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"area_key" text NOT NULL,
	"segment" text NOT NULL,
	"source" text NOT NULL,
	"items" integer NOT NULL,
	CONSTRAINT "insight_daily_day_theme_kind_severity_area_key_segment_source_pk" PRIMARY KEY("day","theme","kind","severity","area_key","segment","source")
);
--> statement-breakpoint
CREATE TABLE "insight_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"already_there" integer DEFAULT 0 NOT NULL,
	"bad_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"customer" text,
	"segment" text,
	"evidence_type" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"kind_confidence" real NOT NULL,
	"theme" text,
	"theme_confidence" real DEFAULT 0 NOT NULL,
	"severity" text NOT NULL,
	"severity_confidence" real DEFAULT 0 NOT NULL,
	"area_id" uuid,
	"area_confidence" real DEFAULT 0 NOT NULL,
	"corrected_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"dup_key" bigint NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_routings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week" text NOT NULL,
	"theme" text NOT NULL,
	"area_id" uuid,
	"owner_id" uuid,
	"rank" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"cross_area" text[] DEFAULT '{}'::text[] NOT NULL,
	"routed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disposition" text,
	"rationale" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"escalated_occurrence_id" uuid
);
--> statement-breakpoint
CREATE TABLE "tagger_models" (
	"field" text PRIMARY KEY NOT NULL,
	"model" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_corrections" ADD CONSTRAINT "insight_corrections_item_id_insight_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."insight_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_corrections" ADD CONSTRAINT "insight_corrections_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_items" ADD CONSTRAINT "insight_items_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_routings" ADD CONSTRAINT "insight_routings_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_routings" ADD CONSTRAINT "insight_routings_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_corrections_field_idx" ON "insight_corrections" USING btree ("field","at");--> statement-breakpoint
CREATE UNIQUE INDEX "insight_items_source_key" ON "insight_items" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "insight_items_occurred_idx" ON "insight_items" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "insight_items_theme_idx" ON "insight_items" USING btree ("theme","occurred_at");--> statement-breakpoint
CREATE INDEX "insight_items_dup_idx" ON "insight_items" USING btree ("dup_key");--> statement-breakpoint
CREATE UNIQUE INDEX "insight_routings_week_theme" ON "insight_routings" USING btree ("week","theme");