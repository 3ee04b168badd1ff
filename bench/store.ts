/**
 * `npm run bench:store` — the store measured (issue #5): ingest rate end to end from HTML, store size per
 * article, map-view query latency over 100,000 events, FTS search latency, memory peak.
 *
 * 1. Ingest: the 181 extraction-benchmark pages repeated to N articles (default 10,000; `--articles N`).
 *    Each copy is a distinct article: its own URL (`https://example.invalid/<page>/<copy>`) and a trailing
 *    HTML comment with the copy number (a new content hash, the same analysis). Each copy goes through the
 *    path `ingestToStore` takes — decode the bytes, hash, `markSeen`, `analyze`, `toRecord`, `putAnalysis`
 *    (one transaction per article) — written out here because `ingestToStore` reads paths, and the
 *    store would take a page's own canonical URL over the copy's (every copy a "revision" of the first).
 *    Reported: articles/s end to end, and separately analysis-only and store-write-only rates.
 * 2. Map view: a fresh store with 100,000 synthetic events (`--events N`): 10,000 records of 10 events each,
 *    made from the analysed pages with dates spread over 2023–2025 and coordinates jittered by ±1°, put
 *    through `putAnalysis`. Then 200 map-view queries via `listEvents` (a random bbox of 3–6° around an
 *    event, a 30-day date range, an event type half the time) and 200 FTS `search` queries: p50/p99 ms.
 * 3. Memory: peak RSS (`process.resourceUsage().maxRSS`) and peak V8 heap (sampled) over the whole run.
 *
 * Targets (what a laptop user needs; printed with MET/MISS):
 * - ingest ≥ 25 articles/s on a 2-core laptop: 10,000 articles (a day of several busy feeds) in < 7 minutes;
 * - store ≤ 50 KB per article: a million articles (years of feeds) in ≤ 50 GB, one laptop disk;
 * - map query p99 ≤ 50 ms over 100k events: panning/filtering an interactive map stays under a frame budget
 *   of a few frames, with network and rendering on top;
 * - FTS search p99 ≤ 100 ms: search-as-you-type feels instant below ~100 ms;
 * - memory peak ≤ 1 GB RSS: runs beside a browser on an 8 GB laptop.
 *
 * Temp stores live in os.tmpdir() and are removed at the end. With `--pg postgres://…/db` (a server where the
 * user may create databases) the same runs go to the PostgreSQL store instead, each in a new database that
 * is dropped at the end (`--spatial plain` to measure without PostGIS); the size is then the sum of the
 * `sitrep` schema's relations. Writes bench/out/store.json (bench/out/store-postgres.json with --pg).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";
import pg from "pg";
import { type AnalysisRecord, analyze, failureOf, toRecord } from "../src/analyze/index.js";
import type { SourceDocument } from "../src/core/doc.js";
import { decodeBytes } from "../src/ingest/index.js";
import {
  canonicalUrl,
  contentHash,
  type EventFilter,
  type OpenStoreOptions,
  openStore,
  redactUrl,
} from "../src/store/index.js";
import { CORPUS_DIR, corpusAvailable, OUT_DIR } from "./lib/corpus.js";
import {
  loadRawPages,
  locatedTemplates,
  nthCopy,
  pick,
  quantile,
  type RawPage,
  SYNTHETIC_DAYS,
  SYNTHETIC_JITTER_DEG,
  seededRandom,
  syntheticDay,
  syntheticRecord,
} from "./lib/store-corpus.js";

const DEFAULT_ARTICLES = 10_000;
const DEFAULT_EVENTS = 100_000;
const EVENTS_PER_RECORD = 10;
const QUERY_COUNT = 200;
const QUERY_WARMUP = 20;
/** Pages analysed (not stored) before timing, so one-time loads (gazetteer, dictionaries) are not in the rate. */
const WARMUP_PAGES = 10;
/** Map-view query shape: bbox half-side in degrees (a "few degrees" box), date window, share with a type. */
const BBOX_HALF_MIN_DEG = 1.5;
const BBOX_HALF_MAX_DEG = 3;
const QUERY_DAYS = 30;
const QUERY_TYPE_SHARE = 0.5;
const HEAP_SAMPLE_EVERY = 25;
const PROGRESS_EVERY = 1000;
const SEED = 5;

