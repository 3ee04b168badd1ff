/**
 * The store: analysed articles kept on disk, with their revisions, normalised places/actors/events/claims
 * and full-text search. `Store` is the backend-neutral, asynchronous interface; the embedded default is one
 * SQLite file (`sqlite.ts`), and a `postgres://` URL opens the same store in a PostgreSQL database
 * (`postgres.ts`, which many processes may write at once).
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
import { isPostgresUrl } from "./target.js";
import type { OpenStoreOptions, Store } from "./types.js";

export { canonicalUrl, contentHash } from "./identity.js";
export { isPostgresUrl, redactUrl } from "./target.js";
export * from "./types.js";

/** Environment variable naming the store (a file or a PostgreSQL URL); the default when `--db` is not given. */
export const STORE_ENV = "SITREP_DB";
/** The store file used when neither `--db` nor `$SITREP_DB` is given: in the current directory. */
export const DEFAULT_STORE_FILE = "sitrep.db";

/** The store: the one given, else `$SITREP_DB`, else `./sitrep.db`; a file as an absolute path, a URL as is. */
export function defaultStorePath(given?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = given ?? (env[STORE_ENV] || undefined) ?? DEFAULT_STORE_FILE;
  return isPostgresUrl(chosen) ? chosen.trim() : resolve(chosen);
}

/**
 * Open (creating and migrating when needed) the store at `target`: a `postgres://` or `postgresql://` URL
 * opens the PostgreSQL store, anything else is an SQLite file. Rejects with a StoreError with a clear message.
 */
export async function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) {
    // Loaded only when used, so that the SQLite path never loads the PostgreSQL driver.
    const { openPostgresStore } = await import("./postgres.js");
    return openPostgresStore(target.trim(), options);
  }
  return openSqliteStore(target, options);
}

export { type IngestSummary, type IngestToStoreOptions, ingestToStore } from "./ingest.js";
