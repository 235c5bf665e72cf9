CREATE TABLE "slack_seen_requests" (
	"signature" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"keep_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "slack_seen_requests_keep_until_idx" ON "slack_seen_requests" USING btree ("keep_until");