const TARGETS = {
  ingestArticlesPerSecond: {
    min: 25,
    why: "10,000 articles (a day of several busy feeds) in < 7 min on a 2-core laptop",
  },
  storeKBPerArticle: { max: 50, why: "a million articles in ≤ 50 GB on one laptop disk" },
  mapQueryP99Ms: { max: 50, why: "an interactive map stays responsive with network and rendering on top" },
  searchP99Ms: { max: 100, why: "search-as-you-type feels instant under ~100 ms" },
  peakRssMB: { max: 1024, why: "runs beside a browser on an 8 GB laptop" },
} as const;

let heapPeak = 0;
function sampleHeap(): void {
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
}

interface IngestResult {
  articles: number;
  ingested: number;
  revised: number;
  unchanged: number;
  failed: number;
  events: number;
  warmupSeconds: number;
  seconds: number;
  analysisSeconds: number;
  writeSeconds: number;
  articlesPerSecond: number;
  analysisArticlesPerSecond: number;
  writeArticlesPerSecond: number;
  storeBytes: number;
  storeKBPerArticle: number;
  templates: AnalysisRecord[];
}

function sourceOf(name: string, url: string, bytes: Buffer): SourceDocument {
  const decoded = decodeBytes(bytes);
  return { name, format: "html", content: decoded.text, url, encoding: decoded.encoding };
}

/** Where the bench's stores are made: SQLite files in a temp folder, or new PostgreSQL databases. */
interface BenchStores {
  kind: "sqlite" | "postgres";
  options: OpenStoreOptions;
  /** A new, empty store target (file path or database URL). */
  make(name: string): Promise<string>;
  /** Bytes the store at `target` takes on disk. */
  bytes(target: string): Promise<number>;
  /** Remove every store made. */
  dispose(): Promise<void>;
}

