/**
 * The embedded store: one SQLite file (better-sqlite3, WAL mode). Opening it:
 * 1. refuse a missing file when read-only, a read-only file when writing;
 * 2. open with a busy timeout, check it is an SQLite file and a sitrep store (`application_id`);
 * 3. refuse a schema newer than this sitrep knows, migrate an older one (each migration in a transaction);
 * 4. switch to WAL so readers never wait for the writer.
 * Every SQLite failure that means "locked", "read-only", "corrupt" becomes a StoreError that says so.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { AnalysisRecord } from "../analyze/index.js";
import type { Actor, Place } from "../core/entities.js";
import type { DatePrecision, EventRecord } from "../core/events.js";
import { MIGRATIONS, type Migration, SITREP_APPLICATION_ID } from "./migrations/index.js";
import {
  type ArticleRef,
  type EventFilter,
  type OpenStoreOptions,
  type PutMeta,
  type PutResult,
  type RevisionInfo,
  type SearchHit,
  type Store,
  type StoredArticle,
  type StoredEvent,
  StoreError,
} from "./types.js";

type Db = Database.Database;

/** Default wait for another writer's lock (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** Default number of search hits. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Default and largest number of events one listEvents call returns. */
export const DEFAULT_EVENT_LIMIT = 1000;
/** Words of context either side of a search match in a snippet. */
const SNIPPET_TOKENS = 16;
/** bm25 weights of the FTS columns (title, body): a match in a title counts more. */
const TITLE_WEIGHT = 5;
const BODY_WEIGHT = 1;
/** Joins an event's evidence sentences in `notes`. */
const EVIDENCE_JOINER = " … ";

/** ACLED time_precision: 1 exact day, 2 within a week, 3 within a month or vaguer. */
const TIME_PRECISION: Record<DatePrecision, number> = { day: 1, week: 2, month: 3, year: 3 };

/** Owner, group and other write permission bits. */
const WRITE_BITS = 0o222;
const URL_NAME = /^[a-z][a-z0-9+.-]*:\/\//i;
const JSONL_LINE_NAME = /#\d+$/;
const STDIN_NAME = "-";

export interface SqliteStoreOptions extends OpenStoreOptions {
  /** The migrations to apply (tests pass their own to exercise upgrades). Default: all of sitrep's. */
  migrations?: readonly Migration[];
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  const file = resolve(path);
  const readonly = options.readonly ?? false;
  const migrations = options.migrations ?? MIGRATIONS;
  checkFile(file, readonly);
  let db: Db;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw translateError(error, file);
  }
  try {
    db.pragma("foreign_keys = ON");
    migrate(db, file, readonly, migrations);
    if (!readonly) db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    return new SqliteStore(db, file);
  } catch (error) {
    db.close();
    throw translateError(error, file);
  }
}

