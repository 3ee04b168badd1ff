/**
 * The work queue (issue #6) against a throwaway PostgreSQL: enqueueing, workers storing each article once
 * (however often it is enqueued or done), retries of store failures with backoff, documents that cannot be
 * analysed, job payloads, and `sitrep status` / `sitrep worker` / `sitrep ingest --queue`. The faults (a
 * worker killed, the server restarted, stores that cannot be written) are in faults.test.ts.
 */
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.js";
import { EXIT } from "../../src/cli/io.js";
import { runStatus } from "../../src/cli/status.js";
import { runWorkerCommand } from "../../src/cli/worker.js";
import {
  decodeJob,
  encodeJob,
  enqueueInputs,
  JobError,
  jobIdFor,
  openQueue,
  QUEUE_NAME,
  type Queue,
  type QueueStatus,
  queueStatus,
  runWorker,
} from "../../src/queue/index.js";
import { contentHash, openStore, type Store, StoreError } from "../../src/store/index.js";
import { type AnalysisPool, createAnalysisPool } from "../../src/workers/index.js";
import { captureIo } from "../helpers/io.js";
import { canTestPostgres, PG_SKIP_MESSAGE, type PgTestServer } from "../helpers/pg-cluster.js";
import { PG_START_TIMEOUT_MS, pgTestServer, stopPgTestServer } from "../store/backends.js";
import { tmpDir } from "../store/helpers.js";
import { auditStore, jobStates, reportCorpus, withClient } from "./helpers.js";

const HAS_PG = canTestPostgres();
if (!HAS_PG) console.info(PG_SKIP_MESSAGE);

/** The example reports: 12 documents, each with events. */
const EXAMPLES = "examples/reports";
const EXAMPLE_COUNT = 12;
/** Quick polls and retries, so that a drained queue is noticed at once and a retry waits ~1–2 s. */
const FAST = { pollIntervalMs: 100 } as const;
const QUICK_RETRY_S = 1;
/** A document with no article in it: the pipeline fails it with extract/no-article. */
const NO_ARTICLE_HTML =
  "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></body></html>";

let server: PgTestServer;
/** Analysis on the test's own thread: the same outcomes as the worker threads, nothing to start. */
let pool: AnalysisPool;
const closers: (() => Promise<unknown>)[] = [];

async function fresh(options: Parameters<typeof openQueue>[1] = {}): Promise<{
  url: string;
  store: Store;
  queue: Queue;
}> {
  const url = await server.freshDatabase();
  const store = await openStore(url);
  const queue = await openQueue(url, options);
  closers.push(
    () => queue.close(),
    () => store.close(),
  );
  return { url, store, queue };
}

