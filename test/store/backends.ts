/**
 * The store backends the contract tests run against: the SQLite file, and the PostgreSQL store twice, as it
 * chooses (PostGIS where the test server has it) and with spatial filtering forced plain. One PostgreSQL test
 * server per test file, started on first use (`pgTestServer`) and stopped by `stopPgTestServer` (afterAll).
 */
import { join } from "node:path";
import { type OpenStoreOptions, openStore, type Store } from "../../src/store/index.js";
import { canTestPostgres, type PgTestServer, startPgTestServer } from "../helpers/pg-cluster.js";
import { tmpDir } from "./helpers.js";

/** Starting a throwaway cluster (initdb + pg_ctl) can take a few seconds on a slow machine. */
export const PG_START_TIMEOUT_MS = 120_000;

export interface TestBackend {
  name: string;
  kind: "sqlite" | "postgres";
  /** Whether it can run here (PostgreSQL needs server binaries or $SITREP_TEST_PG_URL). */
  available: boolean;
  /** Options every open of this backend's stores passes. */
  options: OpenStoreOptions;
  /** Where a new, empty store can be made: a file path or a database URL. */
  freshTarget(): Promise<string>;
}

let server: Promise<PgTestServer | null> | undefined;

/** The test file's PostgreSQL server, started on first use; null when PostgreSQL tests cannot run here. */
export function pgTestServer(): Promise<PgTestServer | null> {
  server ??= startPgTestServer();
  return server;
}

export async function stopPgTestServer(): Promise<void> {
  const running = await server;
  server = undefined;
  await running?.stop();
}

async function freshDatabase(): Promise<string> {
  const running = await pgTestServer();
  if (!running) throw new Error("no PostgreSQL test server");
  return running.freshDatabase();
}

export const BACKENDS: readonly TestBackend[] = [
  {
    name: "sqlite",
    kind: "sqlite",
    available: true,
    options: {},
    freshTarget: async () => join(tmpDir(), "nested", "sitrep.db"),
  },
  {
    name: "postgres",
    kind: "postgres",
    available: canTestPostgres(),
    options: {},
    freshTarget: freshDatabase,
  },
  {
    name: "postgres, spatial plain",
    kind: "postgres",
    available: canTestPostgres(),
    options: { spatial: "plain" },
    freshTarget: freshDatabase,
  },
];

/** A new, empty store of the backend. */
export async function freshStore(backend: TestBackend, options: OpenStoreOptions = {}): Promise<Store> {
  return openStore(await backend.freshTarget(), { ...backend.options, ...options });
}

/** The StoreError a promise rejects with (fails the test when it resolves). */
export async function rejection(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected the store call to fail");
}
