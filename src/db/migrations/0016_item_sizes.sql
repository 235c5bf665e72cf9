CREATE TABLE "roadmap_item_sizes" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"engineer_weeks" double precision NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roadmap_item_sizes" ADD CONSTRAINT "roadmap_item_sizes_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;