CREATE TABLE "area_active_users" (
	"area_id" uuid NOT NULL,
	"month" text NOT NULL,
	"users" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "area_active_users_area_id_month_pk" PRIMARY KEY("area_id","month")
);
--> statement-breakpoint
ALTER TABLE "area_active_users" ADD CONSTRAINT "area_active_users_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;