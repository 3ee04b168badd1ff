/**
 * Versioned schema migrations of the PostgreSQL store, applied in order, the same discipline as the SQLite
 * store's (`../migrations`): each runs once, in its own transaction, under an advisory lock (so that many
 * sitrep processes starting at once migrate once), and is recorded in `sitrep.schema_version`; a store is at
 * the highest version recorded there. Never edit a released migration: add the next number.
 *
 * Everything lives in its own schema, `sitrep`, so that a store can share a database with other programs
 * (a job queue, the user's own tables). Migrations that depend on what the server offers (PostGIS, unaccent)
 * look at the server inside `up` and record what they chose in `sitrep.settings`.
 */
import type { PoolClient } from "pg";
import { migration001 } from "./001-initial.js";

/** The schema that holds every table of the store. */
export const PG_SCHEMA = "sitrep";

/** What a migration may use: the transaction's connection and the options the store was opened with. */
export interface PgMigrationContext {
  client: PoolClient;
  /** "plain": never use PostGIS, even where the server has it. */
  spatial: "auto" | "plain";
}

export interface PgMigration {
  /** 1, 2, 3, … without gaps. */
  version: number;
  /** A few words on what it does. */
  name: string;
  /** Runs inside the migration's transaction (after `CREATE SCHEMA sitrep` and `sitrep.schema_version`). */
  up(context: PgMigrationContext): Promise<void>;
}

/** A migration that is one SQL script. */
export function sqlMigration(version: number, name: string, sql: string): PgMigration {
  return {
    version,
    name,
    async up({ client }) {
      await client.query(sql);
    },
  };
}

export const PG_MIGRATIONS: readonly PgMigration[] = [migration001];

export { SEARCH_CONFIG, SEARCH_TEXT_CHARS, SETTING, type SpatialMode } from "./001-initial.js";
