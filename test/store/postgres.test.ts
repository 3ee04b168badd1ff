/**
 * What only the PostgreSQL store does: servers that cannot be reached, schemas it must not touch, its
 * migrations (under an advisory lock), PostGIS or plain spatial filtering, many writers at once, and the CLI
 * pointed at a URL. The store contract every backend keeps is in contract.test.ts.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import { runIngest } from "../../src/cli/ingest.js";
import { EXIT } from "../../src/cli/io.js";
import { runSearch } from "../../src/cli/search.js";
import { contentHash, openStore, type PutMeta, type Store } from "../../src/store/index.js";
import { PG_MIGRATIONS, sqlMigration } from "../../src/store/migrations-pg/index.js";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres.js";
import { captureIo } from "../helpers/io.js";
import { canTestPostgres, PG_SKIP_MESSAGE, type PgTestServer } from "../helpers/pg-cluster.js";
import { PG_START_TIMEOUT_MS, pgTestServer, rejection, stopPgTestServer } from "./backends.js";
import { analyseFile, EXAMPLE_HTML, EXAMPLE_TXT } from "./helpers.js";

/** How long to wait for a blocked statement to show up in pg_locks. */
const BLOCKED_WAIT_MS = 10_000;
const POLL_MS = 20;
/** Concurrent puts of the same article in the race tests. */
const RACERS = 8;

const HAS_PG = canTestPostgres();
if (!HAS_PG) console.info(PG_SKIP_MESSAGE);

let server: PgTestServer;
let html: { record: AnalysisRecord; meta: PutMeta };
let txt: { record: AnalysisRecord; meta: PutMeta };
const opened: Store[] = [];

/** Open a store and close it after the file. */
async function open(
  url: string,
  options: Parameters<typeof openPostgresStore>[1] = {},
): Promise<PostgresStore> {
  const store = await openPostgresStore(url, options);
  opened.push(store);
  return store;
}

