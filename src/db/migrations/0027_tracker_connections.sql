CREATE TABLE "tracker_connections" (
	"kind" text PRIMARY KEY NOT NULL,
	"api_url" text NOT NULL,
	"token" text,
	"webhook_secret" text,
	"bug_label" text DEFAULT 'bug' NOT NULL,
	"feedback_label" text DEFAULT 'customer-feedback' NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_sync_error" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracker_deliveries" (
	"kind" text NOT NULL,
	"delivery_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracker_differences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"tracker_value" text NOT NULL,
	"prodops_value" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text
);
--> statement-breakpoint
CREATE TABLE "tracker_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"repo" text NOT NULL,
	"ref" text NOT NULL,
	"title" text,
	"url" text,
	"state" text,
	"due_on" date,
	"open_issues" integer,
	"closed_issues" integer,
	"pulled_at" timestamp with time zone,
	"pull_error" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tracker_differences" ADD CONSTRAINT "tracker_differences_link_id_tracker_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."tracker_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracker_differences_key" ON "tracker_differences" USING btree ("link_id","kind","tracker_value","prodops_value");--> statement-breakpoint
CREATE INDEX "tracker_differences_open_idx" ON "tracker_differences" USING btree ("detected_at") WHERE resolved_at is null and acknowledged_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "tracker_links_subject_key" ON "tracker_links" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "tracker_links_ref_idx" ON "tracker_links" USING btree ("kind","repo","ref");