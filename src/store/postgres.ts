/**
 * The PostgreSQL store (issue #6): the same `Store` as the SQLite file, in the schema `sitrep` of a database
 * the user gives as a URL (`postgres://user:password@host:port/database`). Opening it:
 * 1. connect (a pool of a few connections) within a timeout: an unreachable server, a refused login or a
 *    missing database is a StoreError that says which;
 * 2. refuse a schema newer than this sitrep knows; migrate an older one, each migration in a transaction under
 *    an advisory lock, so that many processes starting at once migrate once (`migrations-pg/`);
 * 3. read what the store was created with: PostGIS or plain spatial filtering, accent folding or not.
 *
 * Writing one article (`putAnalysis`) is one transaction. Many processes may store at once: each put first
 * takes a transaction-scoped advisory lock on the article's identity (its canonical URL, else its input file,
 * else its content hash), so two workers storing the same article serialise and the second finds it stored;
 * unique constraints (content hash, canonical URL) back this up, and a put that loses a race to one of them
 * is retried. Every value is a query parameter; a put is a few round trips: the lock, the content-hash check,
 * the article and its revision (one statement), the old layers' removal for a revision, and every layer (one
 * statement of data-modifying CTEs over `unnest` arrays).
 */
import pg from "pg";
import type { AnalysisRecord } from "../analyze/index.js";
import { SITREP_APPLICATION_ID } from "./migrations/index.js";
import {
  PG_MIGRATIONS,
  PG_SCHEMA,
  type PgMigration,
  SEARCH_CONFIG,
  SETTING,
  type SpatialMode,
} from "./migrations-pg/index.js";
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
import { redactUrl } from "./target.js";
import {
  type ArticlePage,
  type ArticleRef,
  type EventFilter,
  type OpenStoreOptions,
  type PutMeta,
  type PutResult,
  type SearchHit,
  type Store,
  type StoreCounts,
  type StoredArticle,
  type StoredEvent,
  StoreError,
  type StoreErrorCode,
} from "./types.js";

/** Default wait for the server when opening the store (ms). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Default most connections one store holds (a CLI command uses one; `sitrep serve` a few at once). */
export const DEFAULT_POOL_SIZE = 5;
/** Namespace of sitrep's advisory locks (the first key of the two-key form): "SITR", as the SQLite file's id. */
const LOCK_SPACE = SITREP_APPLICATION_ID;
/** The second key of the migrations' advisory lock (articles' locks use a hash of their identity). */
const MIGRATION_LOCK = 0;
/** Tries of one put that loses a race (a unique constraint, a deadlock) before giving up. */
const PUT_ATTEMPTS = 3;
/** Unique constraints a concurrent put of the same article can hit; the put is then tried again. */
const RACE_CONSTRAINTS = new Set(["articles_canonical_url", "revisions_content_hash_key"]);
/** SQLSTATEs worth another try: unique violation (of RACE_CONSTRAINTS), serialization failure, deadlock. */
const UNIQUE_VIOLATION = "23505";
const RETRY_STATES = new Set(["40001", "40P01"]);
/** Longitude of the antimeridian: a box with minLon > maxLon is split there. */
const MAX_LON = 180;
const WGS84_SRID = 4326;
/** Search snippets: up to SNIPPET_FRAGMENTS passages of SNIPPET_MIN_WORDS–SNIPPET_MAX_WORDS words, matches in [brackets]. */
const SNIPPET_MAX_WORDS = 16;
const SNIPPET_MIN_WORDS = 6;
const SNIPPET_FRAGMENTS = 2;
const HEADLINE_OPTIONS = `StartSel=[, StopSel=], MaxWords=${SNIPPET_MAX_WORDS}, MinWords=${SNIPPET_MIN_WORDS}, MaxFragments=${SNIPPET_FRAGMENTS}, FragmentDelimiter=" … "`;
/**
 * Snippets come from a body's first SNIPPET_SOURCE_CHARS: ts_headline parses all the text it is given (a
 * 50,000-character article took 5 ms a hit), and news bodies are shorter than this. A body whose only match
 * lies further in gets a snippet of its opening, without brackets.
 */
const SNIPPET_SOURCE_CHARS = 20_000;
/** ts_rank weights {D, C, B, A}: titles are weight A, bodies B (the same ratio as SQLite's bm25 weights). */
const RANK_WEIGHTS = [0, 0, BODY_WEIGHT / TITLE_WEIGHT, 1];
/** ts_rank normalisation 1: divide by 1 + log(length), so long articles do not win by length alone. */
const RANK_NORMALISATION = 1;
/** PostgreSQL cannot store NUL in text; it is never meaningful in an article. */
const NUL = "\u0000";

