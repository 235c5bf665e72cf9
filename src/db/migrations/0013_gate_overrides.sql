CREATE TABLE "release_gate_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"release_id" uuid NOT NULL,
	"check_id" text NOT NULL,
	"reason" text NOT NULL,
	"by_person_id" uuid,
	"by_label" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_label" text
);
--> statement-breakpoint
ALTER TABLE "release_gate_overrides" ADD CONSTRAINT "release_gate_overrides_release_id_releases_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."releases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_gate_overrides" ADD CONSTRAINT "release_gate_overrides_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "release_gate_overrides_release_idx" ON "release_gate_overrides" USING btree ("release_id","created_at");