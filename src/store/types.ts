/** Public types of the store (re-exported by index.ts). */
import type { AnalysisRecord } from "../analyze/index.js";

export type StoreErrorCode =
  | "store/locked"
  | "store/read-only"
  | "store/corrupt"
  | "store/not-a-store"
  | "store/newer-version"
  | "store/needs-upgrade"
  | "store/not-found"
  | "store/io"
  /** PostgreSQL: the server cannot be reached (down, wrong host or port, too many connections). */
  | "store/unreachable"
  /** PostgreSQL: the server refused the login (user, password, pg_hba.conf). */
  | "store/auth-failed"
  /** PostgreSQL: the user lacks a privilege the store needs (e.g. CREATE on the database). */
  | "store/denied"
  /** PostgreSQL: the URL cannot be read (e.g. a port that is not a number). */
  | "store/bad-url";

/** A store that cannot be opened or written, with a message that says what to do. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** The store's file, or its PostgreSQL URL without the password. */
  readonly path: string;
  constructor(code: StoreErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "StoreError";
    this.code = code;
    this.path = path;
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}

/** Where the store lives: one SQLite file, or a PostgreSQL database. */
export type StoreBackend = "sqlite" | "postgres";

export interface OpenStoreOptions {
  /** Open for reading only: never creates, migrates or writes. */
  readonly?: boolean;
  /** How long to wait for another writer's lock, in milliseconds. Default 5000. */
  busyTimeoutMs?: number;
  /** PostgreSQL: how long to wait for the server at start, in milliseconds. Default 10000. */
  connectTimeoutMs?: number;
  /** PostgreSQL: most connections held open at once. Default 5. */
  poolSize?: number;
  /**
   * PostgreSQL, when the store is created: "auto" uses PostGIS for spatial filters where the server has it,
   * "plain" never does (latitude/longitude columns with a b-tree index). Default "auto".
   */
  spatial?: "auto" | "plain";
}

export interface PutMeta {
  /** SHA-256 (hex) of the decoded input content (`contentHash`). */
  contentHash: string;
  /** The article's canonical URL (`canonicalUrl`), or null. */
  canonicalUrl: string | null;
}

export type PutStatus = "ingested" | "unchanged" | "revised";

export interface ArticleRef {
  articleId: number;
  revision: number;
}

export interface PutResult extends ArticleRef {
  status: PutStatus;
}

export interface RevisionInfo {
  revision: number;
  contentHash: string;
  input: string;
  created: string;
}

export interface StoredArticle {
  id: number;
  canonicalUrl: string | null;
  /** The current revision's content hash. */
  contentHash: string;
  revision: number;
  firstSeen: string;
  lastSeen: string;
  revisions: RevisionInfo[];
  /** The current revision's record. */
  record: AnalysisRecord;
}

/** An event row, under ACLED's column names where ACLED has one. */
export interface StoredEvent {
  id: number;
  article_id: number;
  event_id: string;
  event_date: string | null;
  event_date_end: string | null;
  time_precision: number | null;
  event_type: string;
  sub_event_type: string;
  actor1: string | null;
  assoc_actor_1: string | null;
  inter1: number | null;
  actor2: string | null;
  inter2: number | null;
  iso: string | null;
  admin1: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  source: string | null;
  attribution_source: string;
  certainty: string;
  fatalities: number | null;
  injuries: number | null;
  background: boolean;
  negated: boolean;
  notes: string;
  url: string | null;
}

export interface EventFilter {
  /** Events whose date range overlaps [from, to] (ISO dates, inclusive). */
  from?: string;
  to?: string;
  /** ISO 3166-1 alpha-2 code of the event's place. */
  country?: string;
  admin1?: string;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox?: readonly [number, number, number, number];
  /** Matches event_type or sub_event_type (case-insensitive). */
  type?: string;
  /** Matches any of the event's actors by canonical name or name as written (case-insensitive). */
  actor?: string;
  certainty?: string;
  /** Matches the publisher or who says it (case-insensitive substring). */
  source?: string;
  articleId?: number;
  /** Only events that happened: not background, negated, future or hypothetical. Default false. */
  occurredOnly?: boolean;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  kind: "article" | "event" | "claim";
  articleId: number;
  /** Event or claim id within the article; null for the article itself. */
  ref: string | null;
  title: string;
  url: string | null;
  /** The matching passage, matches in [brackets]. */
  snippet: string;
  /** Lower is better (SQLite: bm25; PostgreSQL: minus ts_rank). Comparable within one search only. */
  rank: number;
}

export interface ArticlePage {
  /** Most articles returned. */
  limit?: number;
  /** Articles skipped, newest first. */
  offset?: number;
}

export interface StoreCounts {
  articles: number;
  revisions: number;
  events: number;
}

/**
 * The store, whatever its backend. Every method is asynchronous (the SQLite store does its work at once and
 * resolves; the PostgreSQL store talks to its server) and rejects with a StoreError when the store cannot be
 * used. Several stores (processes) may write to the same PostgreSQL database at once.
 */
export interface Store {
  readonly backend: StoreBackend;
  /** The store's file, or its PostgreSQL URL without the password (for messages). */
  readonly path: string;
  /** Store an analysed article in one transaction (module comment of index.ts for identity and revisions). */
  putAnalysis(record: AnalysisRecord, meta: PutMeta): Promise<PutResult>;
  /** The article already stored with this content, marking it seen now; null when none. */
  markSeen(contentHash: string): Promise<ArticleRef | null>;
  getArticle(id: number): Promise<StoredArticle | null>;
  /** Stored articles, newest (highest id) first. */
  listArticles(page?: ArticlePage): Promise<StoredArticle[]>;
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /**
   * Full-text search. SQLite: FTS5 query syntax, and a query that is not valid FTS5 is searched as plain
   * words; PostgreSQL: web-search syntax (`"a phrase"`, `or`, `-word`), which accepts any text.
   */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  counts(): Promise<StoreCounts>;
  /** Release the file or the connections; safe to call twice. */
  close(): Promise<void>;
}
