/**
 * PostgreSQL migration 1: the first sitrep store schema, the same tables and columns as the SQLite store's
 * migration 1 (`../migrations/001-initial.ts`), in the schema `sitrep`:
 *
 * - `articles`, `revisions` (the full record as `json`, which keeps its text and key order), `places`,
 *   `actors`, `events` (ACLED's column names), `event_actors`, `claims`;
 * - `search_docs` with a generated, weighted `tsvector` (title A, body B) and a GIN index, searched with the
 *   text search configuration `sitrep.search`: English stemming, accents folded by `unaccent` where the
 *   server has that extension (it ships with PostgreSQL's contrib modules);
 * - spatial filtering: where the server has PostGIS (and the user may install it), `events.geom`, a
 *   `geometry(Point, 4326)` generated from longitude/latitude with a GiST index; else a b-tree index on
 *   (latitude, longitude). What was chosen is kept in `settings` ("spatial": "postgis" | "plain").
 *
 * Identity columns that may be long (canonical URL, input name) are indexed by their md5, so that a very
 * long URL never exceeds a b-tree entry's size limit.
 */
import type { PoolClient } from "pg";
import type { PgMigration } from "./index.js";

/** The text search configuration of the store's full-text search. */
export const SEARCH_CONFIG = "sitrep.search";
/** Keys of `sitrep.settings`. */
export const SETTING = {
  /** "postgis" | "plain". */
  spatial: "spatial",
  /** The schema PostGIS is installed in (PostGIS mode only). */
  postgisSchema: "postgis_schema",
  /** "unaccent" | "plain": whether search folds accents. */
  textSearch: "text_search",
} as const;

export type SpatialMode = "postgis" | "plain";

/** WGS 84 longitude/latitude, the coordinates of every place sitrep stores. */
const WGS84_SRID = 4326;
/**
 * Characters of a title or body indexed for search: a tsvector holds at most 1 MB, which no news article
 * comes near; a longer text (a whole feed pasted as one document) is searched on its first million characters.
 */
export const SEARCH_TEXT_CHARS = 1_000_000;

const TABLES = `
CREATE TABLE sitrep.settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE sitrep.articles (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  canonical_url    text,
  -- The input it was first read from (path, URL, "-", "file#line").
  input            text NOT NULL,
  content_hash     text NOT NULL,
  current_revision integer NOT NULL,
  title            text,
  publisher        text,
  published        text,
  language         text,
  first_seen       timestamptz NOT NULL,
  last_seen        timestamptz NOT NULL
);
CREATE UNIQUE INDEX articles_canonical_url ON sitrep.articles (md5(canonical_url));
CREATE INDEX articles_input ON sitrep.articles (md5(input)) WHERE canonical_url IS NULL;
CREATE INDEX articles_published ON sitrep.articles (published);

CREATE TABLE sitrep.revisions (
  article_id   bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  revision     integer NOT NULL,
  -- SHA-256 (hex) of the decoded input content.
  content_hash text NOT NULL CONSTRAINT revisions_content_hash_key UNIQUE,
  input        text NOT NULL,
  -- The full output record (README "Output format"), as JSON.
  record       json NOT NULL,
  created      timestamptz NOT NULL,
  PRIMARY KEY (article_id, revision)
);

CREATE TABLE sitrep.places (
  article_id    bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  place_id      text NOT NULL,
  name          text NOT NULL,
  resolved_name text,
  geoname_id    integer,
  feature_type  text,
  country_code  text,
  admin1        text,
  latitude      double precision,
  longitude     double precision,
  precision     text,
  confidence    double precision NOT NULL,
  PRIMARY KEY (article_id, place_id)
);
CREATE INDEX places_geoname ON sitrep.places (geoname_id);

CREATE TABLE sitrep.actors (
  article_id    bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  actor_id      text NOT NULL,
  name          text NOT NULL,
  canonical     text NOT NULL,
  kind          text NOT NULL,
  inter         integer,
  country       text,
  dictionary_id text,
  PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX actors_canonical ON sitrep.actors (lower(canonical));

CREATE TABLE sitrep.events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id     bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  event_id       text NOT NULL,
  -- ISO dates, compared byte by byte (as SQLite does) whatever the database's collation.
  event_date     text COLLATE "C",
  event_date_end text COLLATE "C",
  -- ACLED: 1 day, 2 week, 3 month or vaguer.
  time_precision integer,
  date_text      text,
  event_type     text NOT NULL,
  sub_event_type text NOT NULL,
  actor1         text,
  assoc_actor_1  text,
  inter1         integer,
  actor2         text,
  inter2         integer,
  iso            text,
  admin1         text,
  location       text,
  place_id       text,
  latitude       double precision,
  longitude      double precision,
  -- ACLED: 1 town, 2 near a town, 3 region.
  geo_precision  integer,
  -- The report's publisher (ACLED "source"); who says it is in attribution_source.
  source         text,
  attribution_source text NOT NULL,
  certainty      text NOT NULL,
  fatalities     integer,
  injuries       integer,
  background     boolean NOT NULL,
  negated        boolean NOT NULL,
  future         boolean NOT NULL,
  hypothetical   boolean NOT NULL,
  salience       double precision NOT NULL,
  -- The evidence sentences, joined (ACLED "notes").
  notes          text NOT NULL,
  UNIQUE (article_id, event_id)
);
CREATE INDEX events_date ON sitrep.events (event_date, event_date_end);
CREATE INDEX events_place ON sitrep.events (iso, lower(admin1));
CREATE INDEX events_type ON sitrep.events (lower(event_type));
CREATE INDEX events_sub_type ON sitrep.events (lower(sub_event_type));

CREATE TABLE sitrep.event_actors (
  event     bigint NOT NULL REFERENCES sitrep.events (id) ON DELETE CASCADE,
  role      text NOT NULL CHECK (role IN ('actor1', 'actor2', 'assoc')),
  actor_id  text NOT NULL,
  name      text NOT NULL,
  canonical text NOT NULL,
  PRIMARY KEY (event, role, actor_id)
);
CREATE INDEX event_actors_canonical ON sitrep.event_actors (lower(canonical));
CREATE INDEX event_actors_name ON sitrep.event_actors (lower(name));

CREATE TABLE sitrep.claims (
  article_id  bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  claim_id    text NOT NULL,
  kind        text NOT NULL,
  text        text NOT NULL,
  source      text NOT NULL,
  certainty   text NOT NULL,
  cue         text,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  PRIMARY KEY (article_id, claim_id)
);

-- Full-text search: one row per article (title + text) and per event or claim (its evidence).
CREATE TABLE sitrep.search_docs (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES sitrep.articles (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('article', 'event', 'claim')),
  ref        text,
  title      text NOT NULL,
  body       text NOT NULL,
  tsv        tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('${SEARCH_CONFIG}'::regconfig, left(title, ${SEARCH_TEXT_CHARS})), 'A') ||
    setweight(to_tsvector('${SEARCH_CONFIG}'::regconfig, left(body, ${SEARCH_TEXT_CHARS})), 'B')
  ) STORED
);
-- Ranking reads every matching row's tsvector: keep it in the row (compressed) rather than in the TOAST
-- table, which halves the time of a search for a common word (bench:store); long bodies move out instead.
ALTER TABLE sitrep.search_docs ALTER COLUMN tsv SET STORAGE MAIN;
CREATE INDEX search_docs_article ON sitrep.search_docs (article_id);
CREATE INDEX search_docs_tsv ON sitrep.search_docs USING gin (tsv);
`;

