CREATE TABLE "area_polish_spells" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"entered_on" date NOT NULL,
	"figure" jsonb NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "area_polish_spells" ADD CONSTRAINT "area_polish_spells_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "area_polish_spells_open_key" ON "area_polish_spells" USING btree ("area_id") WHERE left_on is null;--> statement-breakpoint
CREATE INDEX "area_polish_spells_area_idx" ON "area_polish_spells" USING btree ("area_id","entered_on");