/**
 * `npm run bench:scale` — distributed work measured (issue #6): articles/s end to end on one corpus through
 * the embedded SQLite store and through PostgreSQL with 1, 2 and 4 `sitrep worker` processes; peak memory
 * per process; the map query's latency over 1,000,000 events on both stores.
 *
 * 1. Corpus: the 181 extraction-benchmark pages repeated into N distinct articles (default 10,000;
 *    `--articles N`), each copy under its own URL (bench/lib/scale-corpus.ts), decoded as ingest decodes.
 * 2. In-process runs, each in its own child process (so its peak memory is its own): SQLite, then PostgreSQL
 *    — the worker path without the queue: `markSeen`, analysis on the worker-thread pool (every core but
 *    one), `putAnalysis` (one transaction per article), results stored in input order.
 * 3. Queue runs: a new database; the N documents enqueued (timed apart: `ingest --queue` would do this once);
 *    then W `sitrep worker --drain` processes started at once (from the sources, through tsx), timed from
 *    their start until the last exits. Each worker gets ⌊(cores − 1) / W⌋ analysis threads (at least one),
 *    so that every run uses the machine's cores once; `--threads N` sets it. Each reports its peak RSS
 *    (`process.resourceUsage().maxRSS`, threads included) and start-up time.
 *    Every run is checked: N articles stored, each once.
 * 4. Map query: a store of M events (default 1,000,000; `--events M`) per backend: 1,000 synthetic records of
 *    10 events through `putAnalysis` (real rows in every table), then the other events inserted in bulk
 *    straight into the events table (the store has no bulk path: PostgreSQL multi-row INSERT … SELECT FROM
 *    unnest(arrays), SQLite one transaction of prepared INSERTs), rows copied from synthetic records (dates
 *    spread over 2023–2025, coordinates jittered ±1°) under the 1,000 stored articles, then ANALYZE. Then
 *    200 map-view queries through `listEvents` (bbox of 3–6°, a 30-day range, an event type half the time,
 *    as bench:store): p50/p99 ms.
 *
 * PostgreSQL: `--pg postgres://…/postgres` (a server where the user may create databases; each run's database
 * is dropped at the end), else a throwaway local cluster from the server binaries (test/helpers/pg-cluster.ts)
 * with durability left on (fsync, synchronous_commit) and shared_buffers raised. Without either, only SQLite.
 * Prints a table with the machine; writes bench/out/scale.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import type { AnalysisRecord } from "../src/analyze/index.js";
import type { SourceDocument } from "../src/core/doc.js";
import { type EncodedJob, encodeJob, openQueue } from "../src/queue/index.js";
import { canonicalUrl, contentHash, openStore, redactUrl, type Store } from "../src/store/index.js";
import { EVENT_COLUMNS } from "../src/store/postgres.js";
import { type EventRow, layersOf } from "../src/store/rows.js";
import {
  createAnalysisPool,
  defaultThreads,
  IN_FLIGHT_PER_THREAD,
  mapOrdered,
} from "../src/workers/index.js";
import { startPgTestServer, TEST_SERVER_SETTINGS } from "../test/helpers/pg-cluster.js";
import { CORPUS_DIR, corpusAvailable, OUT_DIR } from "./lib/corpus.js";
import { distinctCopy, mapFilters, pageFacts } from "./lib/scale-corpus.js";
import {
  loadRawPages,
  locatedTemplates,
  quantile,
  type RawPage,
  seededRandom,
  syntheticRecord,
} from "./lib/store-corpus.js";

const DEFAULT_ARTICLES = 10_000;
const DEFAULT_EVENTS = 1_000_000;
const DEFAULT_WORKER_COUNTS = [1, 2, 4];
/** Synthetic records stored through `putAnalysis` before the bulk events (their articles own every event). */
const BASE_RECORDS = 1000;
const EVENTS_PER_RECORD = 10;
/** Event rows per bulk INSERT statement (PostgreSQL) or between progress lines (SQLite). */
const BULK_CHUNK = 10_000;
const QUERY_COUNT = 200;
const QUERY_WARMUP = 20;
const SEED = 6;
/** Jobs built and enqueued per call (bounds the parent's memory). */
const ENQUEUE_BATCH = 200;
const PROGRESS_EVERY = 1000;
const KIB = 1024;
/**
 * Settings of the throwaway cluster: the test cluster's, without its durability shortcuts (fsync=off,
 * synchronous_commit=off, full_page_writes=off), which would flatter PostgreSQL, and with more shared buffers
 * (the test's 16 MB would not hold a 1M-event table's indexes).
 */
