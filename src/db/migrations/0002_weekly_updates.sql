CREATE TABLE "artifact_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"markdown" text NOT NULL,
	"json" jsonb NOT NULL,
	"changes" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"area_id" uuid,
	"title" text NOT NULL,
	"assignee_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text
);
--> statement-breakpoint
CREATE TABLE "releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"area_id" uuid,
	"pm_owner_id" uuid,
	"eng_owner_id" uuid,
	"tier" integer,
	"target_date" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_absences" (
	"week" text NOT NULL,
	"area_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"marked_by" text NOT NULL,
	CONSTRAINT "update_absences_week_area_id_pk" PRIMARY KEY("week","area_id")
);
--> statement-breakpoint
CREATE TABLE "update_cycles" (
	"week" text PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" text NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "update_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week" text NOT NULL,
	"area_id" uuid NOT NULL,
	"author_id" uuid,
	"content" jsonb NOT NULL,
	"late" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_pm_owner_id_people_id_fk" FOREIGN KEY ("pm_owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_eng_owner_id_people_id_fk" FOREIGN KEY ("eng_owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_absences" ADD CONSTRAINT "update_absences_week_update_cycles_week_fk" FOREIGN KEY ("week") REFERENCES "public"."update_cycles"("week") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_absences" ADD CONSTRAINT "update_absences_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_revisions" ADD CONSTRAINT "update_revisions_submission_id_update_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."update_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_submissions" ADD CONSTRAINT "update_submissions_week_update_cycles_week_fk" FOREIGN KEY ("week") REFERENCES "public"."update_cycles"("week") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_submissions" ADD CONSTRAINT "update_submissions_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_submissions" ADD CONSTRAINT "update_submissions_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artifact_versions_key" ON "artifact_versions" USING btree ("kind","key","version");--> statement-breakpoint
CREATE INDEX "artifact_versions_published_idx" ON "artifact_versions" USING btree ("kind","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_source_title" ON "follow_ups" USING btree ("source","area_id","title");--> statement-breakpoint
CREATE INDEX "releases_target_idx" ON "releases" USING btree ("target_date");--> statement-breakpoint
CREATE UNIQUE INDEX "update_submissions_week_area" ON "update_submissions" USING btree ("week","area_id");