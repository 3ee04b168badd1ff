import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import {
  canonicalUrl,
  contentHash,
  defaultStorePath,
  openStore,
  type PutMeta,
  type StoreError,
} from "../../src/store/index.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import { analyseFile, EXAMPLE_HTML, EXAMPLE_TXT, tmpDir } from "./helpers.js";

let html: { record: AnalysisRecord; meta: PutMeta };
let txt: { record: AnalysisRecord; meta: PutMeta };

beforeAll(() => {
  html = analyseFile(EXAMPLE_HTML, "html");
  txt = analyseFile(EXAMPLE_TXT, "text");
});

function freshStorePath(): string {
  return join(tmpDir(), "nested", "sitrep.db");
}

function storeError(work: () => unknown): StoreError {
  try {
    work();
  } catch (error) {
    return error as StoreError;
  }
  throw new Error("expected a StoreError");
}

describe("store: identity", () => {
  it.each([
    ["https://Example.COM/a/b?utm_source=x&id=3#top", "https://example.com/a/b?id=3"],
    ["https://example.com/a?utm_medium=m&utm_campaign=c", "https://example.com/a"],
    ["http://example.com/a?q=a%20b", "http://example.com/a?q=a%20b"],
    ["ftp://example.com/a", null],
    ["not a url", null],
    [null, null],
  ])("store: canonicalUrl(%s) = %s", (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it("store: contentHash is the SHA-256 of the decoded content", () => {
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("store: the default path is --db, else $SITREP_DB, else ./sitrep.db", () => {
    expect(defaultStorePath("/x/a.db", { SITREP_DB: "/y/b.db" })).toBe("/x/a.db");
    expect(defaultStorePath(undefined, { SITREP_DB: "/y/b.db" })).toBe("/y/b.db");
    expect(defaultStorePath(undefined, {})).toBe(join(process.cwd(), "sitrep.db"));
  });
});

describe("store: sqlite", () => {
  it("store: creates the file (and its folder) on first use, in WAL mode, at schema version 1", () => {
    const path = freshStorePath();
    const store = openStore(path);
    store.close();
    expect(existsSync(path)).toBe(true);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(raw.prepare("SELECT max(version) FROM schema_version").pluck().get()).toBe(MIGRATIONS.length);
    raw.close();
  });

  it("store: the same article twice is unchanged; a new content hash under the same URL is revision 2", () => {
    const store = openStore(freshStorePath());
    const first = store.putAnalysis(html.record, html.meta);
    expect(first).toEqual({ status: "ingested", articleId: first.articleId, revision: 1 });
    expect(store.putAnalysis(html.record, html.meta)).toEqual({ ...first, status: "unchanged" });
    const edited: AnalysisRecord = {
      ...html.record,
      article: { ...html.record.article, title: "Militants attack army post near Menaka (updated)" },
    };
    const second = store.putAnalysis(edited, { ...html.meta, contentHash: contentHash("edited") });
    expect(second).toEqual({ status: "revised", articleId: first.articleId, revision: 2 });
    expect(store.counts()).toEqual({ articles: 1, revisions: 2, events: html.record.events.length });
    const article = store.getArticle(first.articleId);
    expect(article?.revision).toBe(2);
    expect(article?.record.article.title).toBe("Militants attack army post near Menaka (updated)");
    expect(article?.revisions.map((r) => r.revision)).toEqual([1, 2]);
    // An old version seen again changes nothing.
    expect(store.putAnalysis(html.record, html.meta)).toEqual({ ...first, status: "unchanged" });
    expect(store.search("updated").map((h) => h.kind)).toEqual(["article"]);
    store.close();
  });

  it("store: without a URL, a changed file at the same path is a revision; other content is a new article", () => {
    const store = openStore(freshStorePath());
    expect(txt.meta.canonicalUrl).toBeNull();
    const first = store.putAnalysis(txt.record, txt.meta);
    const again = store.putAnalysis(txt.record, { ...txt.meta, contentHash: contentHash("changed") });
    expect(again).toEqual({ status: "revised", articleId: first.articleId, revision: 2 });
    const other = store.putAnalysis(
      { ...txt.record, input: "-" },
      { ...txt.meta, contentHash: contentHash("stdin") },
    );
    expect(other.status).toBe("ingested");
    expect(other.articleId).not.toBe(first.articleId);
  });

  it("store: markSeen finds stored content by hash and nothing else", () => {
    const store = openStore(freshStorePath());
    const put = store.putAnalysis(txt.record, txt.meta);
    expect(store.markSeen(txt.meta.contentHash)).toEqual({ articleId: put.articleId, revision: 1 });
    expect(store.markSeen(contentHash("never stored"))).toBeNull();
    store.close();
  });

  it("store: full-text search finds a word of an event's evidence, with diacritics and stems folded", () => {
    const store = openStore(freshStorePath());
    store.putAnalysis(html.record, html.meta);
    store.putAnalysis(txt.record, txt.meta);
    const hits = store.search("motorcycles");
    expect(hits.some((h) => h.kind === "event" && h.ref === "e2")).toBe(true);
    expect(hits[0]?.snippet).toContain("[motorcycles]");
    expect(store.search("Ménaka").length).toBeGreaterThan(0);
    expect(store.search("kill").some((h) => h.title.includes("Raqqa"))).toBe(true);
    // Not valid FTS5 syntax: searched as plain words instead of failing.
    expect(() => store.search('army "post')).not.toThrow();
    expect(store.search("U.S.-backed")).toEqual(expect.any(Array));
    expect(store.search("   ")).toEqual([]);
    store.close();
  });

  it("store: events filter by date range, country, admin1, bbox, type, actor, certainty, source", () => {
    const store = openStore(freshStorePath());
    const a = store.putAnalysis(html.record, html.meta).articleId;
    store.putAnalysis(txt.record, txt.meta);
    const all = store.listEvents();
    expect(all.length).toBe(html.record.events.length + txt.record.events.length);
    const ids = (filter: Parameters<typeof store.listEvents>[0]) =>
      store.listEvents(filter).map((e) => `${e.article_id}:${e.event_id}`);
    expect(ids({ from: "2024-05-05", to: "2024-05-05" })).toContain(`${a}:e1`);
    expect(ids({ from: "2024-03-12", to: "2024-03-12" }).every((id) => !id.startsWith(`${a}:`))).toBe(true);
    expect(ids({ country: "ml" })).toEqual([`${a}:e1`]);
    expect(ids({ admin1: "ménaka" })).toEqual([`${a}:e1`]);
    expect(ids({ bbox: [2, 15, 3, 16] })).toEqual([`${a}:e1`]);
    expect(ids({ bbox: [170, 15, 3, 16] })).toEqual([`${a}:e1`]); // across the antimeridian
    expect(ids({ bbox: [10, 10, 11, 11] })).toEqual([]);
    expect(ids({ type: "armed clash", articleId: a })).toEqual([`${a}:e1`]);
    expect(ids({ actor: "Unidentified militants", articleId: a })).toEqual([`${a}:e1`]);
    expect(ids({ certainty: "claimed" })).toEqual([`${a}:e3`]);
    expect(ids({ source: "valley courier" }).length).toBe(html.record.events.length);
    expect(ids({ source: "security officials" })).toEqual([`${a}:e1`]);
    expect(store.listEvents({ occurredOnly: true }).every((e) => !e.background && !e.negated)).toBe(true);
    const e1 = store.listEvents({ country: "ML" })[0];
    expect(e1).toMatchObject({
      event_type: "Battles",
      sub_event_type: "Armed clash",
      time_precision: 1,
      geo_precision: 1,
      location: "Ménaka",
      source: "The Valley Courier",
    });
    expect(e1?.notes).toContain("killing at least four soldiers");
    store.close();
  });

  it("store: one article is one transaction: a put that fails half-way leaves nothing behind", () => {
    const store = openStore(freshStorePath());
    const [place] = html.record.places;
    if (!place) throw new Error("the example has places");
    const broken = { ...html.record, places: [place, place] }; // a duplicate key fails after the article row
    expect(() => store.putAnalysis(broken, html.meta)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(store.counts()).toEqual({ articles: 0, revisions: 0, events: 0 });
    expect(store.search("motorcycles")).toEqual([]);
    store.close();
  });

  it("store: a read-only store can be read but not written", () => {
    const path = freshStorePath();
    const writer = openStore(path);
    writer.putAnalysis(txt.record, txt.meta);
    writer.close();
    const reader = openStore(path, { readonly: true });
    expect(reader.counts().articles).toBe(1);
    reader.close();
  });
});

describe("store: errors", () => {
  it("store: a store from a newer sitrep says so", () => {
    const path = freshStorePath();
    openStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', '')").run();
    raw.close();
    const error = storeError(() => openStore(path));
    expect(error.code).toBe("store/newer-version");
    expect(error.message).toMatch(/made by a newer sitrep \(schema version 99; this sitrep knows up to 1\)/);
  });

  it("store: a read-only file says so (even for root), and still opens with readonly", () => {
    const path = freshStorePath();
    openStore(path).close();
    chmodSync(path, 0o444);
    const error = storeError(() => openStore(path));
    expect(error.code).toBe("store/read-only");
    expect(error.message).toMatch(/is read-only/);
    const reader = openStore(path, { readonly: true });
    expect(reader.counts().articles).toBe(0);
    reader.close();
  });

  it("store: a corrupt file (random bytes) says so", () => {
    const path = join(tmpDir(), "corrupt.db");
    writeFileSync(path, randomBytes(8192));
    const error = storeError(() => openStore(path));
    expect(error.code).toBe("store/corrupt");
    expect(error.message).toMatch(/corrupt or not an SQLite database/);
  });

  it("store: an SQLite file of another program is not a sitrep store", () => {
    const path = join(tmpDir(), "other.db");
    const raw = new Database(path);
    raw.exec("CREATE TABLE notes (x)");
    raw.close();
    expect(storeError(() => openStore(path)).code).toBe("store/not-a-store");
  });

  it("store: a missing store opened read-only says to ingest first", () => {
    const error = storeError(() => openStore(join(tmpDir(), "missing.db"), { readonly: true }));
    expect(error.code).toBe("store/not-found");
  });

  it("store: a store locked by another writer says so after the busy timeout", () => {
    const path = freshStorePath();
    openStore(path).close();
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const error = storeError(() => {
        const store = openStore(path, { busyTimeoutMs: 50 });
        try {
          store.putAnalysis(txt.record, txt.meta);
        } finally {
          store.close();
        }
      });
      expect(error.code).toBe("store/locked");
      expect(error.message).toMatch(/is locked: another process is writing to it/);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    const store = openStore(path);
    expect(store.putAnalysis(txt.record, txt.meta).status).toBe("ingested");
    store.close();
  });
});

describe("store: migrations", () => {
  it("store: a newer sitrep opens an older store, migrating it and keeping its articles", () => {
    const path = freshStorePath();
    const [first] = MIGRATIONS;
    if (!first) throw new Error("no migrations");
    const old = openSqliteStore(path, { migrations: [first] });
    const put = old.putAnalysis(txt.record, txt.meta);
    old.close();
    const next = {
      version: 2,
      name: "test: add a column",
      sql: "ALTER TABLE articles ADD COLUMN note TEXT;",
    };
    const upgraded = openSqliteStore(path, { migrations: [first, next] });
    expect(upgraded.getArticle(put.articleId)?.record.article.title).toBe(txt.record.article.title);
    upgraded.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare("SELECT version FROM schema_version ORDER BY version").pluck().all()).toEqual([1, 2]);
    raw.close();
  });

  it("store: a read-only open of an older store asks for an upgrade instead of migrating", () => {
    const path = freshStorePath();
    const [first] = MIGRATIONS;
    if (!first) throw new Error("no migrations");
    openSqliteStore(path, { migrations: [first] }).close();
    const next = { version: 2, name: "test", sql: "CREATE TABLE t (x);" };
    const error = storeError(() => openSqliteStore(path, { readonly: true, migrations: [first, next] }));
    expect(error.code).toBe("store/needs-upgrade");
  });
});