/** Type OIDs read differently from node-postgres' defaults. */
const INT8_OID = 20;
const TIMESTAMPTZ_OID = 1184;

/**
 * bigint (ids, counts) as numbers (the store's ids stay far below 2^53) and timestamps as ISO strings, as the
 * SQLite store gives them. Per pool, so that other users of `pg` in the process keep the defaults.
 */
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID) return (value: string) => Number(value);
    if (oid === TIMESTAMPTZ_OID) {
      const parseDate = pg.types.getTypeParser(TIMESTAMPTZ_OID, "text");
      return (value: string) => (parseDate(value) as Date).toISOString();
    }
    return pg.types.getTypeParser(oid, format ?? "text");
  },
} as pg.CustomTypesConfig;

export interface PgStoreOptions extends OpenStoreOptions {
  /** The migrations to apply (tests pass their own to exercise upgrades). Default: all of sitrep's. */
  migrations?: readonly PgMigration[];
}

/** A PostgreSQL store, with what it was created with. */
export interface PostgresStore extends Store {
  readonly backend: "postgres";
  /** "postgis": bounding boxes use a GiST index on a PostGIS point; "plain": latitude/longitude b-tree. */
  readonly spatial: SpatialMode;
  /** Whether search folds accents ("Menaka" finds "Ménaka"): the server had the unaccent extension. */
  readonly accentFolding: boolean;
}

/** Open (creating and migrating when needed) the store in the database at `url`. Rejects with a StoreError. */
export async function openPostgresStore(url: string, options: PgStoreOptions = {}): Promise<PostgresStore> {
  const shown = redactUrl(url);
  const readonly = options.readonly ?? false;
  const lockTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      application_name: "sitrep",
      types: TYPES,
    });
  } catch (error) {
    throw badUrl(error, shown);
  }
  // A connection lost while idle (server restart): the next query reports it as a StoreError.
  pool.on("error", () => {});
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw translatePgError(error, shown);
  }
  let lost: Error | undefined;
  const onLost = (error: Error) => {
    lost = error;
  };
  client.on("error", onLost);
  try {
    await migrate(client, shown, {
      readonly,
      migrations: options.migrations ?? PG_MIGRATIONS,
      spatial: options.spatial ?? "auto",
      lockTimeoutMs,
    });
    const settings = await readSettings(client);
    client.off("error", onLost);
    client.release(lost);
    return new PgStore(pool, shown, readonly, lockTimeoutMs, settings);
  } catch (error) {
    client.off("error", onLost);
    client.release(lost ?? true);
    await pool.end().catch(() => {});
    throw translatePgError(error, shown);
  }
}

interface MigrateOptions {
  readonly: boolean;
  migrations: readonly PgMigration[];
  spatial: "auto" | "plain";
  lockTimeoutMs: number;
}

