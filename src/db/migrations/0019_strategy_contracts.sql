CREATE TABLE "contract_signoffs" (
	"contract_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by_label" text NOT NULL,
	"signed_at" timestamp with time zone,
	CONSTRAINT "contract_signoffs_contract_id_person_id_pk" PRIMARY KEY("contract_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pod_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"goal" text NOT NULL,
	"hypothesis" text DEFAULT '' NOT NULL,
	"right_to_win" text DEFAULT '' NOT NULL,
	"metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" text NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_signoffs" ADD CONSTRAINT "contract_signoffs_contract_id_strategy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."strategy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signoffs" ADD CONSTRAINT "contract_signoffs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_contracts" ADD CONSTRAINT "strategy_contracts_pod_id_pods_id_fk" FOREIGN KEY ("pod_id") REFERENCES "public"."pods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_contracts" ADD CONSTRAINT "strategy_contracts_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_signoffs_person_idx" ON "contract_signoffs" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_contracts_pod_version_key" ON "strategy_contracts" USING btree ("pod_id","version");--> statement-breakpoint
CREATE FUNCTION "strategy_contracts_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Deleting a person sets created_by to null (the label stays): that alone is allowed.
  IF (NEW."id", NEW."pod_id", NEW."version", NEW."goal", NEW."hypothesis", NEW."right_to_win", NEW."metrics",
      NEW."risks", NEW."deadline", NEW."created_by_label", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."pod_id", OLD."version", OLD."goal", OLD."hypothesis", OLD."right_to_win", OLD."metrics",
      OLD."risks", OLD."deadline", OLD."created_by_label", OLD."created_at")
     OR (NEW."created_by" IS NOT NULL AND NEW."created_by" IS DISTINCT FROM OLD."created_by") THEN
    RAISE EXCEPTION 'strategy contract versions are history: propose a new version instead of changing version %', OLD."version";
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "strategy_contracts_append_only" BEFORE UPDATE ON "strategy_contracts"
  FOR EACH ROW EXECUTE FUNCTION "strategy_contracts_append_only"();