export const migration001: PgMigration = {
  version: 1,
  name: "initial",
  async up({ client, spatial }) {
    const unaccent = await installExtension(client, "unaccent");
    await client.query(`CREATE TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} (COPY = pg_catalog.english)`);
    if (unaccent)
      await client.query(
        `ALTER TEXT SEARCH CONFIGURATION ${SEARCH_CONFIG} ALTER MAPPING FOR hword, hword_part, word
           WITH ${client.escapeIdentifier(unaccent)}.unaccent, english_stem`,
      );
    await client.query(TABLES);
    const postgis = spatial === "plain" ? null : await installExtension(client, "postgis");
    if (postgis) {
      const s = client.escapeIdentifier(postgis);
      await client.query(
        `ALTER TABLE sitrep.events ADD COLUMN geom ${s}.geometry(Point, ${WGS84_SRID})
           GENERATED ALWAYS AS (${s}.ST_SetSRID(${s}.ST_MakePoint(longitude, latitude), ${WGS84_SRID})) STORED`,
      );
      await client.query("CREATE INDEX events_geom ON sitrep.events USING gist (geom)");
    } else {
      await client.query("CREATE INDEX events_latlon ON sitrep.events (latitude, longitude)");
    }
    const settings: [string, string][] = [
      [SETTING.spatial, postgis ? "postgis" : "plain"],
      [SETTING.textSearch, unaccent ? "unaccent" : "plain"],
    ];
    if (postgis) settings.push([SETTING.postgisSchema, postgis]);
    await client.query(
      "INSERT INTO sitrep.settings (key, value) SELECT * FROM unnest($1::text[], $2::text[])",
      [settings.map(([key]) => key), settings.map(([, value]) => value)],
    );
  },
};

/**
 * The schema of an extension, installing it when the server offers it and the user may; null when it is not
 * there. A failed CREATE EXTENSION (not allowed, files missing) is rolled back to a savepoint, so the
 * migration goes on without it.
 */
export async function installExtension(client: PoolClient, name: string): Promise<string | null> {
  const installed = await extensionSchema(client, name);
  if (installed) return installed;
  const offered = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = $1", [name]);
  if (offered.rowCount === 0) return null;
  await client.query("SAVEPOINT sitrep_extension");
  try {
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${client.escapeIdentifier(name)}`);
    await client.query("RELEASE SAVEPOINT sitrep_extension");
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT sitrep_extension");
    return null;
  }
  return extensionSchema(client, name);
}

async function extensionSchema(client: PoolClient, name: string): Promise<string | null> {
  const found = await client.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = $1`,
    [name],
  );
  return found.rows[0]?.schema ?? null;
}
