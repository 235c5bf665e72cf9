CREATE TABLE "status_search" (
	"subject" text NOT NULL,
	"id" uuid NOT NULL,
	"audience" text NOT NULL,
	"title" text NOT NULL,
	"area_id" uuid,
	CONSTRAINT "status_search_subject_id_audience_pk" PRIMARY KEY("subject","id","audience")
);
--> statement-breakpoint
DROP INDEX "releases_title_trgm_idx";--> statement-breakpoint
DROP INDEX "decisions_title_trgm_idx";--> statement-breakpoint
DROP INDEX "roadmap_item_versions_title_trgm_idx";--> statement-breakpoint
DROP INDEX "roadmap_items_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "status_search_title_trgm_idx" ON "status_search" USING gin (lower("title") gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
-- status_search is kept by these triggers: nothing in the application writes it. Releases, decisions and areas
-- are found by everyone; a roadmap item by its working title for the org and, when its ratified version is shown
-- to stakeholders, by that version's title for them (a stakeholder never finds a working or internal title).
CREATE FUNCTION "status_search_release"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "status_search" WHERE "subject" = 'release' AND "id" = OLD."id";
  ELSE
    INSERT INTO "status_search" ("subject", "id", "audience", "title", "area_id")
    VALUES ('release', NEW."id", 'everyone', NEW."title", NEW."area_id")
    ON CONFLICT ("subject", "id", "audience") DO UPDATE SET "title" = EXCLUDED."title", "area_id" = EXCLUDED."area_id";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "releases_status_search" AFTER INSERT OR DELETE ON "releases"
  FOR EACH ROW EXECUTE FUNCTION "status_search_release"();
--> statement-breakpoint
CREATE TRIGGER "releases_status_search_update" AFTER UPDATE ON "releases"
  FOR EACH ROW WHEN ((OLD."title", OLD."area_id") IS DISTINCT FROM (NEW."title", NEW."area_id"))
  EXECUTE FUNCTION "status_search_release"();
--> statement-breakpoint
CREATE FUNCTION "status_search_decision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "status_search" WHERE "subject" = 'decision' AND "id" = OLD."id";
  ELSE
    INSERT INTO "status_search" ("subject", "id", "audience", "title", "area_id")
    VALUES ('decision', NEW."id", 'everyone', NEW."title", NULL)
    ON CONFLICT ("subject", "id", "audience") DO UPDATE SET "title" = EXCLUDED."title";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "decisions_status_search" AFTER INSERT OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "status_search_decision"();
--> statement-breakpoint
CREATE TRIGGER "decisions_status_search_update" AFTER UPDATE ON "decisions"
  FOR EACH ROW WHEN (OLD."title" IS DISTINCT FROM NEW."title")
  EXECUTE FUNCTION "status_search_decision"();
--> statement-breakpoint
CREATE FUNCTION "status_search_area"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "status_search" WHERE "subject" = 'area' AND "id" = OLD."id";
  ELSE
    INSERT INTO "status_search" ("subject", "id", "audience", "title", "area_id")
    VALUES ('area', NEW."id", 'everyone', NEW."name", NEW."id")
    ON CONFLICT ("subject", "id", "audience") DO UPDATE SET "title" = EXCLUDED."title";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "areas_status_search" AFTER INSERT OR DELETE ON "areas"
  FOR EACH ROW EXECUTE FUNCTION "status_search_area"();
--> statement-breakpoint
CREATE TRIGGER "areas_status_search_update" AFTER UPDATE ON "areas"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "status_search_area"();
--> statement-breakpoint
-- An item's rows read again from the tables as they are now: called after a change of the item or of its
-- versions, in whichever order they come (an item may name its ratified version before that row is written).
CREATE FUNCTION "status_search_refresh_item"("item" uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "status_search" WHERE "subject" = 'roadmap_item' AND "id" = "item";
  INSERT INTO "status_search" ("subject", "id", "audience", "title", "area_id")
  SELECT 'roadmap_item', i."id", 'org', coalesce(i."state"->>'title', ''), i."area_id"
  FROM "roadmap_items" i WHERE i."id" = "item"
  UNION ALL
  SELECT 'roadmap_item', i."id", 'stakeholders', coalesce(v."state"->>'title', ''), i."area_id"
  FROM "roadmap_items" i
  JOIN "roadmap_item_versions" v ON v."item_id" = i."id" AND v."version" = i."ratified_version"
  WHERE i."id" = "item" AND v."state"->>'visibility' = 'stakeholders';
END $$;
--> statement-breakpoint
CREATE FUNCTION "status_search_item"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "status_search" WHERE "subject" = 'roadmap_item' AND "id" = OLD."id";
  ELSE
    PERFORM "status_search_refresh_item"(NEW."id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "roadmap_items_status_search" AFTER INSERT OR DELETE ON "roadmap_items"
  FOR EACH ROW EXECUTE FUNCTION "status_search_item"();
--> statement-breakpoint
CREATE TRIGGER "roadmap_items_status_search_update" AFTER UPDATE ON "roadmap_items"
  FOR EACH ROW WHEN ((OLD."state"->>'title', OLD."area_id", OLD."ratified_version")
    IS DISTINCT FROM (NEW."state"->>'title', NEW."area_id", NEW."ratified_version"))
  EXECUTE FUNCTION "status_search_item"();
--> statement-breakpoint
-- A version written (or removed) that is the item's ratified one changes what stakeholders find.
CREATE FUNCTION "status_search_item_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v "roadmap_item_versions";
BEGIN
  IF TG_OP = 'DELETE' THEN v := OLD; ELSE v := NEW; END IF;
  IF EXISTS (SELECT 1 FROM "roadmap_items" WHERE "id" = v."item_id" AND "ratified_version" = v."version") THEN
    PERFORM "status_search_refresh_item"(v."item_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "roadmap_item_versions_status_search" AFTER INSERT OR DELETE ON "roadmap_item_versions"
  FOR EACH ROW EXECUTE FUNCTION "status_search_item_version"();
--> statement-breakpoint
CREATE FUNCTION "status_search_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "status_search" WHERE "subject" = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "releases_status_search_truncate" AFTER TRUNCATE ON "releases"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_search_truncate"('release');
--> statement-breakpoint
CREATE TRIGGER "decisions_status_search_truncate" AFTER TRUNCATE ON "decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_search_truncate"('decision');
--> statement-breakpoint
CREATE TRIGGER "areas_status_search_truncate" AFTER TRUNCATE ON "areas"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_search_truncate"('area');
--> statement-breakpoint
CREATE TRIGGER "roadmap_items_status_search_truncate" AFTER TRUNCATE ON "roadmap_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "status_search_truncate"('roadmap_item');
--> statement-breakpoint
-- What is already there.
INSERT INTO "status_search" ("subject", "id", "audience", "title", "area_id")
SELECT 'release', "id", 'everyone', "title", "area_id" FROM "releases"
UNION ALL
SELECT 'decision', "id", 'everyone', "title", NULL FROM "decisions"
UNION ALL
SELECT 'area', "id", 'everyone', "name", "id" FROM "areas"
UNION ALL
SELECT 'roadmap_item', "id", 'org', coalesce("state"->>'title', ''), "area_id" FROM "roadmap_items"
UNION ALL
SELECT 'roadmap_item', i."id", 'stakeholders', coalesce(v."state"->>'title', ''), i."area_id"
FROM "roadmap_items" i
JOIN "roadmap_item_versions" v ON v."item_id" = i."id" AND v."version" = i."ratified_version"
WHERE v."state"->>'visibility' = 'stakeholders';
