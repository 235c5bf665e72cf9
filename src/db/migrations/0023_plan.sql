CREATE TABLE "plan_deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"timebox" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"check" text,
	"done" boolean DEFAULT false NOT NULL,
	"note" text,
	"ticked_by" uuid,
	"ticked_at" timestamp with time zone,
	CONSTRAINT "plan_deliverables_timebox" CHECK ("plan_deliverables"."timebox" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "plan_retros" (
	"week" integer PRIMARY KEY NOT NULL,
	"occurrence_id" uuid,
	"working" text NOT NULL,
	"overhead" text NOT NULL,
	"adjust" text NOT NULL,
	"actions" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"start_on" text NOT NULL,
	"timeboxes" jsonb NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_one" CHECK ("plans"."one")
);
--> statement-breakpoint
ALTER TABLE "plan_deliverables" ADD CONSTRAINT "plan_deliverables_ticked_by_people_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_retros" ADD CONSTRAINT "plan_retros_occurrence_id_ritual_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."ritual_occurrences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_retros" ADD CONSTRAINT "plan_retros_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_started_by_people_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_deliverables_position" ON "plan_deliverables" USING btree ("timebox","position");