CREATE TABLE "bet_roadmap_items" (
	"bet_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "bet_roadmap_items_bet_id_item_id_pk" PRIMARY KEY("bet_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "bets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"pod_id" uuid,
	"owner_id" uuid NOT NULL,
	"profile" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_briefs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bet_id" uuid NOT NULL,
	"experiment" text NOT NULL,
	"opportunity" text NOT NULL,
	"positive_signals" text[] DEFAULT '{}'::text[] NOT NULL,
	"harmful_indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"options_not_chosen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"learning_goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_box_end" text,
	"decision_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bet_roadmap_items" ADD CONSTRAINT "bet_roadmap_items_bet_id_bets_id_fk" FOREIGN KEY ("bet_id") REFERENCES "public"."bets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bet_roadmap_items" ADD CONSTRAINT "bet_roadmap_items_item_id_roadmap_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."roadmap_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bets" ADD CONSTRAINT "bets_pod_id_pods_id_fk" FOREIGN KEY ("pod_id") REFERENCES "public"."pods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bets" ADD CONSTRAINT "bets_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_briefs" ADD CONSTRAINT "experiment_briefs_bet_id_bets_id_fk" FOREIGN KEY ("bet_id") REFERENCES "public"."bets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_briefs" ADD CONSTRAINT "experiment_briefs_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bet_roadmap_items_item_idx" ON "bet_roadmap_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "bets_pod_idx" ON "bets" USING btree ("pod_id","status");--> statement-breakpoint
CREATE INDEX "experiment_briefs_bet_idx" ON "experiment_briefs" USING btree ("bet_id");