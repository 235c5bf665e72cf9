CREATE TABLE "status_pings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"ts" text NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"user_name" text,
	"text" text NOT NULL,
	"subject" text,
	"area_id" uuid,
	"reference" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "status_pings" ADD CONSTRAINT "status_pings_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "status_pings_message_key" ON "status_pings" USING btree ("source","channel","ts");--> statement-breakpoint
CREATE INDEX "status_pings_posted_idx" ON "status_pings" USING btree ("posted_at");