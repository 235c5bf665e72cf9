CREATE TABLE "slack_readiness_messages" (
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"release_id" uuid NOT NULL,
	"text" text NOT NULL,
	"blocks" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slack_readiness_messages_channel_id_ts_pk" PRIMARY KEY("channel_id","ts")
);
--> statement-breakpoint
CREATE TABLE "slack_status_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"subject_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"ts" text NOT NULL,
	"shared_by" uuid,
	"told" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "release_sign_offs" ADD COLUMN "ready" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "slack_readiness_messages" ADD CONSTRAINT "slack_readiness_messages_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slack_status_shares" ADD CONSTRAINT "slack_status_shares_shared_by_people_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slack_readiness_messages_release_idx" ON "slack_readiness_messages" USING btree ("release_id");--> statement-breakpoint
CREATE INDEX "slack_status_shares_subject_idx" ON "slack_status_shares" USING btree ("subject","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "slack_status_shares_message_idx" ON "slack_status_shares" USING btree ("channel_id","ts");