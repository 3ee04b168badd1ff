/**
 * Migration 1: the first sitrep store schema.
 *
 * - `articles`: one row per article (identified by canonical URL when it has one, else by content), with the
 *   current revision and when it was first and last seen.
 * - `revisions`: every version of an article ever ingested, each with its full output record (JSON).
 * - `places`, `actors`, `events`, `event_actors`, `claims`: the current revision's layers, normalised so that
 *   events can be filtered by date range, country, admin1, bounding box, type, actor, certainty and source.
 *   `events` uses ACLED's column names where ACLED has one.
 * - `search_docs` + `search` (FTS5, external content): article text and event/claim evidence.
 */
import type { Migration } from "./index.js";

/** Marks the file as a sitrep store (`PRAGMA application_id`): "SITR" in ASCII. */
export const SITREP_APPLICATION_ID = 0x53495452;

export const migration001: Migration = {
  version: 1,
  name: "initial",
  sql: `
PRAGMA application_id = ${SITREP_APPLICATION_ID};

CREATE TABLE articles (
  id               INTEGER PRIMARY KEY,
  canonical_url    TEXT UNIQUE,
  -- The input it was first read from (path, URL, "-", "file#line").
  input            TEXT NOT NULL,
  content_hash     TEXT NOT NULL,
  current_revision INTEGER NOT NULL,
  title            TEXT,
  publisher        TEXT,
  published        TEXT,
  language         TEXT,
  first_seen       TEXT NOT NULL,
  last_seen        TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE revisions (
  article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  revision     INTEGER NOT NULL,
  -- SHA-256 (hex) of the decoded input content.
  content_hash TEXT NOT NULL UNIQUE,
  input        TEXT NOT NULL,
  -- The full output record (README "Output format"), as JSON.
  record       TEXT NOT NULL,
  created      TEXT NOT NULL,
  -- A rowid table: records are large rows, which WITHOUT ROWID tables store badly.
  UNIQUE (article_id, revision)
);

CREATE TABLE places (
  article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  place_id      TEXT NOT NULL,
  name          TEXT NOT NULL,
  resolved_name TEXT,
  geoname_id    INTEGER,
  feature_type  TEXT,
  country_code  TEXT,
  admin1        TEXT,
  latitude      REAL,
  longitude     REAL,
  precision     TEXT,
  confidence    REAL NOT NULL,
  PRIMARY KEY (article_id, place_id)
) WITHOUT ROWID;
CREATE INDEX places_geoname ON places (geoname_id);

CREATE TABLE actors (
  article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  actor_id      TEXT NOT NULL,
  name          TEXT NOT NULL,
  canonical     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  inter         INTEGER,
  country       TEXT,
  dictionary_id TEXT,
  PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX actors_canonical ON actors (canonical COLLATE NOCASE);

CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_id       TEXT NOT NULL,
  event_date     TEXT,
  event_date_end TEXT,
  -- ACLED: 1 day, 2 week, 3 month or vaguer.
  time_precision INTEGER,
  date_text      TEXT,
  event_type     TEXT NOT NULL,
  sub_event_type TEXT NOT NULL,
  actor1         TEXT,
  assoc_actor_1  TEXT,
  inter1         INTEGER,
  actor2         TEXT,
  inter2         INTEGER,
  iso            TEXT,
  admin1         TEXT,
  location       TEXT,
  place_id       TEXT,
  latitude       REAL,
  longitude      REAL,
  -- ACLED: 1 town, 2 near a town, 3 region.
  geo_precision  INTEGER,
  -- The report's publisher (ACLED "source"); who says it is in attribution_source.
  source         TEXT,
  attribution_source TEXT NOT NULL,
  certainty      TEXT NOT NULL,
  fatalities     INTEGER,
  injuries       INTEGER,
  background     INTEGER NOT NULL,
  negated        INTEGER NOT NULL,
  future         INTEGER NOT NULL,
  hypothetical   INTEGER NOT NULL,
  salience       REAL NOT NULL,
  -- The evidence sentences, joined (ACLED "notes").
  notes          TEXT NOT NULL,
  UNIQUE (article_id, event_id)
);
CREATE INDEX events_date ON events (event_date, event_date_end);
CREATE INDEX events_place ON events (iso, admin1);
CREATE INDEX events_type ON events (event_type, sub_event_type);
CREATE INDEX events_latlon ON events (latitude, longitude);

CREATE TABLE event_actors (
  event     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('actor1', 'actor2', 'assoc')),
  actor_id  TEXT NOT NULL,
  name      TEXT NOT NULL,
  canonical TEXT NOT NULL,
  PRIMARY KEY (event, role, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_canonical ON event_actors (canonical COLLATE NOCASE);

CREATE TABLE claims (
  article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  claim_id    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  text        TEXT NOT NULL,
  source      TEXT NOT NULL,
  certainty   TEXT NOT NULL,
  cue         TEXT,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  PRIMARY KEY (article_id, claim_id)
) WITHOUT ROWID;

-- Full-text search: one row per article (title + text) and per event or claim (its evidence).
CREATE TABLE search_docs (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('article', 'event', 'claim')),
  ref        TEXT,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL
);
CREATE INDEX search_docs_article ON search_docs (article_id);

CREATE VIRTUAL TABLE search USING fts5 (
  title, body,
  content = 'search_docs', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search (search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
`,
};
