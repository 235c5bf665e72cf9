CREATE TABLE "roadmap_item_ratifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roadmap_item_ratifications" ADD CONSTRAINT "roadmap_item_ratifications_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roadmap_item_ratifications_item_idx" ON "roadmap_item_ratifications" USING btree ("item_id","at");--> statement-breakpoint
CREATE TRIGGER "roadmap_item_ratifications_append_only" BEFORE UPDATE ON "roadmap_item_ratifications"
  FOR EACH ROW EXECUTE FUNCTION "history_is_immutable"();
--> statement-breakpoint
-- Backfill: a ratified outcome made its version readable; a rejection restored the version after it (the revert).
INSERT INTO "roadmap_item_ratifications" ("item_id", "version", "at")
SELECT o."item_id", CASE WHEN o."outcome" = 'ratified' THEN o."to_version" ELSE o."to_version" + 1 END, o."decided_at"
FROM "roadmap_review_outcomes" o;
--> statement-breakpoint
INSERT INTO "roadmap_item_ratifications" ("item_id", "version", "at")
SELECT i."id", i."ratified_version", v."changed_at"
FROM "roadmap_items" i JOIN "roadmap_item_versions" v ON v."item_id" = i."id" AND v."version" = i."ratified_version"
WHERE NOT EXISTS (SELECT 1 FROM "roadmap_review_outcomes" o WHERE o."item_id" = i."id");