/** A worker's queue (runs maintenance, counted by status), closed after the file. */
async function workerQueue(url: string, options: Parameters<typeof openQueue>[1] = {}): Promise<Queue> {
  const queue = await openQueue(url, { role: "worker", maintenanceIntervalSeconds: 1, ...options });
  closers.push(() => queue.close());
  return queue;
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

describe("queue: jobs", () => {
  it("queue: a job's id is the first 128 bits of its content hash, as a UUID", () => {
    const hash = contentHash("a report");
    expect(jobIdFor(hash)).toBe(
      `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`,
    );
  });

  it.each([
    ["plain text", "Militants attacked a post near Menaka."],
    ["text with a NUL (jsonb cannot hold one)", "before\u0000after"],
  ])("queue: a job's payload gives back the document: %s", (_what, content) => {
    const job = encodeJob({
      doc: { name: "a.txt", format: "text", content, url: "https://example.org/a", hints: { title: "T" } },
      warnings: [{ code: "ingest/invalid-utf8", message: "bad bytes" }],
    });
    expect(JSON.stringify(job.data)).not.toContain("\\u0000");
    const back = decodeJob(JSON.parse(JSON.stringify(job.data)));
    expect(back.doc).toEqual({
      name: "a.txt",
      format: "text",
      content,
      url: "https://example.org/a",
      hints: { title: "T" },
    });
    expect(back.warnings).toEqual([{ code: "ingest/invalid-utf8", message: "bad bytes" }]);
    expect(back.contentHash).toBe(contentHash(content));
    expect(job.id).toBe(jobIdFor(contentHash(content)));
  });

  it.each([
    ["not an object", 42],
    ["another program's job", { hello: "world" }],
    [
      "content that does not match its hash",
      { ...encodeJob({ doc: { name: "a", format: "text", content: "x" } }).data, content: "y" },
    ],
  ])("queue: a payload that is %s is a queue/bad-job", (_what, payload) => {
    expect(() => decodeJob(payload)).toThrowError(JobError);
    try {
      decodeJob(payload);
    } catch (error) {
      expect((error as JobError).code).toBe("queue/bad-job");
    }
  });

  it("queue: a document over the job size limit is refused with queue/too-large", () => {
    expect(() =>
      encodeJob({ doc: { name: "big.txt", format: "text", content: "x".repeat(2000) } }, 1000),
    ).toThrow(/too large for the queue \(\d+ bytes as a job; at most 1000\)/);
  });
});

describe.skipIf(!HAS_PG)("queue: PostgreSQL", () => {
  beforeAll(async () => {
    const started = await pgTestServer();
    if (!started) throw new Error("no PostgreSQL test server");
    server = started;
    pool = createAnalysisPool({ threads: 0 });
    await pool.ready();
  }, PG_START_TIMEOUT_MS);

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    await pool?.close();
    await stopPgTestServer();
  });

  it("queue: enqueued reports are each stored once by a worker, and every job is completed", async () => {
    const { url, store, queue } = await fresh();
    const enqueued = await enqueueInputs(queue, store, [EXAMPLES]);
    expect(enqueued).toMatchObject({
      total: EXAMPLE_COUNT,
      queued: EXAMPLE_COUNT,
      alreadyQueued: 0,
      failed: [],
    });
    const failures: unknown[] = [];
    const summary = await runWorker(await workerQueue(url), store, pool, {
      drain: true,
      ...FAST,
      onJob: (r) => {
        if (r.status === "failed" || r.status === "retry") failures.push(r);
      },
    });
    expect(failures).toEqual([]);
    expect(summary).toMatchObject({ jobs: EXAMPLE_COUNT, ingested: EXAMPLE_COUNT, failed: 0, retried: 0 });
    const audit = await auditStore(url);
    expect(audit).toMatchObject({
      articles: EXAMPLE_COUNT,
      revisions: EXAMPLE_COUNT,
      contentHashes: EXAMPLE_COUNT,
      withoutRevision: 0,
      eventsMismatched: 0,
      withoutSearchDoc: 0,
    });
    expect(audit.events).toBeGreaterThan(0);
    expect(await jobStates(url)).toEqual({ completed: EXAMPLE_COUNT });
  });

  it("queue: the same inputs enqueued twice, worked by two workers at once, are stored once each", async () => {
    const { url, store, queue } = await fresh();
    await enqueueInputs(queue, store, [EXAMPLES]);
    const again = await enqueueInputs(queue, store, [EXAMPLES]);
    expect(again).toMatchObject({ queued: 0, alreadyQueued: EXAMPLE_COUNT });
    // Two workers with their own connections, as two processes would have.
    const otherStore = await openStore(url);
    closers.push(() => otherStore.close());
    const [a, b] = await Promise.all([
      runWorker(await workerQueue(url), store, pool, { drain: true, batch: 3, ...FAST }),
      runWorker(await workerQueue(url), otherStore, pool, { drain: true, batch: 3, ...FAST }),
    ]);
    expect(a.jobs + b.jobs).toBe(EXAMPLE_COUNT);
    expect(a.ingested + b.ingested).toBe(EXAMPLE_COUNT);
    expect(await auditStore(url)).toMatchObject({ articles: EXAMPLE_COUNT, revisions: EXAMPLE_COUNT });
    // Stored content is not enqueued again.
    const third = await enqueueInputs(queue, store, [EXAMPLES]);
    expect(third).toMatchObject({ queued: 0, unchanged: EXAMPLE_COUNT });
  });

  it("queue: a job done twice (its article committed, its completion lost) stores nothing the second time", async () => {
    const { url, store, queue } = await fresh();
    await enqueueInputs(queue, store, [EXAMPLES]);
    await runWorker(await workerQueue(url), store, pool, { drain: true, ...FAST });
    const before = await auditStore(url);
    // As if every worker had died after its commit and before completing: the jobs are waiting again.
    await withClient(url, (c) =>
      c.query(
        "UPDATE sitrep_queue.job SET state = 'created', completed_on = NULL, output = NULL WHERE name = $1",
        [QUEUE_NAME],
      ),
    );
    const summary = await runWorker(await workerQueue(url), store, pool, { drain: true, ...FAST });
    expect(summary).toMatchObject({ jobs: EXAMPLE_COUNT, unchanged: EXAMPLE_COUNT, ingested: 0 });
    expect(await auditStore(url)).toEqual(before);
  });

  it("queue: a store error on the first try is retried with backoff, then the article is stored", async () => {
    const { url, store, queue } = await fresh({ retryDelaySeconds: QUICK_RETRY_S });
    const dir = reportCorpus(3);
    await enqueueInputs(queue, store, [dir]);
    const failedOnce = new Set<string>();
    const flaky: Store = Object.create(store, {
      putAnalysis: {
        value: async (...args: Parameters<Store["putAnalysis"]>) => {
          const [, meta] = args;
          if (!failedOnce.has(meta.contentHash)) {
            failedOnce.add(meta.contentHash);
            throw new StoreError("store/io", store.path, "the disk is full (injected)");
          }
          return store.putAnalysis(...args);
        },
      },
    });
    const results: string[] = [];
    const summary = await runWorker(await workerQueue(url), flaky, pool, {
      drain: true,
      ...FAST,
      onJob: (r) => results.push(r.status),
    });
    expect(summary).toMatchObject({ retried: 3, ingested: 3, failed: 0 });
    expect(results.slice(0, 3)).toEqual(["retry", "retry", "retry"]);
    expect(await auditStore(url)).toMatchObject({ articles: 3, revisions: 3 });
    const retries = await withClient(url, (c) =>
      c.query<{ retry_count: number; state: string }>(
        "SELECT retry_count, state::text AS state FROM sitrep_queue.job",
      ),
    );
    expect(retries.rows.map((r) => [r.state, r.retry_count])).toEqual([
      ["completed", 1],
      ["completed", 1],
      ["completed", 1],
    ]);
  });

  it("queue: a job failing every try ends failed with its reason, after the retry limit", async () => {
    const { url, store, queue } = await fresh({ retryDelaySeconds: QUICK_RETRY_S, retryLimit: 1 });
    await enqueueInputs(queue, store, [reportCorpus(1)]);
    const broken: Store = Object.create(store, {
      putAnalysis: {
        value: async () => {
          throw new StoreError("store/locked", store.path, "the store is locked (injected)");
        },
      },
    });
    const summary = await runWorker(await workerQueue(url), broken, pool, { drain: true, ...FAST });
    expect(summary).toMatchObject({ retried: 2, ingested: 0 });
    expect(await jobStates(url)).toEqual({ failed: 1 });
    const status = await queueStatus(queue, 5);
    expect(status.failures).toHaveLength(1);
    expect(status.failures[0]).toMatchObject({
      state: "failed",
      code: "store/locked",
      message: "the store is locked (injected)",
      retries: 1,
    });
    expect(status.failures[0]?.input).toMatch(/000-frontline-post-report\.txt$/);
    expect(await auditStore(url)).toMatchObject({ articles: 0, revisions: 0, events: 0 });
  });

  it("queue: a document the pipeline cannot analyse is completed as failed (not retried), and status lists why", async () => {
    const { url, store, queue } = await fresh();
    const dir = tmpDir();
    await enqueueInputs(queue, store, [reportCorpus(2)]);
    const nav = encodeJob({ doc: { name: `${dir}/nav.html`, format: "html", content: NO_ARTICLE_HTML } });
    await queue.enqueue([nav]);
    const worker = await workerQueue(url);
    const summary = await runWorker(worker, store, pool, { drain: true, ...FAST });
    expect(summary).toMatchObject({ jobs: 3, ingested: 2, failed: 1, retried: 0 });
    expect(await jobStates(url)).toEqual({ completed: 3 });

    const io = captureIo();
    expect(await runStatus({ db: url, format: "json" }, io)).toBe(EXIT.ok);
    const status = JSON.parse(io.out()) as QueueStatus;
    expect(status.states).toMatchObject({ created: 0, retry: 0, active: 0, completed: 3, failed: 0 });
    expect(status.depth).toBe(0);
    expect(status.analysisFailures).toBe(1);
    expect(status.rates.map((r) => [r.seconds, r.completed, r.failed])).toEqual([
      [60, 3, 1],
      [600, 3, 1],
    ]);
    expect(status.rates[0]?.perSecond).toBeCloseTo(3 / 60);
    // The worker's queue is still open: it is one worker connected.
    expect(status.workers).toHaveLength(1);
    expect(status.workers[0]?.pid).toBe(process.pid);
    expect(status.failures).toEqual([
      expect.objectContaining({
        state: "completed",
        input: `${dir}/nav.html`,
        code: "extract/no-article",
        retries: 0,
      }),
    ]);

    const table = captureIo();
    await runStatus({ db: url }, table);
    expect(table.out()).toMatch(/waiting +0\n/);
    expect(table.out()).toMatch(/done +3\n/);
    expect(table.out()).toMatch(/last 1 min: 3 \(0\.05\/s, 1 failed\)/);
    expect(table.out()).toMatch(/workers connected: 1\n/);
    expect(table.out()).toMatch(
      /not analysable {2}.*nav\.html: no article body found .*\[extract\/no-article\]/,
    );
  });

  it("queue: a job that is not a sitrep document is completed as failed with queue/bad-job", async () => {
    const { url, store } = await fresh();
    const worker = await workerQueue(url);
    await withClient(url, (c) =>
      c.query("INSERT INTO sitrep_queue.job (name, data, policy) VALUES ($1, $2, 'standard')", [
        QUEUE_NAME,
        { hello: "world" },
      ]),
    );
    const results: { status: string; code?: string }[] = [];
    await runWorker(worker, store, pool, { drain: true, ...FAST, onJob: (r) => results.push(r) });
    expect(results).toEqual([expect.objectContaining({ status: "failed", code: "queue/bad-job" })]);
  });

  it("queue: `sitrep worker` drains the queue on worker threads and reports what it did", async () => {
    const { url, store, queue } = await fresh();
    await enqueueInputs(queue, store, [EXAMPLES]);
    const io = captureIo();
    const code = await runWorkerCommand(
      { db: url, threads: 1, drain: true, format: "json", pollIntervalMs: 100 },
      io,
    );
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(io.out()) as Record<string, unknown>;
    expect(report).toMatchObject({
      jobs: EXAMPLE_COUNT,
      ingested: EXAMPLE_COUNT,
      threads: 1,
      stopped: "drained",
    });
    expect(report.peakRssMB).toBeGreaterThan(0);
    expect(io.err()).toMatch(/queue empty: 12 jobs in .*: 12 ingested, 0 revised, 0 unchanged, 0 failed/);
  });

  it("queue: `ingest --queue` enqueues instead of analysing, and says what it did", async () => {
    const url = await server.freshDatabase();
    const io = captureIo();
    const code = await runIngest({ inputs: [EXAMPLES], db: url, queue: true }, io);
    expect(code).toBe(EXIT.ok);
    expect(io.err()).toMatch(/12 documents .*: 12 queued, 0 already queued, 0 unchanged, 0 failed/);
    expect(await jobStates(url)).toEqual({ created: EXAMPLE_COUNT });
    expect(await auditStore(url)).toMatchObject({ articles: 0 });
    const again = captureIo();
    await runIngest({ inputs: [EXAMPLES], db: url, queue: true }, again);
    expect(again.err()).toMatch(/0 queued, 12 already queued/);
  });

  it.each([
    ["worker", (db: string, io: ReturnType<typeof captureIo>) => runWorkerCommand({ db, threads: 0 }, io)],
    ["status", (db: string, io: ReturnType<typeof captureIo>) => runStatus({ db }, io)],
    [
      "ingest --queue",
      (db: string, io: ReturnType<typeof captureIo>) =>
        runIngest({ inputs: [EXAMPLES], db, queue: true }, io),
    ],
  ])("queue: `%s` with the database unreachable says so and exits 4", async (name, run) => {
    const db = `postgres://sitrep:secret@127.0.0.1:${await closedPort()}/sitrep`;
    const io = captureIo();
    expect(await run(db, io)).toBe(EXIT.store);
    expect(io.err()).toMatch(
      new RegExp(
        `^sitrep ${name.split(" ")[0]}: cannot reach the PostgreSQL server of postgres://sitrep:\\*\\*\\*@`,
      ),
    );
    expect(io.err()).toMatch(/\[store\/unreachable\]/);
    expect(io.err()).not.toContain("secret");
  });
});

describe("queue: the queue needs PostgreSQL", () => {
  it.each([
    ["worker", () => runWorkerCommand({ db: `${tmpDir()}/sitrep.db` }, captureIo())],
    ["status", () => runStatus({ db: `${tmpDir()}/sitrep.db` }, captureIo())],
  ])("queue: `%s` with an SQLite store is a usage error that names the fix", async (_name, run) => {
    await expect(run()).rejects.toThrow(
      /the work queue lives in PostgreSQL: give the store as --db postgres:\/\//,
    );
  });

  it("queue: `ingest --queue` with an SQLite store exits 2 with a clear message, writing nothing", async () => {
    const db = `${tmpDir()}/sitrep.db`;
    const io = captureIo();
    await expect(runIngest({ inputs: [EXAMPLES], db, queue: true }, io)).rejects.toThrow(
      /--queue needs a PostgreSQL store \(--db postgres:\/\/user@host\/database\)/,
    );
    expect(existsSync(db)).toBe(false);
  });
});
