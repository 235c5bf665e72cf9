CREATE TABLE "decision_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_review_date" text,
	"related_decision_id" uuid,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"decided_on" text NOT NULL,
	"title" text NOT NULL,
	"context" text NOT NULL,
	"options" text[] NOT NULL,
	"rationale" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"review_date" text NOT NULL,
	"roadmap_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"release_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"supersedes_id" uuid,
	"review_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"superseded_by_id" uuid,
	"next_review_date" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"kind" text DEFAULT 'edit' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by_id" uuid,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"area_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"ratified_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_review_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"from_version" integer,
	"to_version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roadmap_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurrence_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"agenda" jsonb,
	"sla_due_at" timestamp with time zone,
	"republished_at" timestamp with time zone,
	"view_version" integer
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "tolerance_days" integer;--> statement-breakpoint
ALTER TABLE "decision_events" ADD CONSTRAINT "decision_events_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_review_id_roadmap_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."roadmap_reviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_versions" ADD CONSTRAINT "roadmap_item_versions_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_item_versions" ADD CONSTRAINT "roadmap_item_versions_changed_by_id_people_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_items" ADD CONSTRAINT "roadmap_items_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_review_outcomes" ADD CONSTRAINT "roadmap_review_outcomes_review_id_roadmap_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."roadmap_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_review_outcomes" ADD CONSTRAINT "roadmap_review_outcomes_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadmap_reviews" ADD CONSTRAINT "roadmap_reviews_occurrence_id_ritual_occurrences_id_fk" FOREIGN KEY ("occurrence_id") REFERENCES "public"."ritual_occurrences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_events_decision_idx" ON "decision_events" USING btree ("decision_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_number_key" ON "decisions" USING btree ("number");--> statement-breakpoint
CREATE INDEX "decisions_review_idx" ON "decisions" USING btree ("status","next_review_date");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_item_versions_key" ON "roadmap_item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "roadmap_item_versions_at_idx" ON "roadmap_item_versions" USING btree ("changed_at");--> statement-breakpoint
CREATE INDEX "roadmap_items_area_idx" ON "roadmap_items" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "roadmap_review_outcomes_review_idx" ON "roadmap_review_outcomes" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roadmap_reviews_occurrence_key" ON "roadmap_reviews" USING btree ("occurrence_id");--> statement-breakpoint
CREATE FUNCTION "decisions_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'the decision log is append-only: decision % cannot be deleted', OLD."number";
  END IF;
  IF (NEW."decided_on", NEW."title", NEW."context", NEW."options", NEW."rationale", NEW."owner_id", NEW."review_date",
      NEW."roadmap_item_ids", NEW."release_ids", NEW."themes", NEW."supersedes_id", NEW."created_by", NEW."created_at")
     IS DISTINCT FROM
     (OLD."decided_on", OLD."title", OLD."context", OLD."options", OLD."rationale", OLD."owner_id", OLD."review_date",
      OLD."roadmap_item_ids", OLD."release_ids", OLD."themes", OLD."supersedes_id", OLD."created_by", OLD."created_at") THEN
    RAISE EXCEPTION 'the decision log is append-only: decision % cannot be edited (supersede it)', OLD."number";
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "decisions_append_only" BEFORE UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "decisions_append_only"();
--> statement-breakpoint
CREATE FUNCTION "history_is_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is history: rows are never changed or removed', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
CREATE TRIGGER "decision_events_append_only" BEFORE UPDATE OR DELETE ON "decision_events"
  FOR EACH ROW EXECUTE FUNCTION "history_is_immutable"();
--> statement-breakpoint
CREATE TRIGGER "roadmap_item_versions_append_only" BEFORE UPDATE ON "roadmap_item_versions"
  FOR EACH ROW EXECUTE FUNCTION "history_is_immutable"();
