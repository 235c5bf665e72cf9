CREATE TABLE "enablement_bundles" (
	"release_id" uuid PRIMARY KEY NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"distributed_on" text,
	"distributed_at" timestamp with time zone,
	"published_on" text,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "post_launch_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" text
);
--> statement-breakpoint
CREATE TABLE "readiness_links" (
	"token" text PRIMARY KEY NOT NULL,
	"release_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "release_action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text
);
--> statement-breakpoint
CREATE TABLE "release_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"person_id" uuid,
	"by_label" text NOT NULL,
	"new_target_date" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_sign_offs" (
	"release_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"by_label" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_tier_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" text NOT NULL,
	"attributes" text[] NOT NULL,
	"suggested_tier" integer NOT NULL,
	"suggested_reason" text NOT NULL,
	"assigned_tier" integer,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "attributes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "suggested_tier" integer;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "suggested_reason" text;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "tier_reason" text;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "launched_on" text;--> statement-breakpoint
ALTER TABLE "enablement_bundles" ADD CONSTRAINT "enablement_bundles_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_launch_checks" ADD CONSTRAINT "post_launch_checks_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_links" ADD CONSTRAINT "readiness_links_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_links" ADD CONSTRAINT "readiness_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_action_items" ADD CONSTRAINT "release_action_items_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_action_items" ADD CONSTRAINT "release_action_items_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_decisions" ADD CONSTRAINT "release_decisions_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_decisions" ADD CONSTRAINT "release_decisions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_sign_offs" ADD CONSTRAINT "release_sign_offs_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_sign_offs" ADD CONSTRAINT "release_sign_offs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_tier_events" ADD CONSTRAINT "release_tier_events_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "post_launch_checks_key" ON "post_launch_checks" USING btree ("release_id","kind");--> statement-breakpoint
CREATE INDEX "release_action_items_status_idx" ON "release_action_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "release_decisions_release_idx" ON "release_decisions" USING btree ("release_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "release_sign_offs_key" ON "release_sign_offs" USING btree ("release_id","kind");--> statement-breakpoint
CREATE INDEX "release_tier_events_release_idx" ON "release_tier_events" USING btree ("release_id","at");