const BENCH_SERVER_SETTINGS = [
  ...TEST_SERVER_SETTINGS.filter(
    (s) => !/^(fsync|synchronous_commit|full_page_writes|shared_buffers|max_connections)=/.test(s),
  ),
  "shared_buffers=256MB",
  "max_connections=100",
];
const SITREP_FROM_SOURCES = new URL("../scripts/sitrep-from-src.ts", import.meta.url).pathname;
const THIS_SCRIPT = new URL(import.meta.url).pathname;

/** The events table's columns (migrations 001 of both stores), with their PostgreSQL types for unnest. */
const BULK_EVENT_COLUMNS = EVENT_COLUMNS;

interface ProcessReport {
  jobs: number;
  startupSeconds: number;
  seconds: number;
  peakRssMB: number;
}

interface Run {
  name: string;
  backend: "sqlite" | "postgres";
  mode: "in-process" | "queue";
  processes: number;
  threadsPerProcess: number;
  articles: number;
  /** Articles in the store after the run (must equal `articles`). */
  stored: number;
  /** From the processes' start until the last exited (s). */
  wallSeconds: number;
  /** The slowest process's start-up (pipeline loaded in every thread) (s). */
  startupSeconds: number;
  articlesPerSecond: number;
  /** Articles/s over the wall time less the start-up. */
  articlesPerSecondAfterStartup: number;
  peakRssMBPerProcess: number[];
  /** Queue runs: enqueueing the N documents (not in the wall time). */
  enqueueSeconds: number | null;
}

interface MapRun {
  backend: "sqlite" | "postgres";
  spatial: string;
  events: number;
  buildSeconds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  rowsMean: number;
}

/** Where PostgreSQL databases are made: a given server, or a throwaway cluster. */
interface PgServer {
  describe: string;
  version: string;
  fresh(name: string): Promise<string>;
  dispose(): Promise<void>;
}

// ─── child: the in-process path ────────────────────────────────────────────────────────────────────────────

/** `--child direct`: analyse and store N articles into `target` in this process; prints a ProcessReport. */
async function runChild(target: string, articles: number, threads: number, factsFile: string): Promise<void> {
  const started = performance.now();
  const pages = loadRawPages();
  const ownUrl = new Map(
    Object.entries(JSON.parse(readFileSync(factsFile, "utf8")) as Record<string, string | null>),
  );
  const store = await openStore(target);
  const pool = createAnalysisPool({ threads });
  try {
    await pool.ready();
    const startupSeconds = (performance.now() - started) / 1000;
    const docs = (function* () {
      for (let i = 0; i < articles; i++) yield distinctCopy(pages, ownUrl, i);
    })();
    const step = async (doc: SourceDocument) => {
      const hash = contentHash(doc.content);
      if (await store.markSeen(hash)) return null;
      return { doc, hash, outcome: await pool.analyze(doc) };
    };
    let jobs = 0;
    for await (const done of mapOrdered(docs, step, {
      window: Math.max(1, threads) * IN_FLIGHT_PER_THREAD,
    })) {
      jobs++;
      if (done?.outcome.ok) {
        const url = canonicalUrl(done.outcome.record.article.url ?? done.doc.url);
        await store.putAnalysis(done.outcome.record, { contentHash: done.hash, canonicalUrl: url });
      }
      if (jobs % PROGRESS_EVERY === 0) process.stderr.write(`  ${jobs}/${articles}\n`);
    }
    const report: ProcessReport = {
      jobs,
      startupSeconds,
      seconds: (performance.now() - started) / 1000,
      peakRssMB: process.resourceUsage().maxRSS / KIB,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await pool.close();
    await store.close();
  }
}

// ─── parent ────────────────────────────────────────────────────────────────────────────────────────────────

interface Spawned {
  child: ChildProcess;
  done: Promise<ProcessReport>;
}

/** Start a node process over a TypeScript entry (through tsx) that prints a ProcessReport as its last line. */
function spawnReporting(script: string, args: readonly string[], label: string): Spawned {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    err += c.toString("utf8");
  });
  const done = new Promise<ProcessReport>((resolve, reject) => {
    child.on("exit", (code) => {
      const last = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{"))
        reject(new Error(`${label} exited with ${code}:\n${err.slice(-4000)}`));
      else resolve(JSON.parse(last) as ProcessReport);
    });
  });
  return { child, done };
}

