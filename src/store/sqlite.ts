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
import { NO_DATE_HIGH, NO_DATE_LOW } from "./migrations/002-events-space-time.js";
import { MIGRATIONS, type Migration, SITREP_APPLICATION_ID } from "./migrations/index.js";
import {
  articleFields,
  BODY_WEIGHT,
  DEFAULT_ARTICLE_LIMIT,
  DEFAULT_BUSY_TIMEOUT_MS,
  DEFAULT_EVENT_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  inputKey,
  isIdentifyingInput,
  layersOf,
  TITLE_WEIGHT,
} from "./rows.js";
import {
  type ArticlePage,
  type ArticleRef,
  type EventFilter,
  type OpenStoreOptions,
  type PutMeta,
  type PutResult,
  type RevisionInfo,
  type SearchHit,
  type Store,
  type StoreCounts,
  type StoredArticle,
  type StoredEvent,
  StoreError,
} from "./types.js";

type Db = Database.Database;

export { DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_EVENT_LIMIT, DEFAULT_SEARCH_LIMIT } from "./rows.js";

/** Words of context either side of a search match in a snippet. */
const SNIPPET_TOKENS = 16;

/** Owner, group and other write permission bits. */
const WRITE_BITS = 0o222;

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

/** SQLite stores booleans as 0/1. */
const flag = (value: boolean): number => (value ? 1 : 0);

/** SQLite's julianday() of an ISO date (midnight UTC): the R*Tree's day axis. */
const UNIX_EPOCH_JULIAN_DAY = 2440587.5;
const julianDay = (iso: string): number =>
  Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000 + UNIX_EPOCH_JULIAN_DAY;

class SqliteStore implements Store {
  readonly backend = "sqlite";
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
      articleIds: db
        .prepare<[number, number], number>("SELECT id FROM articles ORDER BY id DESC LIMIT ? OFFSET ?")
        .pluck(),
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
         VALUES (@article_id, @place_id, @name, @resolved_name, @geoname_id, @feature_type, @country_code,
           @admin1, @latitude, @longitude, @precision, @confidence)`,
      ),
      insertActor: db.prepare(
        `INSERT INTO actors (article_id, actor_id, name, canonical, kind, inter, country, dictionary_id)
         VALUES (@article_id, @actor_id, @name, @canonical, @kind, @inter, @country, @dictionary_id)`,
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
         VALUES (@article_id, @claim_id, @kind, @text, @source, @certainty, @cue, @start, @end)`,
      ),
      insertSearchDoc: db.prepare(
        "INSERT INTO search_docs (article_id, kind, ref, title, body) VALUES (@article_id, @kind, @ref, @title, @body)",
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

  async putAnalysis(record: AnalysisRecord, meta: PutMeta): Promise<PutResult> {
    return this.guard(() => this.putTx(record, meta));
  }

  async markSeen(contentHash: string): Promise<ArticleRef | null> {
    return this.guard(() => {
      const found = this.stmt.revisionByHash.get(contentHash);
      if (!found) return null;
      this.stmt.touch.run(new Date().toISOString(), found.articleId);
      return found;
    });
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    return this.guard(() => this.article(id));
  }

  async listArticles(page: ArticlePage = {}): Promise<StoredArticle[]> {
    const limit = Math.min(page.limit ?? DEFAULT_ARTICLE_LIMIT, DEFAULT_ARTICLE_LIMIT);
    return this.guard(() =>
      this.stmt.articleIds.all(limit, page.offset ?? 0).flatMap((id) => this.article(id) ?? []),
    );
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
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
      // Candidates from the R*Tree over place and dates (migration 2); the exact conditions below decide.
      if (minLon <= maxLon) {
        where.push(`e.id IN (SELECT id FROM events_space_time
          WHERE min_lat <= @maxLat AND max_lat >= @minLat AND min_lon <= @maxLon AND max_lon >= @minLon
            AND min_day <= @toDay AND max_day >= @fromDay)`);
        params.fromDay = filter.from !== undefined ? julianDay(filter.from) : NO_DATE_LOW;
        params.toDay = filter.to !== undefined ? julianDay(filter.to) : NO_DATE_HIGH;
      }
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

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
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

  async counts(): Promise<StoreCounts> {
    return this.guard(() => {
      const count = (table: string) =>
        this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      return { articles: count("articles"), revisions: count("revisions"), events: count("events") };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private article(id: number): StoredArticle | null {
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
    const fields = { ...articleFields(record), contentHash: meta.contentHash, now };
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
    const layers = layersOf(record);
    const article_id = articleId;
    for (const p of layers.places) s.insertPlace.run({ ...p, article_id });
    for (const a of layers.actors) s.insertActor.run({ ...a, article_id });
    const [articleDoc, ...otherDocs] = layers.searchDocs;
    if (articleDoc) s.insertSearchDoc.run({ ...articleDoc, article_id });
    const eventRowIds = new Map<string, number>();
    for (const e of layers.events) {
      const row = {
        ...e,
        article_id,
        background: flag(e.background),
        negated: flag(e.negated),
        future: flag(e.future),
        hypothetical: flag(e.hypothetical),
      };
      eventRowIds.set(e.event_id, Number(s.insertEvent.run(row).lastInsertRowid));
    }
    for (const ea of layers.eventActors) {
      const eventRowId = eventRowIds.get(ea.event_id);
      if (eventRowId !== undefined)
        s.insertEventActor.run(eventRowId, ea.role, ea.actor_id, ea.name, ea.canonical);
    }
    for (const c of layers.claims) s.insertClaim.run({ ...c, article_id });
    for (const d of otherDocs) s.insertSearchDoc.run({ ...d, article_id });
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw translateError(error, this.path);
    }
  }
}

/** Each word as an FTS5 string, so punctuation in a plain query is not read as query syntax. */
function plainWords(query: string): string {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(" ");
}