/** A plain connection to the database, for looking behind the store's back. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A 127.0.0.1 port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Wait until some statement of the database waits for a lock. */
async function untilBlocked(client: pg.Client): Promise<void> {
  const deadline = Date.now() + BLOCKED_WAIT_MS;
  while (Date.now() < deadline) {
    const waiting = await client.query(
      "SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()",
    );
    if (waiting.rowCount) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error("no statement blocked");
}

describe.skipIf(!HAS_PG)("store: postgres", () => {
  beforeAll(async () => {
    const started = await pgTestServer();
    if (!started) throw new Error(PG_SKIP_MESSAGE);
    server = started;
    html = analyseFile(EXAMPLE_HTML, "html");
    txt = analyseFile(EXAMPLE_TXT, "text");
    if (!server.postgisAvailable)
      console.info(
        "store: postgres: PostGIS is not installed on the test server (apt-get install postgresql-postgis): only the plain spatial mode is tested",
      );
  }, PG_START_TIMEOUT_MS);

  afterAll(async () => {
    for (const store of opened) await store.close();
    await stopPgTestServer();
  }, PG_START_TIMEOUT_MS);

  describe("store: postgres: opening", () => {
    it("store: an unreachable server is a StoreError that names it, without the password", async () => {
      const port = await closedPort();
      const error = await rejection(openStore(`postgres://sitrep:s3cret@127.0.0.1:${port}/events`));
      expect(error.code).toBe("store/unreachable");
      expect(error.message).toMatch(
        new RegExp(
          `cannot reach the PostgreSQL server of postgres://sitrep:\\*\\*\\*@127\\.0\\.0\\.1:${port}/events`,
        ),
      );
      expect(error.message).toMatch(/is it running, and are the host and port right\?/);
      expect(error.message).not.toContain("s3cret");
      expect((error as { path?: string }).path).not.toContain("s3cret");
    });

    it("store: a database that does not exist says so and how to create it", async () => {
      const url = new URL(server.adminUrl);
      url.pathname = `/missing_${randomBytes(4).toString("hex")}`;
      const error = await rejection(openStore(url.toString()));
      expect(error.code).toBe("store/not-found");
      expect(error.message).toMatch(/database "missing_[0-9a-f]+" does not exist .*create it \(createdb\)/);
    });

    it("store: a new database gets the schema sitrep at the latest version, in one place", async () => {
      const url = await server.freshDatabase();
      const store = await open(url);
      expect(store.backend).toBe("postgres");
      expect(store.path).toBe(url);
      await withClient(url, async (client) => {
        const versions = await client.query(
          "SELECT version, name FROM sitrep.schema_version ORDER BY version",
        );
        expect(versions.rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
        const publicTables = await client.query(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'spatial_ref_sys'",
        );
        expect(publicTables.rows).toEqual([]);
      });
    });

    it("store: a store from a newer sitrep says so", async () => {
      const url = await server.freshDatabase();
      await (await openStore(url)).close();
      await withClient(url, (c) =>
        c.query("INSERT INTO sitrep.schema_version (version, name) VALUES (99, 'future')"),
      );
      const error = await rejection(openStore(url));
      expect(error.code).toBe("store/newer-version");
      expect(error.message).toMatch(
        /made by a newer sitrep \(schema version 99; this sitrep knows up to 1\)/,
      );
      expect((await rejection(openStore(url, { readonly: true }))).code).toBe("store/newer-version");
    });

    it("store: a schema named sitrep that another program made is not a sitrep store", async () => {
      const url = await server.freshDatabase();
      await withClient(url, (c) => c.query("CREATE SCHEMA sitrep; CREATE TABLE sitrep.notes (x text)"));
      const error = await rejection(openStore(url));
      expect(error.code).toBe("store/not-a-store");
      expect(error.message).toMatch(/holds tables that are not a sitrep store/);
    });

    it("store: the store shares its database: other schemas are left alone", async () => {
      const url = await server.freshDatabase();
      await withClient(url, (c) =>
        c.query("CREATE TABLE public.articles (mine text); INSERT INTO public.articles VALUES ('x')"),
      );
      const store = await open(url);
      await store.putAnalysis(txt.record, txt.meta);
      expect((await store.counts()).articles).toBe(1);
      const mine = await withClient(url, (c) => c.query("SELECT mine FROM public.articles"));
      expect(mine.rows).toEqual([{ mine: "x" }]);
    });
  });

  describe("store: postgres: migrations", () => {
    it("store: a newer sitrep opens an older store, migrating it and keeping its articles", async () => {
      const url = await server.freshDatabase();
      const [first] = PG_MIGRATIONS;
      if (!first) throw new Error("no migrations");
      const old = await openPostgresStore(url, { migrations: [first] });
      const put = await old.putAnalysis(txt.record, txt.meta);
      await old.close();
      const next = sqlMigration(2, "test: add a column", "ALTER TABLE sitrep.articles ADD COLUMN note text");
      const error = await rejection(openPostgresStore(url, { readonly: true, migrations: [first, next] }));
      expect(error.code).toBe("store/needs-upgrade");
      const upgraded = await open(url, { migrations: [first, next] });
      expect((await upgraded.getArticle(put.articleId))?.record.article.title).toBe(txt.record.article.title);
      const versions = await withClient(url, (c) =>
        c.query("SELECT version FROM sitrep.schema_version ORDER BY version"),
      );
      expect(versions.rows.map((r) => r.version)).toEqual([1, 2]);
    });

    it("store: a migration that fails leaves the store as it was", async () => {
      const url = await server.freshDatabase();
      const [first] = PG_MIGRATIONS;
      if (!first) throw new Error("no migrations");
      await (await openPostgresStore(url, { migrations: [first] })).close();
      const broken = sqlMigration(
        2,
        "test: broken",
        "ALTER TABLE sitrep.articles ADD COLUMN note text; SELECT 1/0",
      );
      await expect(openPostgresStore(url, { migrations: [first, broken] })).rejects.toThrow(
        /division by zero/,
      );
      const columns = await withClient(url, (c) =>
        c.query(
          "SELECT 1 FROM information_schema.columns WHERE table_schema = 'sitrep' AND column_name = 'note'",
        ),
      );
      expect(columns.rowCount).toBe(0);
      expect((await open(url, { migrations: [first] })).backend).toBe("postgres");
    });

    it("store: many processes opening a new database at once migrate it once", async () => {
      const url = await server.freshDatabase();
      const stores = await Promise.all(Array.from({ length: 4 }, () => open(url)));
      expect(stores.map((s) => s.spatial)).toEqual(stores.map(() => stores[0]?.spatial));
      const versions = await withClient(url, (c) => c.query("SELECT version FROM sitrep.schema_version"));
      expect(versions.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    });
  });

  describe("store: postgres: spatial", () => {
    it("store: PostGIS is used where the server has it, and the mode says so", async () => {
      const url = await server.freshDatabase();
      const store = await open(url);
      expect(store.spatial).toBe(server.postgisAvailable ? "postgis" : "plain");
      await store.putAnalysis(html.record, html.meta);
      const located = html.record.events.filter((e) => e.location?.lat != null).length;
      await withClient(url, async (c) => {
        const geom = await c.query(
          "SELECT 1 FROM information_schema.columns WHERE table_schema = 'sitrep' AND table_name = 'events' AND column_name = 'geom'",
        );
        expect(geom.rowCount).toBe(store.spatial === "postgis" ? 1 : 0);
        const index = await c.query(
          "SELECT indexdef FROM pg_indexes WHERE schemaname = 'sitrep' AND indexname IN ('events_geom', 'events_latlon')",
        );
        expect(index.rows[0]?.indexdef).toMatch(
          store.spatial === "postgis" ? /USING gist \(geom\)/ : /\(latitude, longitude\)/,
        );
        if (store.spatial === "postgis") {
          const points = await c.query("SELECT count(*)::int AS n FROM sitrep.events WHERE geom IS NOT NULL");
          expect(points.rows[0]?.n).toBe(located);
        }
      });
      expect((await store.listEvents({ bbox: [2, 15, 3, 16] })).map((e) => e.event_id)).toEqual(["e1"]);
    });

    it("store: spatial plain never uses PostGIS, and a store keeps the mode it was created with", async () => {
      const url = await server.freshDatabase();
      const plain = await open(url, { spatial: "plain" });
      expect(plain.spatial).toBe("plain");
      await plain.close();
      expect((await open(url)).spatial).toBe("plain");
    });

    it("store: search folds accents where the server has unaccent", async () => {
      const store = await open(await server.freshDatabase());
      expect(store.accentFolding).toBe(true);
      await store.putAnalysis(html.record, html.meta);
      expect((await store.search("Menaka")).length).toBeGreaterThan(0);
    });
  });

  describe("store: postgres: many writers", () => {
    it("store: the same article stored by several processes at once is stored once", async () => {
      const url = await server.freshDatabase();
      const [a, b] = [await open(url), await open(url)];
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) => (i % 2 === 0 ? a : b).putAnalysis(html.record, html.meta)),
      );
      expect(results.filter((r) => r.status === "ingested")).toHaveLength(1);
      expect(results.filter((r) => r.status === "unchanged")).toHaveLength(RACERS - 1);
      expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
      expect(await a.counts()).toEqual({ articles: 1, revisions: 1, events: html.record.events.length });
    });

    it("store: new versions of one URL stored at once become consecutive revisions", async () => {
      const url = await server.freshDatabase();
      const [a, b] = [await open(url), await open(url)];
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          (i % 2 === 0 ? a : b).putAnalysis(html.record, {
            ...html.meta,
            contentHash: contentHash(`version ${i}`),
          }),
        ),
      );
      expect(results.filter((r) => r.status === "ingested")).toHaveLength(1);
      expect(results.map((r) => r.revision).sort((x, y) => x - y)).toEqual(
        Array.from({ length: RACERS }, (_, i) => i + 1),
      );
      expect(await b.counts()).toEqual({ articles: 1, revisions: RACERS, events: html.record.events.length });
    });

    it("store: the same content under two URLs stored at once is one article (the loser retries and finds it)", async () => {
      const url = await server.freshDatabase();
      const [a, b] = [await open(url), await open(url)];
      const results = await Promise.all([
        a.putAnalysis(html.record, { ...html.meta, canonicalUrl: "https://one.example/a" }),
        b.putAnalysis(html.record, { ...html.meta, canonicalUrl: "https://two.example/a" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["ingested", "unchanged"]);
      expect(await a.counts()).toMatchObject({ articles: 1, revisions: 1 });
    });

    it("store: a put is invisible to readers until it is whole", async () => {
      const url = await server.freshDatabase();
      const writer = await open(url);
      const reader = await open(url);
      await withClient(url, async (blocker) => {
        await blocker.query("BEGIN");
        // Let the put write its article and revision rows, then wait at the search documents.
        await blocker.query("LOCK TABLE sitrep.search_docs IN EXCLUSIVE MODE");
        const put = writer.putAnalysis(html.record, html.meta);
        await untilBlocked(blocker);
        expect(await reader.counts()).toEqual({ articles: 0, revisions: 0, events: 0 });
        expect(await reader.getArticle(1)).toBeNull();
        await blocker.query("COMMIT");
        expect((await put).status).toBe("ingested");
      });
      expect(await reader.counts()).toEqual({ articles: 1, revisions: 1, events: html.record.events.length });
    });

    it("store: a writer kept waiting past the lock timeout gets store/locked, and the store stays usable", async () => {
      const url = await server.freshDatabase();
      const store = await open(url, { busyTimeoutMs: 100 });
      await withClient(url, async (blocker) => {
        await blocker.query("BEGIN");
        await blocker.query("LOCK TABLE sitrep.articles IN ACCESS EXCLUSIVE MODE");
        const error = await rejection(store.putAnalysis(txt.record, txt.meta));
        expect(error.code).toBe("store/locked");
        expect(error.message).toMatch(/is locked: another process is writing/);
        await blocker.query("ROLLBACK");
      });
      expect((await store.putAnalysis(txt.record, txt.meta)).status).toBe("ingested");
    });
  });

  describe("store: postgres: the CLI", () => {
    it("cli: ingest and search take a postgres:// URL (--db or $SITREP_DB) and never print its password", async () => {
      const url = new URL(await server.freshDatabase());
      url.password = "unused-secret"; // trust authentication ignores it; it must not be printed
      const io = captureIo();
      expect(await runIngest({ inputs: [EXAMPLE_HTML, EXAMPLE_TXT], db: url.toString() }, io)).toBe(EXIT.ok);
      expect(io.err()).toMatch(
        /2 documents in .* into postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/sitrep_test_\w+: 2 ingested/,
      );
      expect(io.err()).not.toContain("unused-secret");
      const search = captureIo();
      expect(
        await runSearch(
          { query: "motorcycles", format: "jsonl", env: { SITREP_DB: url.toString() } },
          search,
        ),
      ).toBe(EXIT.ok);
      const hits = search
        .out()
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(hits[0]?.snippet).toContain("[motorcycles]");
    });

    it("cli: an unreachable server exits 4 with the store's message", async () => {
      const io = captureIo();
      const db = `postgres://127.0.0.1:${await closedPort()}/events`;
      expect(await runIngest({ inputs: [EXAMPLE_TXT], db }, io)).toBe(EXIT.store);
      expect(io.err()).toMatch(/^sitrep ingest: cannot reach the PostgreSQL server .*\[store\/unreachable\]/);
    });
  });
});