async function countArticles(target: string): Promise<number> {
  const store = await openStore(target, { readonly: true });
  try {
    return (await store.counts()).articles;
  } finally {
    await store.close();
  }
}

function runOf(
  base: Omit<
    Run,
    "articlesPerSecond" | "articlesPerSecondAfterStartup" | "startupSeconds" | "peakRssMBPerProcess"
  >,
  reports: readonly ProcessReport[],
): Run {
  const startupSeconds = Math.max(...reports.map((r) => r.startupSeconds));
  return {
    ...base,
    startupSeconds,
    articlesPerSecond: base.articles / base.wallSeconds,
    articlesPerSecondAfterStartup: base.articles / Math.max(1e-9, base.wallSeconds - startupSeconds),
    peakRssMBPerProcess: reports.map((r) => r.peakRssMB),
  };
}

async function runInProcess(
  name: string,
  backend: Run["backend"],
  target: string,
  articles: number,
  threads: number,
  factsFile: string,
): Promise<Run> {
  process.stderr.write(`bench:scale: ${name}: ${articles} articles, ${threads} thread(s)…\n`);
  const start = performance.now();
  const spawned = spawnReporting(
    THIS_SCRIPT,
    [
      "--child",
      "direct",
      "--target",
      target,
      "--articles",
      String(articles),
      "--threads",
      String(threads),
      "--facts",
      factsFile,
    ],
    name,
  );
  const report = await spawned.done;
  const wallSeconds = (performance.now() - start) / 1000;
  return runOf(
    {
      name,
      backend,
      mode: "in-process",
      processes: 1,
      threadsPerProcess: threads,
      articles,
      stored: await countArticles(target),
      wallSeconds,
      enqueueSeconds: null,
    },
    [report],
  );
}

async function runQueue(
  url: string,
  workers: number,
  threads: number,
  pages: readonly RawPage[],
  ownUrl: ReadonlyMap<string, string | null>,
  articles: number,
): Promise<Run> {
  const name = `PostgreSQL, queue, ${workers} worker${workers === 1 ? "" : "s"}`;
  process.stderr.write(`bench:scale: ${name}: enqueueing ${articles} articles…\n`);
  const store = await openStore(url);
  const queue = await openQueue(url);
  const enqueueStart = performance.now();
  try {
    for (let i = 0; i < articles; i += ENQUEUE_BATCH) {
      const jobs: EncodedJob[] = [];
      for (let k = i; k < Math.min(articles, i + ENQUEUE_BATCH); k++)
        jobs.push(encodeJob({ doc: distinctCopy(pages, ownUrl, k) }));
      await queue.enqueue(jobs);
    }
  } finally {
    await queue.close();
    await store.close();
  }
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  process.stderr.write(
    `bench:scale: ${name}: ${workers} × \`sitrep worker --drain --threads ${threads}\`…\n`,
  );
  const start = performance.now();
  const spawned = Array.from({ length: workers }, (_, w) =>
    spawnReporting(
      SITREP_FROM_SOURCES,
      ["worker", "--db", url, "--drain", "--threads", String(threads), "-f", "json"],
      `worker ${w + 1}`,
    ),
  );
  const reports = await Promise.all(spawned.map((s) => s.done));
  const wallSeconds = (performance.now() - start) / 1000;
  return runOf(
    {
      name,
      backend: "postgres",
      mode: "queue",
      processes: workers,
      threadsPerProcess: threads,
      articles,
      stored: await countArticles(url),
      wallSeconds,
      enqueueSeconds,
    },
    reports,
  );
}

