CREATE TABLE "occurrence_attendance" (
	"occurrence_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	CONSTRAINT "occurrence_attendance_occurrence_id_person_id_pk" PRIMARY KEY("occurrence_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "ritual_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ritual_id" uuid NOT NULL,
	"key" text NOT NULL,
	"local_date" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"shifted_from" text,
	"holiday" text,
	"artifact_due_at" timestamp with time zone NOT NULL,
	"artifact_produced_at" timestamp with time zone,
	"artifact_ref" text,
	"notes" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rituals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"schedule" jsonb NOT NULL,
	"holiday_policy" text DEFAULT 'next_business_day' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_box" text DEFAULT '' NOT NULL,
	"owner_role" text NOT NULL,
	"owner_person_id" uuid,
	"attendees" jsonb NOT NULL,
	"inputs" text[] DEFAULT '{}'::text[] NOT NULL,
	"agenda" jsonb NOT NULL,
	"output_artifact" text NOT NULL,
	"artifact_due_hours" integer DEFAULT 24 NOT NULL,
	"reminder_minutes" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rituals_output_artifact_present" CHECK (length(trim("rituals"."output_artifact")) > 0)
);
--> statement-breakpoint
CREATE TABLE "scheduled_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"late_policy" text NOT NULL,
	"grace_seconds" integer DEFAULT 900 NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"ran_at" timestamp with time zone,
	"ran_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"webhook_url" text,
	"slack_channel_id" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"outbox_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"channel" text NOT NULL,
	"person_id" uuid,
	"channel_id" uuid,
	"address" text NOT NULL,
	"attempt" integer NOT NULL,
	"result" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"outbox_id" uuid,
	"kind" text NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"channel" text NOT NULL,
	"person_id" uuid,
	"channel_id" uuid,
	"address" text NOT NULL,
	"message" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_prefs" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"via" text[] DEFAULT '{inbox,email,slack}'::text[] NOT NULL,
	"calendar_token" text NOT NULL,
	"unsubscribe_token" text NOT NULL,
	"email_unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"channel_id" uuid,
	"kind" text NOT NULL,
	"area_id" uuid,
	"tiers" integer[],
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_defaults" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "occurrence_attendance" ADD CONSTRAINT "occurrence_attendance_occurrence_id_ritual_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."ritual_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occurrence_attendance" ADD CONSTRAINT "occurrence_attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ritual_occurrences" ADD CONSTRAINT "ritual_occurrences_ritual_id_rituals_id_fk" FOREIGN KEY ("ritual_id") REFERENCES "public"."rituals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rituals" ADD CONSTRAINT "rituals_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_log" ADD CONSTRAINT "delivery_log_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_prefs" ADD CONSTRAINT "person_prefs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ritual_occurrences_key" ON "ritual_occurrences" USING btree ("ritual_id","key");--> statement-breakpoint
CREATE INDEX "ritual_occurrences_starts_idx" ON "ritual_occurrences" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rituals_slug_key" ON "rituals" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "scheduled_actions_key" ON "scheduled_actions" USING btree ("key");--> statement-breakpoint
CREATE INDEX "scheduled_actions_due_idx" ON "scheduled_actions" USING btree ("status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "channels_name_key" ON "channels" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "delivery_log_ref_idx" ON "delivery_log" USING btree ("kind","ref");--> statement-breakpoint
CREATE INDEX "delivery_log_outbox_idx" ON "delivery_log" USING btree ("outbox_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_outbox_key" ON "inbox_items" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "inbox_person_idx" ON "inbox_items" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_key" ON "outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "subscriptions_kind_idx" ON "subscriptions" USING btree ("kind");