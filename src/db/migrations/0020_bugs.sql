CREATE TABLE "bugs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"area_id" uuid,
	"title" text NOT NULL,
	"opened_on" date NOT NULL,
	"reports" integer DEFAULT 1 NOT NULL,
	"last_reported_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"closed_by" text,
	"disposition" text,
	"assignee_id" uuid,
	"wont_fix_reason" text,
	"decided_by" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"prompted_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "bugs_closed_check" CHECK (("bugs"."state" = 'open') = ("bugs"."closed_at" is null)),
	CONSTRAINT "bugs_wont_fix_check" CHECK ("bugs"."disposition" is distinct from 'wont_fix' or coalesce(length("bugs"."wont_fix_reason"), 0) > 0)
);
--> statement-breakpoint
ALTER TABLE "bugs" ADD CONSTRAINT "bugs_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bugs" ADD CONSTRAINT "bugs_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bugs_source_key" ON "bugs" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "bugs_area_state_idx" ON "bugs" USING btree ("area_id","state","opened_on");