function sqliteStores(): BenchStores {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-store-"));
  return {
    kind: "sqlite",
    options: {},
    make: async (name) => join(dir, `${name}.db`),
    async bytes(path) {
      let total = 0;
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        try {
          total += statSync(file).size;
        } catch {
          // absent
        }
      }
      return total;
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresStores(adminUrl: string, spatial: "auto" | "plain"): Promise<BenchStores> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const made: string[] = [];
  const suffix = `${process.pid}_${Date.now()}`;
  return {
    kind: "postgres",
    options: { spatial },
    async make(name) {
      const database = `sitrep_bench_${name}_${suffix}`;
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
      made.push(database);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async bytes(url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const found = await client.query<{ bytes: string }>(
          `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sitrep' AND c.relkind IN ('r', 'm')`,
        );
        return Number(found.rows[0]?.bytes ?? 0);
      } finally {
        await client.end();
      }
    },
    async dispose() {
      try {
        for (const database of made)
          await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function runIngest(
  pages: readonly RawPage[],
  articles: number,
  stores: BenchStores,
): Promise<IngestResult> {
  const warmStart = performance.now();
  for (let i = 0; i < WARMUP_PAGES; i++) {
    const page = pages[i % pages.length] as RawPage;
    analyze(sourceOf(page.id, `https://example.invalid/warmup/${page.id}`, page.bytes));
  }
  const warmupSeconds = (performance.now() - warmStart) / 1000;

  const path = await stores.make("ingest");
  const store = await openStore(path, stores.options);
  const counts = { ingested: 0, revised: 0, unchanged: 0, failed: 0 };
  const templates: AnalysisRecord[] = [];
  let analysisMs = 0;
  let writeMs = 0;
  const start = performance.now();
  for (let i = 0; i < articles; i++) {
    const copy = nthCopy(pages, i);
    const doc = sourceOf(copy.name, copy.url, copy.bytes);
    const hash = contentHash(doc.content);
    const t0 = performance.now();
    const seen = await store.markSeen(hash);
    const t1 = performance.now();
    writeMs += t1 - t0;
    if (seen) {
      counts.unchanged++;
      continue;
    }
    let record: AnalysisRecord;
    try {
      const analysed = analyze(doc);
      if (failureOf(analysed)) {
        counts.failed++;
        analysisMs += performance.now() - t1;
        continue;
      }
      record = toRecord(analysed);
    } catch {
      counts.failed++;
      analysisMs += performance.now() - t1;
      continue;
    }
    const t2 = performance.now();
    analysisMs += t2 - t1;
    const put = await store.putAnalysis(record, { contentHash: hash, canonicalUrl: canonicalUrl(copy.url) });
    writeMs += performance.now() - t2;
    counts[put.status]++;
    if (i < pages.length) templates.push(record);
    if (i % HEAP_SAMPLE_EVERY === 0) sampleHeap();
    if ((i + 1) % PROGRESS_EVERY === 0) {
      const s = (performance.now() - start) / 1000;
      process.stderr.write(`  ingest ${i + 1}/${articles}  ${((i + 1) / s).toFixed(1)} articles/s\n`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const events = (await store.counts()).events;
  await store.close();
  const bytes = await stores.bytes(path);
  const stored = counts.ingested + counts.revised;
  return {
    articles,
    ...counts,
    events,
    warmupSeconds,
    seconds,
    analysisSeconds: analysisMs / 1000,
    writeSeconds: writeMs / 1000,
    articlesPerSecond: articles / seconds,
    analysisArticlesPerSecond: (stored + counts.failed) / (analysisMs / 1000),
    writeArticlesPerSecond: stored / (writeMs / 1000),
    storeBytes: bytes,
    storeKBPerArticle: bytes / 1024 / Math.max(1, stored),
    templates,
  };
}

interface Latency {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rowsMean: number;
  rowsMax: number;
}

function latency(times: readonly number[], rows: readonly number[]): Latency {
  return {
    queries: times.length,
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    maxMs: Math.max(...times),
    rowsMean: rows.reduce((a, b) => a + b, 0) / Math.max(1, rows.length),
    rowsMax: Math.max(...rows),
  };
}

interface MapResult {
  records: number;
  events: number;
  buildSeconds: number;
  eventsPerSecond: number;
  storeBytes: number;
  mapQuery: Latency;
  search: Latency;
}

async function runMap(
  templateRecords: readonly AnalysisRecord[],
  eventCount: number,
  stores: BenchStores,
): Promise<MapResult> {
  const templates = locatedTemplates(templateRecords);
  if (templates.length === 0) throw new Error("no analysed page has an event with coordinates");
  const random = seededRandom(SEED);
  const path = await stores.make("map");
  const store = await openStore(path, stores.options);
  const records = Math.ceil(eventCount / EVENTS_PER_RECORD);
  const centres: [number, number][] = [];
  const types = new Set<string>();
  const buildStart = performance.now();
  for (let i = 0; i < records; i++) {
    const record = syntheticRecord(templates, i, EVENTS_PER_RECORD, random);
    const url = record.input;
    await store.putAnalysis(record, { contentHash: contentHash(url), canonicalUrl: canonicalUrl(url) });
    const first = record.events[0];
    if (first?.location?.lat != null && first.location.lon != null)
      centres.push([first.location.lon, first.location.lat]);
    for (const e of record.events) types.add(e.eventType);
    if (i % HEAP_SAMPLE_EVERY === 0) sampleHeap();
  }
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const events = (await store.counts()).events;

  const typeList = [...types].sort();
  const filters: EventFilter[] = [];
  for (let q = 0; q < QUERY_WARMUP + QUERY_COUNT; q++) {
    const [lon, lat] = pick(centres, random);
    const half = BBOX_HALF_MIN_DEG + random() * (BBOX_HALF_MAX_DEG - BBOX_HALF_MIN_DEG);
    const day = Math.floor(random() * (SYNTHETIC_DAYS - QUERY_DAYS));
    filters.push({
      bbox: [lon - half, lat - half, lon + half, lat + half],
      from: syntheticDay(day),
      to: syntheticDay(day + QUERY_DAYS - 1),
      ...(random() < QUERY_TYPE_SHARE ? { type: pick(typeList, random) } : {}),
    });
  }
  const mapQuery = await timeQueries(filters, async (f) => (await store.listEvents(f)).length);

  const words = searchWords(templates);
  const queries = Array.from({ length: QUERY_WARMUP + QUERY_COUNT }, () => pick(words, random));
  const search = await timeQueries(queries, async (q) => (await store.search(q)).length);
  await store.close();
  return {
    records,
    events,
    buildSeconds,
    eventsPerSecond: events / buildSeconds,
    storeBytes: await stores.bytes(path),
    mapQuery,
    search,
  };
}

/** Run the first QUERY_WARMUP untimed, then time the rest. */
async function timeQueries<Q>(queries: readonly Q[], run: (q: Q) => Promise<number>): Promise<Latency> {
  const times: number[] = [];
  const rows: number[] = [];
  for (const [i, q] of queries.entries()) {
    const t = performance.now();
    const n = await run(q);
    const ms = performance.now() - t;
    if (i >= QUERY_WARMUP) {
      times.push(ms);
      rows.push(n);
    }
  }
  return latency(times, rows);
}

/** Search terms: title words of five letters or more (what a user types), plus a few two-word queries. */
function searchWords(records: readonly AnalysisRecord[]): string[] {
  const words = new Set<string>();
  for (const r of records)
    for (const w of (r.article.title ?? "").toLowerCase().match(/\p{L}{5,}/gu) ?? []) words.add(w);
  const list = [...words].sort();
  return [...list, "killed soldiers", "drone strike", "rocket attack"];
}

function status(met: boolean): string {
  return met ? "MET" : "MISS";
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: String(DEFAULT_ARTICLES) },
      events: { type: "string", default: String(DEFAULT_EVENTS) },
      pg: { type: "string" },
      spatial: { type: "string", default: "auto" },
    },
  });
  const articles = Number(values.articles);
  const eventCount = Number(values.events);
  if (!(Number.isInteger(articles) && articles > 0 && Number.isInteger(eventCount) && eventCount > 0)) {
    console.error("bench:store: --articles and --events must be positive integers");
    process.exit(2);
  }
  if (values.spatial !== "auto" && values.spatial !== "plain") {
    console.error("bench:store: --spatial must be auto or plain");
    process.exit(2);
  }
  if (!corpusAvailable()) {
    console.log(`bench:store: skipped — the benchmark corpus is not at ${CORPUS_DIR} (../shared absent)`);
    return;
  }
  const pages = loadRawPages();
  const stores = values.pg ? await postgresStores(values.pg, values.spatial) : sqliteStores();
  try {
    const where = values.pg ? `PostgreSQL at ${redactUrl(values.pg)}` : "SQLite";
    process.stderr.write(
      `bench:store: ingesting ${articles} articles (${pages.length} pages repeated) into ${where}…\n`,
    );
    const ingest = await runIngest(pages, articles, stores);
    process.stderr.write(`bench:store: building a store of ${eventCount} events and querying it…\n`);
    const map = await runMap(ingest.templates, eventCount, stores);
    sampleHeap();
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    const heapPeakMB = heapPeak / 1024 / 1024;
    report(ingest, map, peakRssMB, heapPeakMB, pages.length, stores.kind, values.spatial);
  } finally {
    await stores.dispose();
  }
}

function report(
  ingest: IngestResult,
  map: MapResult,
  peakRssMB: number,
  heapPeakMB: number,
  pageCount: number,
  backend: BenchStores["kind"],
  spatial: string,
): void {
  const f1 = (n: number) => n.toFixed(1);
  const f2 = (n: number) => n.toFixed(2);
  const machine = `${cpus().length} cores, ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`;
  const store = backend === "postgres" ? `PostgreSQL (spatial: ${spatial})` : "SQLite";
  console.log(`\nsitrep bench:store — ${store} — ${machine}`);
  console.log(
    `ingest: ${ingest.articles} articles (${pageCount} pages repeated): ${ingest.ingested} ingested, ` +
      `${ingest.revised} revised, ${ingest.unchanged} unchanged, ${ingest.failed} failed; ${ingest.events} events ` +
      `(warm-up ${f1(ingest.warmupSeconds)} s not timed)`,
  );
  const rows: [string, string][] = [
    ["ingest end to end (articles/s)", f1(ingest.articlesPerSecond)],
    ["  analysis only (articles/s)", f1(ingest.analysisArticlesPerSecond)],
    ["  store write only (articles/s)", f1(ingest.writeArticlesPerSecond)],
    ["ingest wall time (s)", f1(ingest.seconds)],
    ["store size / article (KB)", f1(ingest.storeKBPerArticle)],
    ["store file (MB)", f1(ingest.storeBytes / 1024 / 1024)],
    [`map store: events (${map.records} records)`, String(map.events)],
    ["map store: build (events/s)", f1(map.eventsPerSecond)],
    ["map store: file (MB)", f1(map.storeBytes / 1024 / 1024)],
    [
      "map query p50 / p99 / max (ms)",
      `${f2(map.mapQuery.p50Ms)} / ${f2(map.mapQuery.p99Ms)} / ${f2(map.mapQuery.maxMs)}`,
    ],
    ["map query rows mean / max", `${f1(map.mapQuery.rowsMean)} / ${map.mapQuery.rowsMax}`],
    [
      "FTS search p50 / p99 / max (ms)",
      `${f2(map.search.p50Ms)} / ${f2(map.search.p99Ms)} / ${f2(map.search.maxMs)}`,
    ],
    ["FTS search hits mean / max", `${f1(map.search.rowsMean)} / ${map.search.rowsMax}`],
    ["peak RSS (MB)", f1(peakRssMB)],
    ["peak V8 heap, sampled (MB)", f1(heapPeakMB)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("");
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

  const checks = [
    {
      target: `ingest ≥ ${TARGETS.ingestArticlesPerSecond.min} articles/s`,
      value: `${f1(ingest.articlesPerSecond)}`,
      met: ingest.articlesPerSecond >= TARGETS.ingestArticlesPerSecond.min,
      why: TARGETS.ingestArticlesPerSecond.why,
    },
    {
      target: `store ≤ ${TARGETS.storeKBPerArticle.max} KB/article`,
      value: `${f1(ingest.storeKBPerArticle)}`,
      met: ingest.storeKBPerArticle <= TARGETS.storeKBPerArticle.max,
      why: TARGETS.storeKBPerArticle.why,
    },
    {
      target: `map query p99 ≤ ${TARGETS.mapQueryP99Ms.max} ms (${map.events} events)`,
      value: f2(map.mapQuery.p99Ms),
      met: map.mapQuery.p99Ms <= TARGETS.mapQueryP99Ms.max,
      why: TARGETS.mapQueryP99Ms.why,
    },
    {
      target: `FTS search p99 ≤ ${TARGETS.searchP99Ms.max} ms`,
      value: f2(map.search.p99Ms),
      met: map.search.p99Ms <= TARGETS.searchP99Ms.max,
      why: TARGETS.searchP99Ms.why,
    },
    {
      target: `peak RSS ≤ ${TARGETS.peakRssMB.max} MB`,
      value: f1(peakRssMB),
      met: peakRssMB <= TARGETS.peakRssMB.max,
      why: TARGETS.peakRssMB.why,
    },
  ];
  const tWidth = Math.max(...checks.map((c) => c.target.length));
  console.log("\ntargets");
  for (const c of checks)
    console.log(
      `${status(c.met).padEnd(4)}  ${c.target.padEnd(tWidth)}  measured ${c.value.padStart(7)}  — ${c.why}`,
    );

  const { templates: _templates, ...ingestOut } = ingest;
  mkdirSync(OUT_DIR, { recursive: true });
  const outFile = join(OUT_DIR, backend === "postgres" ? "store-postgres.json" : "store.json");
  writeFileSync(
    outFile,
    `${JSON.stringify(
      {
        machine,
        store,
        date: new Date().toISOString(),
        pages: pageCount,
        synthetic: {
          eventsPerRecord: EVENTS_PER_RECORD,
          days: SYNTHETIC_DAYS,
          jitterDeg: SYNTHETIC_JITTER_DEG,
          queryDays: QUERY_DAYS,
          bboxHalfDeg: [BBOX_HALF_MIN_DEG, BBOX_HALF_MAX_DEG],
          seed: SEED,
        },
        ingest: ingestOut,
        map,
        memory: { peakRssMB, heapPeakMB },
        targets: checks,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${outFile}`);
}

await main();
