/**
 * Versioned schema migrations of the SQLite store, applied in order. Each runs once, in its own
 * transaction, and is recorded in `schema_version`; a store is at the highest version recorded there.
 * Never edit a released migration: add the next number.
 */
import { migration001 } from "./001-initial.js";
import { migration002 } from "./002-events-space-time.js";

export interface Migration {
  /** 1, 2, 3, … without gaps. */
  version: number;
  /** A few words on what it does. */
  name: string;
  /** SQL run in one transaction. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export { SITREP_APPLICATION_ID } from "./001-initial.js";
