/**
 * What only the SQLite store does: a file (created with its folder, WAL mode), file permissions, corrupt and
 * foreign files, another writer's lock, and its migrations. The store contract every backend keeps is in
 * contract.test.ts.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import { openStore, type PutMeta } from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { rejection } from "./backends.js";
import { analyseFile, EXAMPLE_TXT, tmpDir } from "./helpers.js";

let txt: { record: AnalysisRecord; meta: PutMeta };

beforeAll(() => {
  txt = analyseFile(EXAMPLE_TXT, "text");
});

function freshStorePath(): string {
  return join(tmpDir(), "nested", "sitrep.db");
}

/** The StoreError of a synchronous open (openSqliteStore). */
function storeError(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected a StoreError");
}

describe("store: sqlite", () => {
  it("store: creates the file (and its folder) on first use, in WAL mode, at schema version 1", async () => {
    const path = freshStorePath();
    const store = await openStore(path);
    expect(store.path).toBe(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.prepare("SELECT max(version) FROM schema_version").pluck().get()).toBe(MIGRATIONS.length);
    raw.close();
  });
});

describe("store: errors", () => {
  it("store: a store from a newer sitrep says so", async () => {
    const path = freshStorePath();
    await (await openStore(path)).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', '')").run();
    raw.close();
    const error = await rejection(openStore(path));
    expect(error.code).toBe("store/newer-version");
    expect(error.message).toMatch(
      new RegExp(
        `made by a newer sitrep \\(schema version 99; this sitrep knows up to ${MIGRATIONS.length}\\)`,
      ),
    );
  });

  it("store: a read-only file says so (even for root), and still opens with readonly", async () => {
    const path = freshStorePath();
    await (await openStore(path)).close();
    chmodSync(path, 0o444);
    const error = await rejection(openStore(path));
    expect(error.code).toBe("store/read-only");
    expect(error.message).toMatch(/is read-only/);
    const reader = await openStore(path, { readonly: true });
    expect((await reader.counts()).articles).toBe(0);
    await reader.close();
  });

  it("store: a corrupt file (random bytes) says so", async () => {
    const path = join(tmpDir(), "corrupt.db");
    writeFileSync(path, randomBytes(8192));
    const error = await rejection(openStore(path));
    expect(error.code).toBe("store/corrupt");
    expect(error.message).toMatch(/corrupt or not an SQLite database/);
  });

  it("store: an SQLite file of another program is not a sitrep store", async () => {
    const path = join(tmpDir(), "other.db");
    const raw = new Database(path);
    raw.exec("CREATE TABLE notes (x)");
    raw.close();
    expect((await rejection(openStore(path))).code).toBe("store/not-a-store");
  });

  it("store: a store locked by another writer says so after the busy timeout", async () => {
    const path = freshStorePath();
    await (await openStore(path)).close();
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const error = await rejection(
        (async () => {
          const store = await openStore(path, { busyTimeoutMs: 50 });
          try {
            await store.putAnalysis(txt.record, txt.meta);
          } finally {
            await store.close();
          }
        })(),
      );
      expect(error.code).toBe("store/locked");
      expect(error.message).toMatch(/is locked: another process is writing to it/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    const store = await openStore(path);
    expect((await store.putAnalysis(txt.record, txt.meta)).status).toBe("ingested");
    await store.close();
  });
});

describe("store: migrations", () => {
  it("store: a newer sitrep opens an older store, migrating it and keeping its articles", async () => {
    const path = freshStorePath();
    const [first] = MIGRATIONS;
    if (!first) throw new Error("no migrations");
    const old = openSqliteStore(path, { migrations: [first] });
    const put = await old.putAnalysis(txt.record, txt.meta);
    await old.close();
    const next = {
      version: 2,
      name: "test: add a column",
      sql: "ALTER TABLE articles ADD COLUMN note TEXT;",
    };
    const upgraded = openSqliteStore(path, { migrations: [first, next] });
    expect((await upgraded.getArticle(put.articleId))?.record.article.title).toBe(txt.record.article.title);
    await upgraded.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all()).toEqual([1, 2]);
    raw.close();
  });

  it("store: a read-only open of an older store asks for an upgrade instead of migrating", async () => {
    const path = freshStorePath();
    const [first] = MIGRATIONS;
    if (!first) throw new Error("no migrations");
    await openSqliteStore(path, { migrations: [first] }).close();
    const next = { version: 2, name: "test", sql: "CREATE TABLE t (x);" };
    const error = storeError(() => openSqliteStore(path, { readonly: true, migrations: [first, next] }));
    expect(error.code).toBe("store/needs-upgrade");
  });
});
