/**
 * The store contract, run against every backend (`backends.ts`): SQLite, PostgreSQL as it chooses (PostGIS
 * where the server has it) and PostgreSQL with plain spatial filtering. Backend-specific behaviour (file
 * locking, permissions, corrupt files; unreachable servers, advisory locks) is in sqlite.test.ts and
 * postgres.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import {
  canonicalUrl,
  contentHash,
  defaultStorePath,
  type EventFilter,
  isPostgresUrl,
  openStore,
  type PutMeta,
  redactUrl,
  type Store,
} from "../../src/store/index.js";
import { PG_SKIP_MESSAGE } from "../helpers/pg-cluster.js";
import {
  BACKENDS,
  freshStore,
  PG_START_TIMEOUT_MS,
  pgTestServer,
  rejection,
  stopPgTestServer,
} from "./backends.js";
import { analyseFile, EXAMPLE_HTML, EXAMPLE_TXT } from "./helpers.js";

const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let html: { record: AnalysisRecord; meta: PutMeta };
let txt: { record: AnalysisRecord; meta: PutMeta };

beforeAll(() => {
  html = analyseFile(EXAMPLE_HTML, "html");
  txt = analyseFile(EXAMPLE_TXT, "text");
});

afterAll(stopPgTestServer, PG_START_TIMEOUT_MS);

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

  it("store: the default store is --db, else $SITREP_DB, else ./sitrep.db; URLs are kept as given", () => {
    expect(defaultStorePath("/x/a.db", { SITREP_DB: "/y/b.db" })).toBe("/x/a.db");
    expect(defaultStorePath(undefined, { SITREP_DB: "/y/b.db" })).toBe("/y/b.db");
    expect(defaultStorePath(undefined, {})).toBe(`${process.cwd()}/sitrep.db`);
    const url = "postgres://sitrep:secret@db.example:5433/events";
    expect(defaultStorePath(undefined, { SITREP_DB: url })).toBe(url);
    expect(defaultStorePath("postgresql://db.example/events", {})).toBe("postgresql://db.example/events");
  });

  it.each([
    ["postgres://u@h/d", true],
    ["postgresql://u:p@h:5432/d?sslmode=require", true],
    ["POSTGRES://h/d", true],
    ["./postgres.db", false],
    ["/var/lib/sitrep/postgres://x", false],
    ["sqlite://x", false],
  ])("store: isPostgresUrl(%s) = %s", (target, expected) => {
    expect(isPostgresUrl(target)).toBe(expected);
  });

  it.each([
    ["postgres://sitrep:s3cret@db.example:5433/events", "postgres://sitrep:***@db.example:5433/events"],
    [
      "postgres://db.example/events?password=s3cret&sslmode=require",
      "postgres://db.example/events?password=***&sslmode=require",
    ],
    ["postgres://sitrep@db.example/events", "postgres://sitrep@db.example/events"],
    ["postgres://sitrep:s3cret@db.example:port/events", "postgres://sitrep:***@db.example:port/events"],
  ])("store: redactUrl(%s) hides the password", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it("store: a PostgreSQL URL that cannot be read is a StoreError that shows it without the password", async () => {
    const error = await rejection(openStore("postgres://sitrep:s3cret@db.example:port/events"));
    expect(error.code).toBe("store/bad-url");
    expect(error.message).toMatch(
      /^cannot read the PostgreSQL URL postgres:\/\/sitrep:\*\*\*@db\.example:port\/events/,
    );
    expect(error.message).not.toContain("s3cret");
  });
});

describe.each(BACKENDS)("store: $name", (backend) => {
  if (!backend.available) {
    it.skip(`store: ${backend.name}: ${PG_SKIP_MESSAGE}`, () => {});
    console.info(`store: ${backend.name}: ${PG_SKIP_MESSAGE}`);
    return;
  }
  const stores: Store[] = [];
  /** A new, empty store, closed after the test file. */
  const fresh = async (options = {}) => {
    const store = await freshStore(backend, options);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    if (backend.kind === "postgres") await pgTestServer();
  }, PG_START_TIMEOUT_MS);

  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  it("store: openStore opens this backend", async () => {
    const store = await fresh();
    expect(store.backend).toBe(backend.kind);
    expect(await store.counts()).toEqual({ articles: 0, revisions: 0, events: 0 });
  });

  it("store: the same article twice is unchanged; a new content hash under the same URL is revision 2", async () => {
    const store = await fresh();
    const first = await store.putAnalysis(html.record, html.meta);
    expect(first).toEqual({ status: "ingested", articleId: first.articleId, revision: 1 });
    expect(await store.putAnalysis(html.record, html.meta)).toEqual({ ...first, status: "unchanged" });
    const edited: AnalysisRecord = {
      ...html.record,
      article: { ...html.record.article, title: "Militants attack army post near Menaka (updated)" },
    };
    const second = await store.putAnalysis(edited, { ...html.meta, contentHash: contentHash("edited") });
    expect(second).toEqual({ status: "revised", articleId: first.articleId, revision: 2 });
    expect(await store.counts()).toEqual({ articles: 1, revisions: 2, events: html.record.events.length });
    const article = await store.getArticle(first.articleId);
    expect(article?.revision).toBe(2);
    expect(article?.contentHash).toBe(contentHash("edited"));
    expect(article?.record.article.title).toBe("Militants attack army post near Menaka (updated)");
    expect(article?.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(article?.revisions[0]?.contentHash).toBe(html.meta.contentHash);
    expect(article?.revisions[0]?.created).toMatch(ISO_TIMESTAMP);
    expect(article?.firstSeen).toMatch(ISO_TIMESTAMP);
    expect(article?.lastSeen).toMatch(ISO_TIMESTAMP);
    // An old version seen again changes nothing.
    expect(await store.putAnalysis(html.record, html.meta)).toEqual({ ...first, status: "unchanged" });
    expect((await store.search("updated")).map((h) => h.kind)).toEqual(["article"]);
    // The revision's layers replaced the first's: no event is stored twice.
    expect((await store.listEvents({ articleId: first.articleId })).length).toBe(html.record.events.length);
  });

  it("store: the stored record reads back as it was put, keys in their order", async () => {
    const store = await fresh();
    const put = await store.putAnalysis(html.record, html.meta);
    const article = await store.getArticle(put.articleId);
    expect(JSON.stringify(article?.record)).toBe(JSON.stringify(html.record));
    expect(article?.canonicalUrl).toBe(html.meta.canonicalUrl);
    expect(await store.getArticle(put.articleId + 1000)).toBeNull();
  });

  it("store: without a URL, a changed file at the same path is a revision; other content is a new article", async () => {
    const store = await fresh();
    expect(txt.meta.canonicalUrl).toBeNull();
    const first = await store.putAnalysis(txt.record, txt.meta);
    const again = await store.putAnalysis(txt.record, { ...txt.meta, contentHash: contentHash("changed") });
    expect(again).toEqual({ status: "revised", articleId: first.articleId, revision: 2 });
    const other = await store.putAnalysis(
      { ...txt.record, input: "-" },
      { ...txt.meta, contentHash: contentHash("stdin") },
    );
    expect(other.status).toBe("ingested");
    expect(other.articleId).not.toBe(first.articleId);
  });

  it("store: markSeen finds stored content by hash and nothing else", async () => {
    const store = await fresh();
    const put = await store.putAnalysis(txt.record, txt.meta);
    expect(await store.markSeen(txt.meta.contentHash)).toEqual({ articleId: put.articleId, revision: 1 });
    expect(await store.markSeen(contentHash("never stored"))).toBeNull();
  });

  it("store: listArticles pages through the articles, newest first", async () => {
    const store = await fresh();
    const a = await store.putAnalysis(html.record, html.meta);
    const b = await store.putAnalysis(txt.record, txt.meta);
    expect((await store.listArticles()).map((x) => x.id)).toEqual([b.articleId, a.articleId]);
    expect((await store.listArticles({ limit: 1 })).map((x) => x.id)).toEqual([b.articleId]);
    const second = await store.listArticles({ limit: 1, offset: 1 });
    expect(second.map((x) => x.id)).toEqual([a.articleId]);
    expect(second[0]?.record.article.title).toBe(html.record.article.title);
    expect(await store.listArticles({ offset: 2 })).toEqual([]);
  });

  it("store: full-text search finds a word of an event's evidence, with diacritics and stems folded", async () => {
    const store = await fresh();
    await store.putAnalysis(html.record, html.meta);
    await store.putAnalysis(txt.record, txt.meta);
    const hits = await store.search("motorcycles");
    expect(hits.some((h) => h.kind === "event" && h.ref === "e2")).toBe(true);
    expect(hits[0]?.snippet).toContain("[motorcycles]");
    expect(hits[0]?.url).toBe(html.meta.canonicalUrl);
    expect(hits.every((h, i) => i === 0 || (hits[i - 1]?.rank ?? 0) <= h.rank)).toBe(true);
    expect((await store.search("Ménaka")).length).toBeGreaterThan(0);
    const folds = store.backend === "sqlite" || (store as { accentFolding?: boolean }).accentFolding;
    if (folds) expect((await store.search("Menaka")).length).toBe((await store.search("Ménaka")).length);
    expect((await store.search("kill")).some((h) => h.title.includes("Raqqa"))).toBe(true);
    expect(await store.search("kill", { limit: 1 })).toHaveLength(1);
    // Not valid query syntax: searched as plain words instead of failing.
    await expect(store.search('army "post')).resolves.toEqual(expect.any(Array));
    await expect(store.search("U.S.-backed")).resolves.toEqual(expect.any(Array));
    expect(await store.search("   ")).toEqual([]);
    expect(await store.search("zeppelin")).toEqual([]);
  });

  it("store: events filter by date range, country, admin1, bbox, type, actor, certainty, source", async () => {
    const store = await fresh();
    const a = (await store.putAnalysis(html.record, html.meta)).articleId;
    await store.putAnalysis(txt.record, txt.meta);
    const all = await store.listEvents();
    expect(all.length).toBe(html.record.events.length + txt.record.events.length);
    const ids = async (filter: EventFilter) =>
      (await store.listEvents(filter)).map((e) => `${e.article_id}:${e.event_id}`);
    expect(await ids({ from: "2024-05-05", to: "2024-05-05" })).toContain(`${a}:e1`);
    expect((await ids({ from: "2024-03-12", to: "2024-03-12" })).every((id) => !id.startsWith(`${a}:`))).toBe(
      true,
    );
    expect(await ids({ country: "ml" })).toEqual([`${a}:e1`]);
    expect(await ids({ admin1: "ménaka" })).toEqual([`${a}:e1`]);
    expect(await ids({ bbox: [2, 15, 3, 16] })).toEqual([`${a}:e1`]);
    expect(await ids({ bbox: [170, 15, 3, 16] })).toEqual([`${a}:e1`]); // across the antimeridian
    expect(await ids({ bbox: [170, 15, -170, 16] })).toEqual([]);
    expect(await ids({ bbox: [10, 10, 11, 11] })).toEqual([]);
    expect(await ids({ type: "armed clash", articleId: a })).toEqual([`${a}:e1`]);
    expect(await ids({ type: "BATTLES", articleId: a })).toEqual([`${a}:e1`]);
    expect(await ids({ actor: "Unidentified militants", articleId: a })).toEqual([`${a}:e1`]);
    expect(await ids({ actor: "unidentified MILITANTS", articleId: a })).toEqual([`${a}:e1`]);
    expect(await ids({ certainty: "claimed" })).toEqual([`${a}:e3`]);
    expect((await ids({ source: "valley courier" })).length).toBe(html.record.events.length);
    expect(await ids({ source: "security officials" })).toEqual([`${a}:e1`]);
    const occurred = await store.listEvents({ occurredOnly: true });
    expect(occurred.length).toBeGreaterThan(0);
    expect(occurred.every((e) => !e.background && !e.negated)).toBe(true);
    expect(await store.listEvents({ limit: 1, offset: 0 })).toEqual(all.slice(0, 1));
    expect(await store.listEvents({ limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
    const dates = all.map((e) => e.event_date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true); // undated last
    const [e1] = await store.listEvents({ country: "ML" });
    expect(e1).toMatchObject({
      event_type: "Battles",
      sub_event_type: "Armed clash",
      time_precision: 1,
      geo_precision: 1,
      location: "Ménaka",
      iso: "ML",
      source: "The Valley Courier",
      background: false,
      negated: false,
      url: html.meta.canonicalUrl,
    });
    expect(typeof e1?.id).toBe("number");
    expect(typeof e1?.latitude).toBe("number");
    expect(e1?.notes).toContain("killing at least four soldiers");
  });

  it("store: one article is one transaction: a put that fails half-way leaves nothing behind", async () => {
    const store = await fresh();
    const [place] = html.record.places;
    if (!place) throw new Error("the example has places");
    const broken = { ...html.record, places: [place, place] }; // a duplicate key fails after the article row
    await expect(store.putAnalysis(broken, html.meta)).rejects.toThrow(/UNIQUE|PRIMARY KEY|duplicate key/i);
    expect(await store.counts()).toEqual({ articles: 0, revisions: 0, events: 0 });
    expect(await store.search("motorcycles")).toEqual([]);
    expect(await store.markSeen(html.meta.contentHash)).toBeNull();
    // The store is still usable, and the same article goes in whole.
    expect((await store.putAnalysis(html.record, html.meta)).status).toBe("ingested");
    expect((await store.listArticles()).map((x) => x.record.article.title)).toEqual([
      html.record.article.title,
    ]);
  });

  it("store: a store opened read-only can be read but not written", async () => {
    const target = await backend.freshTarget();
    const writer = await openStore(target, backend.options);
    await writer.putAnalysis(txt.record, txt.meta);
    await writer.close();
    const reader = await openStore(target, { ...backend.options, readonly: true });
    try {
      expect((await reader.counts()).articles).toBe(1);
      expect((await reader.search("Raqqa")).length).toBeGreaterThan(0);
      const error = await rejection(reader.putAnalysis(html.record, html.meta));
      expect(error.code).toBe("store/read-only");
    } finally {
      await reader.close();
    }
    await reader.close(); // twice is harmless
  });

  it("store: a store that does not exist yet, opened read-only, says to ingest first", async () => {
    const error = await rejection(
      openStore(await backend.freshTarget(), { ...backend.options, readonly: true }),
    );
    expect(error.code).toBe("store/not-found");
    expect(error.message).toMatch(/ingest something first/);
  });
});