function checkFile(file: string, readonly: boolean): void {
  if (!existsSync(file)) {
    if (readonly)
      throw new StoreError(
        "store/not-found",
        file,
        `no store at ${file}: ingest something first ("sitrep ingest <inputs> --db ${file}"), or give another --db`,
      );
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new StoreError(
        "store/io",
        file,
        `cannot create the folder for the store ${file}: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
    return;
  }
  const info = statSync(file);
  if (!info.isFile())
    throw new StoreError("store/not-a-store", file, `${file} is not a file, so not a sitrep store`);
  // Permission bits, not just access(): a file marked read-only stays read-only even for root.
  if (!readonly && (!(info.mode & WRITE_BITS) || !isWritable(file)))
    throw new StoreError(
      "store/read-only",
      file,
      `the store ${file} is read-only: make it writable (chmod u+w), or give another --db`,
    );
}

function isWritable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function migrate(db: Db, file: string, readonly: boolean, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db, file);
  if (current > latest)
    throw new StoreError(
      "store/newer-version",
      file,
      `the store ${file} was made by a newer sitrep (schema version ${current}; this sitrep knows up to ${latest}): upgrade sitrep to use it`,
    );
  if (current === latest) return;
  if (readonly)
    throw new StoreError(
      current === 0 ? "store/not-found" : "store/needs-upgrade",
      file,
      current === 0
        ? `${file} is empty, not a sitrep store yet: ingest something first`
        : `the store ${file} is at schema version ${current} and needs upgrading to ${latest}: open it once for writing (e.g. "sitrep ingest")`,
    );
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Another process may have migrated while this one waited for the lock.
      if (schemaVersion(db, file) >= migration.version) return;
      db.exec(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

/** 0 for an empty file; throws for an SQLite file that is not a sitrep store. */
function schemaVersion(db: Db, file: string): number {
  const appId = db.pragma("application_id", { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  if (!tables.includes("schema_version")) {
    if (tables.length === 0 && (appId === 0 || appId === SITREP_APPLICATION_ID)) return 0;
    throw new StoreError("store/not-a-store", file, `${file} is an SQLite database but not a sitrep store`);
  }
  if (appId !== SITREP_APPLICATION_ID)
    throw new StoreError("store/not-a-store", file, `${file} is an SQLite database but not a sitrep store`);
  return (db.prepare("SELECT max(version) FROM schema_version").pluck().get() as number | null) ?? 0;
}

/** A StoreError for SQLite's "busy", "read-only", "corrupt"; anything else unchanged. */
export function translateError(error: unknown, file: string): unknown {
  if (error instanceof StoreError || !(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return new StoreError(
      "store/locked",
      file,
      `the store ${file} is locked: another process is writing to it; wait for it to finish, or give another --db`,
      { cause: error },
    );
  if (code.startsWith("SQLITE_READONLY"))
    return new StoreError(
      "store/read-only",
      file,
      `the store ${file} cannot be written (read-only file, folder or disk): make it writable, or give another --db`,
      { cause: error },
    );
  if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT"))
    return new StoreError(
      "store/corrupt",
      file,
      `${file} is not a usable sitrep store: the file is corrupt or not an SQLite database (${error.message})`,
      { cause: error },
    );
  if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_FULL"))
    return new StoreError("store/io", file, `cannot use the store ${file}: ${error.message}`, {
      cause: error,
    });
  return error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface ArticleRow {
  id: number;
  canonical_url: string | null;
  input: string;
  content_hash: string;
  current_revision: number;
  first_seen: string;
  last_seen: string;
}

interface EventRow extends Omit<StoredEvent, "background" | "negated"> {
  background: number;
  negated: number;
}

class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Db;
  private readonly stmt;
  private readonly putTx: (record: AnalysisRecord, meta: PutMeta) => PutResult;

  constructor(db: Db, path: string) {
    this.db = db;
    this.path = path;
    this.stmt = {
      revisionByHash: db.prepare<[string], ArticleRef>(
        "SELECT article_id AS articleId, revision FROM revisions WHERE content_hash = ?",
      ),
      touch: db.prepare<[string, number]>("UPDATE articles SET last_seen = ? WHERE id = ?"),
      articleByUrl: db.prepare<[string], ArticleRow>("SELECT * FROM articles WHERE canonical_url = ?"),
      articleByInput: db.prepare<[string], ArticleRow>(
        "SELECT * FROM articles WHERE canonical_url IS NULL AND input = ? ORDER BY id LIMIT 1",
      ),
      articleById: db.prepare<[number], ArticleRow>("SELECT * FROM articles WHERE id = ?"),
      insertArticle: db.prepare(
        `INSERT INTO articles (canonical_url, input, content_hash, current_revision, title, publisher, published,
           language, first_seen, last_seen)
         VALUES (@canonicalUrl, @input, @contentHash, 1, @title, @publisher, @published, @language, @now, @now)`,
      ),
      updateArticle: db.prepare(
        `UPDATE articles SET content_hash = @contentHash, current_revision = @revision, title = @title,
           publisher = @publisher, published = @published, language = @language, last_seen = @now
         WHERE id = @id`,
      ),
      insertRevision: db.prepare(
        `INSERT INTO revisions (article_id, revision, content_hash, input, record, created)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      revisions: db.prepare<[number], RevisionInfo>(
        `SELECT revision, content_hash AS contentHash, input, created FROM revisions
         WHERE article_id = ? ORDER BY revision`,
      ),
      record: db.prepare<[number, number], string>(
        "SELECT record FROM revisions WHERE article_id = ? AND revision = ?",
      ),
      insertPlace: db.prepare(
        `INSERT INTO places (article_id, place_id, name, resolved_name, geoname_id, feature_type, country_code,
           admin1, latitude, longitude, precision, confidence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertActor: db.prepare(
        `INSERT INTO actors (article_id, actor_id, name, canonical, kind, inter, country, dictionary_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (article_id, event_id, event_date, event_date_end, time_precision, date_text,
           event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, inter2, iso, admin1, location,
           place_id, latitude, longitude, geo_precision, source, attribution_source, certainty, fatalities,
           injuries, background, negated, future, hypothetical, salience, notes)
         VALUES (@article_id, @event_id, @event_date, @event_date_end, @time_precision, @date_text,
           @event_type, @sub_event_type, @actor1, @assoc_actor_1, @inter1, @actor2, @inter2, @iso, @admin1,
           @location, @place_id, @latitude, @longitude, @geo_precision, @source, @attribution_source,
           @certainty, @fatalities, @injuries, @background, @negated, @future, @hypothetical, @salience, @notes)`,
      ),
      insertEventActor: db.prepare(
        "INSERT OR IGNORE INTO event_actors (event, role, actor_id, name, canonical) VALUES (?, ?, ?, ?, ?)",
      ),
      insertClaim: db.prepare(
        `INSERT INTO claims (article_id, claim_id, kind, text, source, certainty, cue, start, "end")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertSearchDoc: db.prepare(
        "INSERT INTO search_docs (article_id, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)",
      ),
      deleteLayers: [
        "DELETE FROM search_docs WHERE article_id = ?",
        "DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE article_id = ?)",
        "DELETE FROM events WHERE article_id = ?",
        "DELETE FROM claims WHERE article_id = ?",
        "DELETE FROM actors WHERE article_id = ?",
        "DELETE FROM places WHERE article_id = ?",
      ].map((sql) => db.prepare<[number]>(sql)),
    };
    this.putTx = db.transaction((record: AnalysisRecord, meta: PutMeta) => this.put(record, meta)).immediate;
  }

  putAnalysis(record: AnalysisRecord, meta: PutMeta): PutResult {
    return this.guard(() => this.putTx(record, meta));
  }

  markSeen(contentHash: string): ArticleRef | null {
    return this.guard(() => {
      const found = this.stmt.revisionByHash.get(contentHash);
      if (!found) return null;
      this.stmt.touch.run(new Date().toISOString(), found.articleId);
      return found;
    });
  }

  getArticle(id: number): StoredArticle | null {
    return this.guard(() => {
      const row = this.stmt.articleById.get(id);
      if (!row) return null;
      const json = this.stmt.record.pluck().get(id, row.current_revision) as string;
      return {
        id: row.id,
        canonicalUrl: row.canonical_url,
        contentHash: row.content_hash,
        revision: row.current_revision,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
        revisions: this.stmt.revisions.all(id),
        record: JSON.parse(json) as AnalysisRecord,
      };
    });
  }

  listEvents(filter: EventFilter = {}): StoredEvent[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.from !== undefined) {
      where.push("coalesce(e.event_date_end, e.event_date) >= @from");
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      where.push("e.event_date <= @to");
      params.to = filter.to;
    }
    if (filter.country !== undefined) {
      where.push("e.iso = upper(@country)");
      params.country = filter.country;
    }
    if (filter.admin1 !== undefined) {
      where.push("e.admin1 = @admin1 COLLATE NOCASE");
      params.admin1 = filter.admin1;
    }
    if (filter.bbox !== undefined) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      where.push("e.latitude BETWEEN @minLat AND @maxLat");
      // A box across the antimeridian has minLon > maxLon.
      where.push(
        minLon <= maxLon
          ? "e.longitude BETWEEN @minLon AND @maxLon"
          : "(e.longitude >= @minLon OR e.longitude <= @maxLon)",
      );
      Object.assign(params, { minLon, minLat, maxLon, maxLat });
    }
    if (filter.type !== undefined) {
      where.push("(e.event_type = @type COLLATE NOCASE OR e.sub_event_type = @type COLLATE NOCASE)");
      params.type = filter.type;
    }
    if (filter.actor !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id
           AND (ea.canonical = @actor COLLATE NOCASE OR ea.name = @actor COLLATE NOCASE))`,
      );
      params.actor = filter.actor;
    }
    if (filter.certainty !== undefined) {
      where.push("e.certainty = @certainty");
      params.certainty = filter.certainty;
    }
    if (filter.source !== undefined) {
      where.push(
        "(instr(lower(e.source), lower(@source)) > 0 OR instr(lower(e.attribution_source), lower(@source)) > 0)",
      );
      params.source = filter.source;
    }
    if (filter.articleId !== undefined) {
      where.push("e.article_id = @articleId");
      params.articleId = filter.articleId;
    }
    if (filter.occurredOnly)
      where.push("e.background = 0 AND e.negated = 0 AND e.future = 0 AND e.hypothetical = 0");
    params.limit = Math.min(filter.limit ?? DEFAULT_EVENT_LIMIT, DEFAULT_EVENT_LIMIT);
    params.offset = filter.offset ?? 0;
    const sql = `SELECT e.id, e.article_id, e.event_id, e.event_date, e.event_date_end, e.time_precision,
        e.event_type, e.sub_event_type, e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.inter2, e.iso, e.admin1,
        e.location, e.latitude, e.longitude, e.geo_precision, e.source, e.attribution_source, e.certainty,
        e.fatalities, e.injuries, e.background, e.negated, e.notes, a.canonical_url AS url
      FROM events e JOIN articles a ON a.id = e.article_id
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY e.event_date DESC, e.id LIMIT @limit OFFSET @offset`;
    return this.guard(() =>
      (this.db.prepare(sql).all(params) as EventRow[]).map((row) => ({
        ...row,
        background: row.background === 1,
        negated: row.negated === 1,
      })),
    );
  }

  search(query: string, options: { limit?: number } = {}): SearchHit[] {
    const trimmed = query.trim();
    if (trimmed.length === 0) return [];
    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const sql = `SELECT d.kind, d.article_id AS articleId, d.ref, coalesce(a.title, '') AS title,
        a.canonical_url AS url, snippet(search, -1, '[', ']', '…', ${SNIPPET_TOKENS}) AS snippet,
        bm25(search, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS rank
      FROM search JOIN search_docs d ON d.id = search.rowid JOIN articles a ON a.id = d.article_id
      WHERE search MATCH ? ORDER BY rank LIMIT ?`;
    const run = (match: string) => this.db.prepare(sql).all(match, limit) as SearchHit[];
    return this.guard(() => {
      try {
        return run(trimmed);
      } catch (error) {
        // FTS5 syntax errors ("fts5: syntax error", "unterminated string", "no such column") are SQLITE_ERROR.
        if (!(error instanceof Database.SqliteError) || error.code !== "SQLITE_ERROR") throw error;
        return run(plainWords(trimmed));
      }
    });
  }

  counts(): { articles: number; revisions: number; events: number } {
    return this.guard(() => {
      const count = (table: string) =>
        this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      return { articles: count("articles"), revisions: count("revisions"), events: count("events") };
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs inside the put transaction. */
  private put(record: AnalysisRecord, meta: PutMeta): PutResult {
    const now = new Date().toISOString();
    const seen = this.stmt.revisionByHash.get(meta.contentHash);
    if (seen) {
      this.stmt.touch.run(now, seen.articleId);
      return { status: "unchanged", ...seen };
    }
    const input = inputKey(record.input);
    const existing = meta.canonicalUrl
      ? this.stmt.articleByUrl.get(meta.canonicalUrl)
      : isIdentifyingInput(record.input)
        ? this.stmt.articleByInput.get(input)
        : undefined;
    const fields = {
      contentHash: meta.contentHash,
      title: record.article.title,
      publisher: record.article.publisher,
      published: record.article.published,
      language: record.article.language,
      now,
    };
    let articleId: number;
    let revision: number;
    if (existing) {
      articleId = existing.id;
      revision = existing.current_revision + 1;
      this.stmt.updateArticle.run({ ...fields, id: articleId, revision });
      for (const statement of this.stmt.deleteLayers) statement.run(articleId);
    } else {
      articleId = Number(
        this.stmt.insertArticle.run({ ...fields, canonicalUrl: meta.canonicalUrl, input }).lastInsertRowid,
      );
      revision = 1;
    }
    this.stmt.insertRevision.run(articleId, revision, meta.contentHash, input, JSON.stringify(record), now);
    this.insertLayers(articleId, record);
    return { status: existing ? "revised" : "ingested", articleId, revision };
  }

  private insertLayers(articleId: number, record: AnalysisRecord): void {
    const s = this.stmt;
    const places = new Map<string, Place>(record.places.map((p) => [p.id, p]));
    const actors = new Map<string, Actor>(record.actors.map((a) => [a.id, a]));
    for (const p of record.places) {
      s.insertPlace.run(
        articleId,
        p.id,
        p.name,
        p.resolvedName,
        p.geonameId,
        p.featureType,
        p.countryCode,
        p.admin1,
        p.lat,
        p.lon,
        p.precision,
        p.confidence,
      );
    }
    for (const a of record.actors) {
      s.insertActor.run(articleId, a.id, a.name, a.canonical, a.kind, a.inter, a.country, a.dictionaryId);
    }
    s.insertSearchDoc.run(articleId, "article", null, record.article.title ?? "", record.article.text);
    const publisher = record.article.publisher ?? hostOf(record.article.url);
    for (const e of record.events) {
      const row = eventRow(articleId, e, places, actors, publisher);
      const eventRowId = Number(s.insertEvent.run(row).lastInsertRowid);
      const roles: [string, string | null][] = [
        ["actor1", e.actor1],
        ["actor2", e.actor2],
        ...e.assocActors.map((id): [string, string] => ["assoc", id]),
      ];
      for (const [role, id] of roles) {
        const actor = id === null ? undefined : actors.get(id);
        if (actor) s.insertEventActor.run(eventRowId, role, actor.id, actor.name, actor.canonical);
      }
      s.insertSearchDoc.run(articleId, "event", e.id, `${e.eventType}: ${e.subEventType}`, row.notes);
    }
    for (const c of record.claims) {
      s.insertClaim.run(
        articleId,
        c.id,
        c.kind,
        c.text,
        c.attribution.source,
        c.attribution.certainty,
        c.attribution.cue,
        c.evidence.start,
        c.evidence.end,
      );
      s.insertSearchDoc.run(articleId, "claim", c.id, c.kind, c.evidence.text);
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateError(error, this.path);
    }
  }
}

function eventRow(
  articleId: number,
  e: EventRecord,
  places: Map<string, Place>,
  actors: Map<string, Actor>,
  publisher: string | null,
) {
  const place = e.location ? places.get(e.location.place) : undefined;
  const actor1 = e.actor1 === null ? undefined : actors.get(e.actor1);
  const actor2 = e.actor2 === null ? undefined : actors.get(e.actor2);
  const assoc = e.assocActors.map((id) => actors.get(id)?.canonical).filter((n): n is string => Boolean(n));
  return {
    article_id: articleId,
    event_id: e.id,
    event_date: e.date?.start ?? null,
    event_date_end: e.date?.end ?? null,
    time_precision: e.date ? TIME_PRECISION[e.date.precision] : null,
    date_text: e.date?.text ?? null,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: actor1?.canonical ?? null,
    assoc_actor_1: assoc.length > 0 ? assoc.join("; ") : null,
    inter1: actor1?.inter ?? null,
    actor2: actor2?.canonical ?? null,
    inter2: actor2?.inter ?? null,
    iso: place?.countryCode ?? null,
    admin1: place?.admin1 ?? null,
    location: place ? (place.resolvedName ?? place.name) : null,
    place_id: e.location?.place ?? null,
    latitude: e.location?.lat ?? null,
    longitude: e.location?.lon ?? null,
    geo_precision: e.location?.geoPrecision ?? null,
    source: publisher,
    attribution_source: e.attribution.source,
    certainty: e.attribution.certainty,
    fatalities: e.fatalities,
    injuries: e.injuries,
    background: e.background ? 1 : 0,
    negated: e.negated ? 1 : 0,
    future: e.future ? 1 : 0,
    hypothetical: e.hypothetical ? 1 : 0,
    salience: e.salience,
    notes: e.evidence.map((ev) => ev.text).join(EVIDENCE_JOINER),
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** Files are keyed by absolute path; URLs, stdin and JSON Lines records as named. */
function inputKey(name: string): string {
  return name === STDIN_NAME || URL_NAME.test(name) || JSONL_LINE_NAME.test(name) ? name : resolve(name);
}

/** Whether the input name alone identifies an article without a URL: a file, not stdin or a JSON Lines line. */
function isIdentifyingInput(name: string): boolean {
  return name !== STDIN_NAME && !URL_NAME.test(name) && !JSONL_LINE_NAME.test(name);
}

/** Each word as an FTS5 string, so punctuation in a plain query is not read as query syntax. */
function plainWords(query: string): string {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(" ");
}
