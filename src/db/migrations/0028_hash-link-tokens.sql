CREATE TABLE "unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_prefs" ADD COLUMN "calendar_token_hash" text;--> statement-breakpoint
ALTER TABLE "person_prefs" ADD COLUMN "calendar_token_at" timestamp with time zone;--> statement-breakpoint
-- Links already handed out keep working: their tokens' SHA-256 (hex, as the app computes it) replaces them.
UPDATE "person_prefs" SET "calendar_token_hash" = encode(sha256(convert_to("calendar_token", 'UTF8')), 'hex');--> statement-breakpoint
INSERT INTO "unsubscribe_tokens" ("token_hash", "person_id")
	SELECT encode(sha256(convert_to("unsubscribe_token", 'UTF8')), 'hex'), "person_id" FROM "person_prefs";--> statement-breakpoint
-- Stored copies of bundle messages (outbox, inbox) name the release and function instead of the link's token:
-- the inbox answers signed in, and email/Slack copies still to send get a fresh link when they go out.
UPDATE "outbox" o SET "message" = jsonb_set(o."message", '{actions}', (
	SELECT coalesce(jsonb_agg(CASE WHEN l."token" IS NULL THEN a ELSE jsonb_build_object(
		'label', a->'label', 'url', '/releases/' || l."release_id",
		'readiness', jsonb_build_object('releaseId', l."release_id", 'kind', l."kind")) END ORDER BY n), '[]'::jsonb)
	FROM jsonb_array_elements(o."message"->'actions') WITH ORDINALITY AS x(a, n)
	LEFT JOIN "readiness_links" l ON a->>'url' = '/ready/' || l."token"))
WHERE jsonb_typeof(o."message"->'actions') = 'array' AND o."message"::text LIKE '%/ready/%';--> statement-breakpoint
UPDATE "inbox_items" i SET "message" = jsonb_set(i."message", '{actions}', (
	SELECT coalesce(jsonb_agg(CASE WHEN l."token" IS NULL THEN a ELSE jsonb_build_object(
		'label', a->'label', 'url', '/releases/' || l."release_id",
		'readiness', jsonb_build_object('releaseId', l."release_id", 'kind', l."kind")) END ORDER BY n), '[]'::jsonb)
	FROM jsonb_array_elements(i."message"->'actions') WITH ORDINALITY AS x(a, n)
	LEFT JOIN "readiness_links" l ON a->>'url' = '/ready/' || l."token"))
WHERE jsonb_typeof(i."message"->'actions') = 'array' AND i."message"::text LIKE '%/ready/%';--> statement-breakpoint
ALTER TABLE "readiness_links" RENAME COLUMN "token" TO "token_hash";--> statement-breakpoint
UPDATE "readiness_links" SET "token_hash" = encode(sha256(convert_to("token_hash", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "unsubscribe_tokens" ADD CONSTRAINT "unsubscribe_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_prefs_calendar_token_hash_key" ON "person_prefs" USING btree ("calendar_token_hash");--> statement-breakpoint
ALTER TABLE "person_prefs" DROP COLUMN "calendar_token";--> statement-breakpoint
ALTER TABLE "person_prefs" DROP COLUMN "unsubscribe_token";
