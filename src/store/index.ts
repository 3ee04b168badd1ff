/**
 * The store: analysed articles kept on disk, with their revisions, normalised places/actors/events/claims
 * and full-text search. `Store` is the backend-neutral interface; the embedded default is one SQLite file
 * (`sqlite.ts`), a PostgreSQL backend can implement the same interface later.
 *
 * Identity and idempotence (`putAnalysis`):
 * 1. the same content hash as any stored revision → "unchanged" (only `last_seen` moves);
 * 2. else the same canonical URL as a stored article → "revised" (a new revision of that article);
 * 3. else, without a canonical URL, the same input path as a stored article without one → "revised";
 * 4. else → "ingested" (a new article, revision 1).
 * Every put is one transaction: an interrupted ingest loses nothing already committed.
 */
import { resolve } from "node:path";
import { openSqliteStore } from "./sqlite.js";
import type { OpenStoreOptions, Store } from "./types.js";

export { canonicalUrl, contentHash } from "./identity.js";
export * from "./types.js";

/** Environment variable naming the store file; the default when `--db` is not given. */
export const STORE_ENV = "SITREP_DB";
/** The store file used when neither `--db` nor `$SITREP_DB` is given: in the current directory. */
export const DEFAULT_STORE_FILE = "sitrep.db";

/** The store path: the one given, else `$SITREP_DB`, else `./sitrep.db`. */
export function defaultStorePath(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = given ?? (env[STORE_ENV] || undefined) ?? DEFAULT_STORE_FILE;
  return resolve(chosen);
}

/** Open (creating and migrating when needed) the store at `path`. Throws a StoreError with a clear message. */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  return openSqliteStore(path, options);
}

export { type IngestSummary, type IngestToStoreOptions, ingestToStore } from "./ingest.js";