async function migrate(client: pg.PoolClient, shown: string, options: MigrateOptions): Promise<void> {
  const latest = options.migrations.at(-1)?.version ?? 0;
  const current = await schemaVersion(client, shown);
  if (current > latest)
    throw new StoreError(
      "store/newer-version",
      shown,
      `the store ${shown} was made by a newer sitrep (schema version ${current}; this sitrep knows up to ${latest}): upgrade sitrep to use it`,
    );
  if (current === latest) return;
  if (options.readonly)
    throw new StoreError(
      current === 0 ? "store/not-found" : "store/needs-upgrade",
      shown,
      current === 0
        ? `no sitrep store in ${shown} yet: ingest something first ("sitrep ingest <inputs> --db <url>")`
        : `the store ${shown} is at schema version ${current} and needs upgrading to ${latest}: open it once for writing (e.g. "sitrep ingest")`,
    );
  for (const migration of options.migrations) {
    if (migration.version <= current) continue;
    await inTransaction(client, async () => {
      await lockFor(client, options.lockTimeoutMs, "pg_advisory_xact_lock($2, $3)", [
        LOCK_SPACE,
        MIGRATION_LOCK,
      ]);
      // Another process may have migrated while this one waited for the lock.
      if ((await schemaVersion(client, shown)) >= migration.version) return;
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${PG_SCHEMA}.schema_version (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await migration.up({ client, spatial: options.spatial });
      await client.query(`INSERT INTO ${PG_SCHEMA}.schema_version (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    });
  }
}

/** 0 where there is no `sitrep` schema yet (or it is empty); throws for a `sitrep` schema of another program. */
async function schemaVersion(client: pg.PoolClient, shown: string): Promise<number> {
  const found = await client.query<{ versioned: boolean; tables: number }>(
    `SELECT to_regclass($1) IS NOT NULL AS versioned,
       (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $2 AND c.relkind IN ('r', 'p')) AS tables`,
    [`${PG_SCHEMA}.schema_version`, PG_SCHEMA],
  );
  const { versioned, tables } = found.rows[0] ?? { versioned: false, tables: 0 };
  if (!versioned) {
    if (tables === 0) return 0;
    throw new StoreError(
      "store/not-a-store",
      shown,
      `the schema "${PG_SCHEMA}" in ${shown} holds tables that are not a sitrep store: use another database`,
    );
  }
  const version = await client.query<{ version: number }>(
    `SELECT coalesce(max(version), 0) AS version FROM ${PG_SCHEMA}.schema_version`,
  );
  return version.rows[0]?.version ?? 0;
}

interface Settings {
  spatial: SpatialMode;
  postgisSchema: string | null;
  accentFolding: boolean;
}

async function readSettings(client: pg.PoolClient): Promise<Settings> {
  const found = await client.query<{ key: string; value: string }>(
    `SELECT key, value FROM ${PG_SCHEMA}.settings`,
  );
  const settings = new Map(found.rows.map((r) => [r.key, r.value]));
  const postgisSchema = settings.get(SETTING.postgisSchema) ?? null;
  return {
    spatial: settings.get(SETTING.spatial) === "postgis" && postgisSchema ? "postgis" : "plain",
    postgisSchema,
    accentFolding: settings.get(SETTING.textSearch) === "unaccent",
  };
}

/** BEGIN, the work, COMMIT; ROLLBACK and rethrow on any failure. */
async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Set the transaction's lock timeout and take an advisory lock: `lock` is the locking call, whose parameters
 * start at $2 ($1 is the timeout).
 */
async function lockFor(
  client: pg.PoolClient,
  timeoutMs: number,
  lock: string,
  params: unknown[],
): Promise<void> {
  await client.query(`SELECT set_config('lock_timeout', $1, true), ${lock}`, [`${timeoutMs}ms`, ...params]);
}

/** Numbered query parameters: `add(value)` is the placeholder to write in the SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(typeof value === "string" ? value.replaceAll(NUL, "") : value);
    return `$${this.values.length}${cast ? `::${cast}` : ""}`;
  }
  /** `unnest($a::t1[], $b::t2[], …)` over the given columns of the rows. */
  unnest<R>(rows: readonly R[], columns: readonly (readonly [keyof R & string, string])[]): string {
    const arrays = columns.map(([name, type]) =>
      this.add(
        rows.map((row) => {
          const value = row[name];
          return typeof value === "string" ? value.replaceAll(NUL, "") : value;
        }),
        `${type}[]`,
      ),
    );
    return `unnest(${arrays.join(", ")})`;
  }
}

type LayerRows = ReturnType<typeof layersOf>;
type Columns<R> = readonly (readonly [keyof R & string, string])[];

const PLACE_COLUMNS: Columns<LayerRows["places"][number]> = [
  ["place_id", "text"],
  ["name", "text"],
  ["resolved_name", "text"],
  ["geoname_id", "integer"],
  ["feature_type", "text"],
  ["country_code", "text"],
  ["admin1", "text"],
  ["latitude", "float8"],
  ["longitude", "float8"],
  ["precision", "text"],
  ["confidence", "float8"],
];
const ACTOR_COLUMNS: Columns<LayerRows["actors"][number]> = [
  ["actor_id", "text"],
  ["name", "text"],
  ["canonical", "text"],
  ["kind", "text"],
  ["inter", "integer"],
  ["country", "text"],
  ["dictionary_id", "text"],
];
/** The events table's columns with their PostgreSQL types (for unnest inserts; bench:scale reuses it). */
export const EVENT_COLUMNS: Columns<LayerRows["events"][number]> = [
  ["event_id", "text"],
  ["event_date", "text"],
  ["event_date_end", "text"],
  ["time_precision", "integer"],
  ["date_text", "text"],
  ["event_type", "text"],
  ["sub_event_type", "text"],
  ["actor1", "text"],
  ["assoc_actor_1", "text"],
  ["inter1", "integer"],
  ["actor2", "text"],
  ["inter2", "integer"],
  ["iso", "text"],
  ["admin1", "text"],
  ["location", "text"],
  ["place_id", "text"],
  ["latitude", "float8"],
  ["longitude", "float8"],
  ["geo_precision", "integer"],
  ["source", "text"],
  ["attribution_source", "text"],
  ["certainty", "text"],
  ["fatalities", "integer"],
  ["injuries", "integer"],
  ["background", "boolean"],
  ["negated", "boolean"],
  ["future", "boolean"],
  ["hypothetical", "boolean"],
  ["salience", "float8"],
  ["notes", "text"],
];
const EVENT_ACTOR_COLUMNS: Columns<LayerRows["eventActors"][number]> = [
  ["event_id", "text"],
  ["role", "text"],
  ["actor_id", "text"],
  ["name", "text"],
  ["canonical", "text"],
];
const CLAIM_COLUMNS: Columns<LayerRows["claims"][number]> = [
  ["claim_id", "text"],
  ["kind", "text"],
  ["text", "text"],
  ["source", "text"],
  ["certainty", "text"],
  ["cue", "text"],
  ["start", "integer"],
  ["end", "integer"],
];
const SEARCH_DOC_COLUMNS: Columns<LayerRows["searchDocs"][number]> = [
  ["kind", "text"],
  ["ref", "text"],
  ["title", "text"],
  ["body", "text"],
];

/** Column names of an INSERT, quoted ("end" is a keyword). */
function columnList<R>(columns: Columns<R>): string {
  return columns.map(([name]) => `"${name}"`).join(", ");
}

/** One statement that inserts every layer of an article (data-modifying CTEs run once each, in one snapshot). */
function insertLayersSql(articleId: number, layers: LayerRows): { text: string; values: unknown[] } {
  const p = new Params();
  const id = p.add(articleId, "bigint");
  const text = `WITH
  ins_places AS (
    INSERT INTO ${PG_SCHEMA}.places (article_id, ${columnList(PLACE_COLUMNS)})
    SELECT ${id}, * FROM ${p.unnest(layers.places, PLACE_COLUMNS)}),
  ins_actors AS (
    INSERT INTO ${PG_SCHEMA}.actors (article_id, ${columnList(ACTOR_COLUMNS)})
    SELECT ${id}, * FROM ${p.unnest(layers.actors, ACTOR_COLUMNS)}),
  ins_events AS (
    INSERT INTO ${PG_SCHEMA}.events (article_id, ${columnList(EVENT_COLUMNS)})
    SELECT ${id}, * FROM ${p.unnest(layers.events, EVENT_COLUMNS)}
    RETURNING id, event_id),
  ins_event_actors AS (
    INSERT INTO ${PG_SCHEMA}.event_actors (event, role, actor_id, name, canonical)
    SELECT e.id, x.role, x.actor_id, x.name, x.canonical
    FROM ${p.unnest(layers.eventActors, EVENT_ACTOR_COLUMNS)} AS x (event_id, role, actor_id, name, canonical)
    JOIN ins_events e ON e.event_id = x.event_id
    ON CONFLICT DO NOTHING),
  ins_claims AS (
    INSERT INTO ${PG_SCHEMA}.claims (article_id, ${columnList(CLAIM_COLUMNS)})
    SELECT ${id}, * FROM ${p.unnest(layers.claims, CLAIM_COLUMNS)}),
  ins_docs AS (
    INSERT INTO ${PG_SCHEMA}.search_docs (article_id, ${columnList(SEARCH_DOC_COLUMNS)})
    SELECT ${id}, * FROM ${p.unnest(layers.searchDocs, SEARCH_DOC_COLUMNS)})
SELECT count(*) AS events FROM ins_events`;
  return { text, values: p.values };
}

/** An article's columns, its revisions (oldest first) and its current record; `a` is sitrep.articles. */
const ARTICLE_SELECT = `SELECT a.id, a.canonical_url AS "canonicalUrl", a.content_hash AS "contentHash",
    a.current_revision AS revision, a.first_seen AS "firstSeen", a.last_seen AS "lastSeen",
    (SELECT json_agg(json_build_object('revision', v.revision, 'contentHash', v.content_hash, 'input', v.input,
        'created', to_char(v.created AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY v.revision)
      FROM ${PG_SCHEMA}.revisions v WHERE v.article_id = a.id) AS revisions,
    r.record
  FROM ${PG_SCHEMA}.articles a
  JOIN ${PG_SCHEMA}.revisions r ON r.article_id = a.id AND r.revision = a.current_revision`;

const EVENT_SELECT = `SELECT e.id, e.article_id, e.event_id, e.event_date, e.event_date_end, e.time_precision,
    e.event_type, e.sub_event_type, e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.inter2, e.iso, e.admin1,
    e.location, e.latitude, e.longitude, e.geo_precision, e.source, e.attribution_source, e.certainty,
    e.fatalities, e.injuries, e.background, e.negated, e.notes, a.canonical_url AS url
  FROM ${PG_SCHEMA}.events e JOIN ${PG_SCHEMA}.articles a ON a.id = e.article_id`;

class PgStore implements PostgresStore {
  readonly backend = "postgres";
  readonly spatial: SpatialMode;
  readonly accentFolding: boolean;
  private readonly postgisSchema: string | null;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly path: string,
    private readonly readonly: boolean,
    private readonly lockTimeoutMs: number,
    settings: Settings,
  ) {
    this.spatial = settings.spatial;
    this.postgisSchema = settings.postgisSchema;
    this.accentFolding = settings.accentFolding;
  }

  async putAnalysis(record: AnalysisRecord, meta: PutMeta): Promise<PutResult> {
    this.assertWritable();
    const input = inputKey(record.input);
    const identity = meta.canonicalUrl
      ? `url ${meta.canonicalUrl}`
      : isIdentifyingInput(record.input)
        ? `input ${input}`
        : `content ${meta.contentHash}`;
    const json = JSON.stringify(record);
    const layers = layersOf(record);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction((client) =>
          this.put(client, { record, meta, input, identity, json, layers }),
        );
      } catch (error) {
        if (attempt < PUT_ATTEMPTS && lostRace(error)) continue;
        throw translatePgError(error, this.path);
      }
    }
  }

  async markSeen(contentHash: string): Promise<ArticleRef | null> {
    this.assertWritable();
    const touched = await this.query<ArticleRef>(
      `UPDATE ${PG_SCHEMA}.articles a SET last_seen = now() FROM ${PG_SCHEMA}.revisions r
       WHERE r.content_hash = $1 AND a.id = r.article_id
       RETURNING r.article_id AS "articleId", r.revision`,
      [contentHash],
    );
    return touched[0] ?? null;
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    if (!Number.isSafeInteger(id)) return null;
    const rows = await this.query<StoredArticle>(`${ARTICLE_SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async listArticles(page: ArticlePage = {}): Promise<StoredArticle[]> {
    const limit = Math.min(page.limit ?? DEFAULT_ARTICLE_LIMIT, DEFAULT_ARTICLE_LIMIT);
    return this.query<StoredArticle>(`${ARTICLE_SELECT} ORDER BY a.id DESC LIMIT $1 OFFSET $2`, [
      limit,
      page.offset ?? 0,
    ]);
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const p = new Params();
    const where: string[] = [];
    if (filter.from !== undefined)
      where.push(`coalesce(e.event_date_end, e.event_date) >= ${p.add(filter.from)}`);
    if (filter.to !== undefined) where.push(`e.event_date <= ${p.add(filter.to)}`);
    if (filter.country !== undefined) where.push(`e.iso = upper(${p.add(filter.country)})`);
    if (filter.admin1 !== undefined) where.push(`lower(e.admin1) = lower(${p.add(filter.admin1)})`);
    if (filter.bbox !== undefined) where.push(this.bboxCondition(p, filter.bbox));
    if (filter.type !== undefined) {
      const type = p.add(filter.type);
      where.push(`(lower(e.event_type) = lower(${type}) OR lower(e.sub_event_type) = lower(${type}))`);
    }
    if (filter.actor !== undefined) {
      const actor = p.add(filter.actor);
      where.push(
        `EXISTS (SELECT 1 FROM ${PG_SCHEMA}.event_actors ea WHERE ea.event = e.id
           AND (lower(ea.canonical) = lower(${actor}) OR lower(ea.name) = lower(${actor})))`,
      );
    }
    if (filter.certainty !== undefined) where.push(`e.certainty = ${p.add(filter.certainty)}`);
    if (filter.source !== undefined) {
      const source = p.add(filter.source);
      where.push(
        `(strpos(lower(e.source), lower(${source})) > 0 OR strpos(lower(e.attribution_source), lower(${source})) > 0)`,
      );
    }
    if (filter.articleId !== undefined) where.push(`e.article_id = ${p.add(filter.articleId)}`);
    if (filter.occurredOnly) where.push("NOT (e.background OR e.negated OR e.future OR e.hypothetical)");
    const limit = p.add(Math.min(filter.limit ?? DEFAULT_EVENT_LIMIT, DEFAULT_EVENT_LIMIT));
    const offset = p.add(filter.offset ?? 0);
    // NULLS LAST: undated events after dated ones, as SQLite orders them.
    const sql = `${EVENT_SELECT} ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY e.event_date DESC NULLS LAST, e.id LIMIT ${limit} OFFSET ${offset}`;
    return this.query<StoredEvent>(sql, p.values);
  }

  async search(query: string, options: { limit?: number } = {}): Promise<SearchHit[]> {
    const trimmed = query.trim();
    if (trimmed.length === 0) return [];
    const p = new Params();
    const q = p.add(trimmed);
    const limit = p.add(options.limit ?? DEFAULT_SEARCH_LIMIT);
    const weights = p.add(RANK_WEIGHTS, "float4[]");
    const headline = p.add(HEADLINE_OPTIONS);
    const config = `'${SEARCH_CONFIG}'::regconfig`;
    // Rank and cut first; only the hits shown get a snippet (ts_headline parses their text again): from the
    // body where the body matched (its lexemes are the tsvector's weight-B part), else from the title.
    const sql = `WITH q AS (SELECT websearch_to_tsquery(${config}, ${q}) AS query),
      hits AS (
        SELECT d.id, ts_rank(${weights}, d.tsv, q.query, ${RANK_NORMALISATION}) AS score
        FROM ${PG_SCHEMA}.search_docs d CROSS JOIN q
        WHERE d.tsv @@ q.query
        ORDER BY score DESC, d.id LIMIT ${limit})
      SELECT d.kind, d.article_id AS "articleId", d.ref, coalesce(a.title, '') AS title, a.canonical_url AS url,
        ts_headline(${config},
          CASE WHEN ts_filter(d.tsv, '{b}') @@ q.query THEN left(d.body, ${SNIPPET_SOURCE_CHARS}) ELSE d.title END,
          q.query, ${headline}) AS snippet,
        -h.score AS rank
      FROM hits h
      JOIN ${PG_SCHEMA}.search_docs d ON d.id = h.id
      JOIN ${PG_SCHEMA}.articles a ON a.id = d.article_id
      CROSS JOIN q
      ORDER BY h.score DESC, h.id`;
    return this.query<SearchHit>(sql, p.values);
  }

  async counts(): Promise<StoreCounts> {
    const rows = await this.query<StoreCounts>(
      `SELECT (SELECT count(*) FROM ${PG_SCHEMA}.articles) AS articles,
         (SELECT count(*) FROM ${PG_SCHEMA}.revisions) AS revisions,
         (SELECT count(*) FROM ${PG_SCHEMA}.events) AS events`,
    );
    return rows[0] ?? { articles: 0, revisions: 0, events: 0 };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Runs inside the put transaction (steps of index.ts's module comment). */
  private async put(client: pg.PoolClient, put: PutWork): Promise<PutResult> {
    const { record, meta, input } = put;
    await lockFor(client, this.lockTimeoutMs, "pg_advisory_xact_lock($2, hashtext($3))", [
      LOCK_SPACE,
      put.identity,
    ]);
    const seen = await client.query<ArticleRef>(
      `UPDATE ${PG_SCHEMA}.articles a SET last_seen = now() FROM ${PG_SCHEMA}.revisions r
       WHERE r.content_hash = $1 AND a.id = r.article_id
       RETURNING r.article_id AS "articleId", r.revision`,
      [meta.contentHash],
    );
    const found = seen.rows[0];
    if (found) return { status: "unchanged", ...found };
    const fields = articleFields(record);
    const p = new Params();
    const hash = p.add(meta.contentHash, "text");
    const title = p.add(fields.title, "text");
    const publisher = p.add(fields.publisher, "text");
    const published = p.add(fields.published, "text");
    const language = p.add(fields.language, "text");
    const inputParam = p.add(input, "text");
    const url = p.add(meta.canonicalUrl, "text");
    const json = p.add(put.json, "json");
    // One statement: find the article (by canonical URL, else by input file), update it or insert it, and
    // add the revision with its record; it answers the article id, revision and whether it was new.
    const lookup = meta.canonicalUrl
      ? `md5(canonical_url) = md5(${url}) AND canonical_url = ${url}`
      : isIdentifyingInput(record.input)
        ? `canonical_url IS NULL AND md5(input) = md5(${inputParam}) AND input = ${inputParam}`
        : "false";
    const written = await client.query<{ articleId: number; revision: number; created: boolean }>(
      `WITH existing AS (
         SELECT id, current_revision FROM ${PG_SCHEMA}.articles WHERE ${lookup} ORDER BY id LIMIT 1),
       updated AS (
         UPDATE ${PG_SCHEMA}.articles a SET content_hash = ${hash}, current_revision = x.current_revision + 1,
           title = ${title}, publisher = ${publisher}, published = ${published}, language = ${language},
           last_seen = now()
         FROM existing x WHERE a.id = x.id
         RETURNING a.id, a.current_revision),
       inserted AS (
         INSERT INTO ${PG_SCHEMA}.articles (canonical_url, input, content_hash, current_revision, title, publisher,
           published, language, first_seen, last_seen)
         SELECT ${url}, ${inputParam}, ${hash}, 1, ${title}, ${publisher}, ${published}, ${language}, now(), now()
         WHERE NOT EXISTS (SELECT 1 FROM existing)
         RETURNING id, current_revision),
       article AS (SELECT id, current_revision, false AS created FROM updated
         UNION ALL SELECT id, current_revision, true FROM inserted),
       revision AS (
         INSERT INTO ${PG_SCHEMA}.revisions (article_id, revision, content_hash, input, record, created)
         SELECT id, current_revision, ${hash}, ${inputParam}, ${json}, now() FROM article)
       SELECT id AS "articleId", current_revision AS revision, created FROM article`,
      p.values,
    );
    const article = written.rows[0];
    if (!article) throw new Error("sitrep: the put wrote no article row");
    if (!article.created) {
      await client.query(
        `WITH d1 AS (DELETE FROM ${PG_SCHEMA}.search_docs WHERE article_id = $1),
           d2 AS (DELETE FROM ${PG_SCHEMA}.events WHERE article_id = $1),
           d3 AS (DELETE FROM ${PG_SCHEMA}.claims WHERE article_id = $1),
           d4 AS (DELETE FROM ${PG_SCHEMA}.actors WHERE article_id = $1),
           d5 AS (DELETE FROM ${PG_SCHEMA}.places WHERE article_id = $1)
         SELECT 1`,
        [article.articleId],
      );
    }
    await client.query(insertLayersSql(article.articleId, put.layers));
    return {
      status: article.created ? "ingested" : "revised",
      articleId: article.articleId,
      revision: article.revision,
    };
  }

  /** The bounding-box condition: `&&` against envelopes (GiST) with PostGIS, else latitude/longitude ranges. */
  private bboxCondition(p: Params, bbox: readonly [number, number, number, number]): string {
    const [minLon, minLat, maxLon, maxLat] = bbox;
    // A box across the antimeridian has minLon > maxLon: it is two boxes, east and west of it.
    const boxes: [number, number][] =
      minLon <= maxLon
        ? [[minLon, maxLon]]
        : [
            [minLon, MAX_LON],
            [-MAX_LON, maxLon],
          ];
    if (this.spatial === "postgis" && this.postgisSchema) {
      const s = pg.escapeIdentifier(this.postgisSchema);
      const lat0 = p.add(minLat, "float8");
      const lat1 = p.add(maxLat, "float8");
      const envelopes = boxes.map(
        ([west, east]) =>
          `e.geom && ${s}.ST_MakeEnvelope(${p.add(west, "float8")}, ${lat0}, ${p.add(east, "float8")}, ${lat1}, ${WGS84_SRID})`,
      );
      return `(${envelopes.join(" OR ")})`;
    }
    const lat = `e.latitude BETWEEN ${p.add(minLat, "float8")} AND ${p.add(maxLat, "float8")}`;
    const lons = boxes.map(
      ([west, east]) => `e.longitude BETWEEN ${p.add(west, "float8")} AND ${p.add(east, "float8")}`,
    );
    return `(${lat} AND (${lons.join(" OR ")}))`;
  }

  private assertWritable(): void {
    if (this.readonly)
      throw new StoreError(
        "store/read-only",
        this.path,
        `the store ${this.path} was opened read-only: it cannot be written this way`,
      );
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows;
    } catch (error) {
      throw translatePgError(error, this.path);
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translatePgError(error, this.path);
    }
    let broken: unknown;
    // A checked-out connection whose server session ends (a restart) emits 'error' between statements:
    // without a listener that would crash the process. Noted here; the next statement then fails with a
    // connection error, which the caller sees as a StoreError.
    let lost: Error | undefined;
    const onLost = (error: Error) => {
      lost = error;
    };
    client.on("error", onLost);
    try {
      return await inTransaction(client, () => work(client));
    } catch (error) {
      // A connection that failed mid-transaction is not given back to the pool.
      if (isConnectionError(error)) broken = error;
      throw error;
    } finally {
      client.off("error", onLost);
      client.release(broken instanceof Error ? broken : lost);
    }
  }
}

interface PutWork {
  record: AnalysisRecord;
  meta: PutMeta;
  /** The input's key (absolute path of a file). */
  input: string;
  /** What the put's advisory lock is taken on. */
  identity: string;
  /** The record as JSON, made once for every try. */
  json: string;
  layers: LayerRows;
}

/** A failure that another try of the same put can get past (a concurrent put of the same article won). */
function lostRace(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  if (typeof e.code !== "string") return false;
  if (RETRY_STATES.has(e.code)) return true;
  return (
    e.code === UNIQUE_VIOLATION && typeof e.constraint === "string" && RACE_CONSTRAINTS.has(e.constraint)
  );
}

/** Node's errors for a server that cannot be reached. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ETIMEDOUT",
  "EPIPE",
  "ENOENT",
]);
/** node-postgres' messages for a connection that timed out or ended. */
const CONNECTION_MESSAGE =
  /timeout|Connection terminated|connection ended|Client has encountered a connection error/i;

function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e.code === "string") return NETWORK_CODES.has(e.code) || e.code.startsWith("08");
  return typeof e.message === "string" && CONNECTION_MESSAGE.test(e.message);
}

/**
 * A StoreError for what means "cannot reach", "not allowed", "missing", "locked", "read-only" or "full";
 * anything else (a bug, a record the schema refuses) unchanged. `shown` is the URL without its password.
 */
export function translatePgError(error: unknown, shown: string): unknown {
  if (error instanceof StoreError) return error;
  const message = messageOf(error);
  const code = (error as { code?: unknown }).code;
  const make = (storeCode: StoreErrorCode, text: string) =>
    new StoreError(storeCode, shown, text, { cause: error });
  if (code === INVALID_URL) return badUrl(error, shown);
  if (
    isConnectionError(error) ||
    code === "53300" ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03"
  )
    return make(
      "store/unreachable",
      `cannot reach the PostgreSQL server of ${shown} (${message}): is it running, and are the host and port right?`,
    );
  switch (code) {
    case "28P01":
    case "28000":
      return make(
        "store/auth-failed",
        `the PostgreSQL server of ${shown} refused the login (${message}): check the user and password in the URL (or $PGPASSWORD)`,
      );
    case "3D000":
      return make(
        "store/not-found",
        `${message} on the server of ${shown}: create it (createdb), or give another database in the URL`,
      );
    case "42501":
      return make(
        "store/denied",
        `the user of ${shown} lacks a privilege the store needs (${message}): the store's user needs CREATE on the database (once, to create the schema "${PG_SCHEMA}") and then the use of that schema`,
      );
    case "25006":
      return make(
        "store/read-only",
        `the database ${shown} takes no writes (${message}): it is set read-only (default_transaction_read_only) or the server is a standby; give a writable database or a primary server`,
      );
    case "55P03":
    case "40P01":
      return make(
        "store/locked",
        `the store ${shown} is locked: another process is writing the same article or migrating the store (${message}); try again`,
      );
    case "53100":
    case "53200":
    case "54000":
      return make("store/io", `the PostgreSQL server of ${shown} cannot store this: ${message}`);
    default:
      return error;
  }
}

/** Node's code for a URL it cannot parse (the driver parses the connection string when it connects). */
const INVALID_URL = "ERR_INVALID_URL";

function badUrl(error: unknown, shown: string): StoreError {
  return new StoreError(
    "store/bad-url",
    shown,
    `cannot read the PostgreSQL URL ${shown} (${messageOf(error)}): write it as postgres://user:password@host:port/database`,
    { cause: error },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
