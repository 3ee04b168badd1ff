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
  | "store/io";

/** A store that cannot be opened or written, with a message that says what to do. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
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

export interface OpenStoreOptions {
  /** Open for reading only: never creates, migrates or writes. */
  readonly?: boolean;
  /** How long to wait for another writer's lock, in milliseconds. Default 5000. */
  busyTimeoutMs?: number;
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
  /** bm25 rank: lower is better. */
  rank: number;
}

export interface Store {
  readonly path: string;
  putAnalysis(record: AnalysisRecord, meta: PutMeta): PutResult;
  /** The article already stored with this content, marking it seen now; null when none. */
  markSeen(contentHash: string): ArticleRef | null;
  getArticle(id: number): StoredArticle | null;
  listEvents(filter?: EventFilter): StoredEvent[];
  /** FTS5 query syntax; a query that is not valid FTS5 is searched as plain words. */
  search(query: string, options?: { limit?: number }): SearchHit[];
  counts(): { articles: number; revisions: number; events: number };
  close(): void;
}