// ─── map query over many events ────────────────────────────────────────────────────────────────────────────

interface MapStore {
  centres: [number, number][];
  types: string[];
  articleIds: number[];
}

/** The base records through `putAnalysis`: real rows in every table, and the articles the bulk events join. */
async function putBaseRecords(
  store: Store,
  templates: readonly AnalysisRecord[],
  random: () => number,
): Promise<MapStore> {
  const centres: [number, number][] = [];
  const types = new Set<string>();
  const articleIds: number[] = [];
  for (let i = 0; i < BASE_RECORDS; i++) {
    const record = syntheticRecord(templates, i, EVENTS_PER_RECORD, random);
    const put = await store.putAnalysis(record, {
      contentHash: contentHash(record.input),
      canonicalUrl: canonicalUrl(record.input),
    });
    articleIds.push(put.articleId);
    for (const e of record.events) {
      types.add(e.eventType);
      if (e.location?.lat != null && e.location.lon != null) centres.push([e.location.lon, e.location.lat]);
    }
  }
  return { centres, types: [...types].sort(), articleIds };
}

/** Event rows beyond the base records: chunks of `BULK_CHUNK` rows, each with its article id. */
function* bulkEventChunks(
  templates: readonly AnalysisRecord[],
  articleIds: readonly number[],
  count: number,
  random: () => number,
): Generator<{ articleId: number; row: EventRow }[]> {
  let chunk: { articleId: number; row: EventRow }[] = [];
  for (let made = 0, record = BASE_RECORDS; made < count; record++) {
    const rows = layersOf(syntheticRecord(templates, record, EVENTS_PER_RECORD, random)).events;
    const articleId = articleIds[record % articleIds.length] as number;
    for (const row of rows) {
      if (made >= count) break;
      chunk.push({ articleId, row: { ...row, event_id: `${row.event_id}-b${record}` } });
      made++;
      if (chunk.length === BULK_CHUNK) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(column arrays) per chunk (every value a parameter). */
async function bulkInsertPg(
  url: string,
  chunks: Iterable<{ articleId: number; row: EventRow }[]>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = BULK_EVENT_COLUMNS.map(([name]) => `"${name}"`).join(", ");
    const arrays = BULK_EVENT_COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ");
    const sql = `INSERT INTO sitrep.events (article_id, ${columns}) SELECT * FROM unnest($1::bigint[], ${arrays})`;
    for (const chunk of chunks)
      await client.query(sql, [
        chunk.map((c) => c.articleId),
        ...BULK_EVENT_COLUMNS.map(([name]) => chunk.map((c) => c.row[name])),
      ]);
    await client.query("ANALYZE sitrep.events");
  } finally {
    await client.end();
  }
}

/** SQLite: prepared INSERTs in one transaction. */
function bulkInsertSqlite(path: string, chunks: Iterable<{ articleId: number; row: EventRow }[]>): void {
  const db = new Database(path);
  try {
    const names = BULK_EVENT_COLUMNS.map(([name]) => name);
    const insert = db.prepare(
      `INSERT INTO events (article_id, ${names.map((n) => `"${n}"`).join(", ")})
       VALUES (@article_id, ${names.map((n) => `@${n}`).join(", ")})`,
    );
    db.transaction(() => {
      for (const chunk of chunks)
        for (const { articleId, row } of chunk) {
          const values: Record<string, unknown> = { article_id: articleId };
          for (const name of names) {
            const value = row[name];
            values[name] = typeof value === "boolean" ? Number(value) : value;
          }
          insert.run(values);
        }
    })();
    db.exec("ANALYZE");
  } finally {
    db.close();
  }
}

async function runMap(
  backend: MapRun["backend"],
  target: string,
  templates: readonly AnalysisRecord[],
  events: number,
): Promise<MapRun> {
  process.stderr.write(`bench:scale: map query, ${backend}: building ${events} events…\n`);
  const random = seededRandom(SEED);
  const buildStart = performance.now();
  const store = await openStore(target);
  const base = await putBaseRecords(store, templates, random);
  const spatial =
    "spatial" in store ? String(store.spatial) : "R*Tree on latitude, longitude, days (migration 2)";
  await store.close();
  const chunks = bulkEventChunks(
    templates,
    base.articleIds,
    Math.max(0, events - BASE_RECORDS * EVENTS_PER_RECORD),
    random,
  );
  if (backend === "postgres") await bulkInsertPg(target, chunks);
  else bulkInsertSqlite(target, chunks);
  const buildSeconds = (performance.now() - buildStart) / 1000;

  const reader = await openStore(target, { readonly: true });
  try {
    const stored = (await reader.counts()).events;
    const filters = mapFilters(base.centres, base.types, QUERY_WARMUP + QUERY_COUNT, random);
    const times: number[] = [];
    const rows: number[] = [];
    for (const [i, filter] of filters.entries()) {
      const t = performance.now();
      const found = await reader.listEvents(filter);
      const ms = performance.now() - t;
      if (i >= QUERY_WARMUP) {
        times.push(ms);
        rows.push(found.length);
      }
    }
    return {
      backend,
      spatial,
      events: stored,
      buildSeconds,
      p50Ms: quantile(times, 0.5),
      p99Ms: quantile(times, 0.99),
      maxMs: Math.max(...times),
      rowsMean: rows.reduce((a, b) => a + b, 0) / rows.length,
    };
  } finally {
    await reader.close();
  }
}

// ─── servers, report, main ─────────────────────────────────────────────────────────────────────────────────

async function pgServer(given: string | undefined): Promise<PgServer | null> {
  let adminUrl = given;
  let stop: () => Promise<void> = async () => {};
  let describe = given ? `PostgreSQL at ${redactUrl(given)}` : "";
  if (!adminUrl) {
    const cluster = await startPgTestServer({}, { settings: BENCH_SERVER_SETTINGS });
    if (!cluster) return null;
    adminUrl = cluster.adminUrl;
    stop = () => cluster.stop();
    describe = `throwaway local cluster (${BENCH_SERVER_SETTINGS.join(", ")})`;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = String(
    (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?",
  );
  const made: string[] = [];
  const suffix = `${process.pid}_${Date.now()}`;
  return {
    describe,
    version,
    async fresh(name) {
      const database = `sitrep_scale_${name}_${suffix}`;
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
      made.push(database);
      const url = new URL(adminUrl as string);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async dispose() {
      try {
        for (const database of made)
          await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await admin.end();
        await stop();
      }
    },
  };
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpu}, ${cpus().length} cores (availableParallelism ${availableParallelism()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`;
}

function report(runs: readonly Run[], maps: readonly MapRun[], meta: Record<string, unknown>): void {
  const base = runs[0];
  const header = [
    "run",
    "procs",
    "threads/proc",
    "stored",
    "articles/s",
    "× SQLite",
    "after start-up",
    "start-up s",
    "peak RSS/proc MB",
  ];
  const rows = runs.map((r) => [
    r.name,
    String(r.processes),
    String(r.threadsPerProcess),
    `${r.stored}/${r.articles}`,
    r.articlesPerSecond.toFixed(1),
    base ? `${(r.articlesPerSecond / base.articlesPerSecond).toFixed(2)}×` : "-",
    r.articlesPerSecondAfterStartup.toFixed(1),
    r.startupSeconds.toFixed(1),
    r.peakRssMBPerProcess.map((m) => m.toFixed(0)).join(", "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  console.log(`\nsitrep bench:scale — ${meta.machine}`);
  console.log(`PostgreSQL: ${meta.postgres}`);
  console.log(
    `corpus: ${meta.articles} articles (${meta.pages} benchmark pages, each copy its own article); load average before ${meta.loadBefore}\n`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of runs)
    if (r.enqueueSeconds !== null)
      console.log(
        `  ${r.name}: enqueue ${r.articles} jobs ${r.enqueueSeconds.toFixed(1)} s (${(r.articles / r.enqueueSeconds).toFixed(0)} jobs/s), not in articles/s`,
      );
  if (maps.length > 0) {
    console.log("\nmap query (bbox 3–6°, 30 days, type half the time; 200 queries after 20 warm-up)");
    for (const m of maps)
      console.log(
        `  ${m.backend.padEnd(8)}  ${m.events} events (built in ${m.buildSeconds.toFixed(0)} s, spatial: ${m.spatial})  ` +
          `p50 ${m.p50Ms.toFixed(2)} ms  p99 ${m.p99Ms.toFixed(2)} ms  max ${m.maxMs.toFixed(2)} ms  rows mean ${m.rowsMean.toFixed(1)}`,
      );
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, "scale.json");
  writeFileSync(
    out,
    `${JSON.stringify({ ...meta, date: new Date().toISOString(), runs, map: maps }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench:scale: ${flag} must be an integer ≥ 0, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      events: { type: "string" },
      workers: { type: "string" },
      threads: { type: "string" },
      pg: { type: "string" },
      child: { type: "string" },
      target: { type: "string" },
      facts: { type: "string" },
    },
  });
  const articles = positiveInt(values.articles, "--articles", DEFAULT_ARTICLES);
  if (values.child === "direct") {
    await runChild(
      values.target as string,
      articles,
      positiveInt(values.threads, "--threads", defaultThreads()),
      values.facts as string,
    );
    return;
  }
  const events = positiveInt(values.events, "--events", DEFAULT_EVENTS);
  const workerCounts = values.workers
    ? values.workers.split(",").map((w) => positiveInt(w, "--workers", 1))
    : DEFAULT_WORKER_COUNTS;
  if (!corpusAvailable()) {
    console.log(`bench:scale: skipped — the benchmark corpus is not at ${CORPUS_DIR} (../shared absent)`);
    return;
  }
  const loadBefore = (loadavg()[0] as number).toFixed(2);
  const pages = loadRawPages();
  process.stderr.write(
    `bench:scale: analysing the ${pages.length} pages once (their URLs, the event templates)…\n`,
  );
  const facts = pageFacts(pages);
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-scale-"));
  const factsFile = join(dir, "facts.json");
  writeFileSync(factsFile, JSON.stringify(Object.fromEntries(facts.ownUrl)));
  const server = await pgServer(values.pg);
  if (!server)
    process.stderr.write("bench:scale: no PostgreSQL (no --pg, no server binaries): SQLite only\n");
  const runs: Run[] = [];
  const maps: MapRun[] = [];
  try {
    const allThreads = defaultThreads();
    if (articles > 0) {
      runs.push(
        await runInProcess(
          "SQLite, in-process",
          "sqlite",
          join(dir, "ingest.db"),
          articles,
          allThreads,
          factsFile,
        ),
      );
      if (server) {
        runs.push(
          await runInProcess(
            "PostgreSQL, in-process",
            "postgres",
            await server.fresh("direct"),
            articles,
            allThreads,
            factsFile,
          ),
        );
        for (const w of workerCounts) {
          const threads = values.threads
            ? positiveInt(values.threads, "--threads", 1)
            : Math.max(1, Math.floor(allThreads / w));
          runs.push(
            await runQueue(await server.fresh(`queue${w}`), w, threads, pages, facts.ownUrl, articles),
          );
        }
      }
    }
    if (events > 0) {
      const templates = locatedTemplates(facts.records);
      maps.push(await runMap("sqlite", join(dir, "map.db"), templates, events));
      if (server) maps.push(await runMap("postgres", await server.fresh("map"), templates, events));
    }
    report(runs, maps, {
      machine: machine(),
      postgres: server ? `${server.version}, ${server.describe}` : "not measured",
      articles,
      events,
      pages: pages.length,
      loadBefore,
      settings: {
        baseRecords: BASE_RECORDS,
        eventsPerRecord: EVENTS_PER_RECORD,
        queries: QUERY_COUNT,
        warmup: QUERY_WARMUP,
        seed: SEED,
      },
      memoryNote: "peak RSS of each process, its analysis threads and tsx's loader included",
    });
    for (const r of runs)
      if (r.stored !== r.articles) {
        console.error(`bench:scale: ${r.name} stored ${r.stored} of ${r.articles} articles`);
        process.exitCode = 1;
      }
  } finally {
    await server?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
