/**
 * Faults, proved (issue #6): a worker process killed with SIGKILL in the middle of a batch, PostgreSQL
 * restarted under a running worker, a worker stopped with SIGTERM, a database or disk that cannot be
 * written, a disk that fills up. In each: a clear message, the exit code the README gives, every article
 * stored exactly once or not at all, and no article half-written (checked with SQL behind the store's back).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.js";
import { EXIT } from "../../src/cli/io.js";
import { runWorkerCommand } from "../../src/cli/worker.js";
import { enqueueInputs, openQueue } from "../../src/queue/index.js";
import { openStore } from "../../src/store/index.js";
import { captureIo } from "../helpers/io.js";
import { canTestPostgres, PG_SKIP_MESSAGE, type PgTestServer } from "../helpers/pg-cluster.js";
import { PG_START_TIMEOUT_MS, pgTestServer, stopPgTestServer } from "../store/backends.js";
import { tmpDir } from "../store/helpers.js";
import {
  auditStore,
  jobStates,
  reportCorpus,
  startSitrep,
  storedArticles,
  waitFor,
  withClient,
} from "./helpers.js";

const HAS_PG = canTestPostgres();
if (!HAS_PG) console.info(PG_SKIP_MESSAGE);

/** Reports in the kill and restart runs: enough that the fault lands in the middle. */
const REPORTS = 40;
/** Articles stored before the fault is injected. */
const STORED_BEFORE_FAULT = 5;
/** A short lease, so that the killed worker's jobs are taken again within seconds. */
const LEASE_S = 3;
const RETRY_DELAY_S = 1;
/** How long the server stays down in the restart test. */
const DOWN_MS = 2000;
/** Bounds on the waits (a worker starts in ~2 s and does ~20 reports/s on one thread here). */
const FIRST_ARTICLES_WAIT_MS = 60_000;
const FINISH_WAIT_MS = 90_000;
const FAULT_TEST_TIMEOUT_MS = 150_000;
/** Worker flags for the tests: one thread, a few jobs in hand, maintenance every second. */
const WORKER_FLAGS = ["--threads", "1", "--batch", "8", "--maintenance-interval", "1"];

let server: PgTestServer;

/** A fresh database with `count` reports enqueued (lease and retry delay short); its URL. */
async function enqueued(count: number, leaseSeconds = LEASE_S): Promise<string> {
  const url = await server.freshDatabase();
  const store = await openStore(url);
  const queue = await openQueue(url, { leaseSeconds, retryDelaySeconds: RETRY_DELAY_S });
  try {
    const summary = await enqueueInputs(queue, store, [reportCorpus(count)]);
    expect(summary.queued).toBe(count);
  } finally {
    await queue.close();
    await store.close();
  }
  return url;
}

/** Resolve with the process's exit, or fail the test after `ms`. */
async function exitWithin(exited: Promise<number | string>, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the process did not exit within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every article whole, each report once. */
function expectWhole(audit: Awaited<ReturnType<typeof auditStore>>, articles: number): void {
  expect(audit).toMatchObject({
    articles,
    revisions: articles,
    contentHashes: articles,
    withoutRevision: 0,
    eventsMismatched: 0,
    withoutSearchDoc: 0,
  });
}

describe.skipIf(!HAS_PG)("faults: workers and PostgreSQL", () => {
  beforeAll(async () => {
    const started = await pgTestServer();
    if (!started) throw new Error("no PostgreSQL test server");
    server = started;
  }, PG_START_TIMEOUT_MS);

  afterAll(async () => {
    await stopPgTestServer();
  });

  it(
    "faults: a worker killed with SIGKILL in the middle of a batch loses nothing: every article stored exactly once",
    async () => {
      const url = await enqueued(REPORTS);
      const doomed = startSitrep(["worker", "--db", url, ...WORKER_FLAGS]);
      await waitFor(
        "the first articles",
        async () => (await storedArticles(url)) >= STORED_BEFORE_FAULT,
        FIRST_ARTICLES_WAIT_MS,
      );
      doomed.child.kill("SIGKILL");
      expect(await doomed.exited).toBe("SIGKILL");
      const atKill = await jobStates(url);
      // Killed mid-batch: it held leased jobs, and work was left.
      expect(atKill.active ?? 0).toBeGreaterThan(0);
      expect(atKill.completed ?? 0).toBeLessThan(REPORTS);

      const rescuer = startSitrep(["worker", "--db", url, "--drain", "-f", "json", ...WORKER_FLAGS]);
      expect(await exitWithin(rescuer.exited, FINISH_WAIT_MS)).toBe(EXIT.ok);
      expectWhole(await auditStore(url), REPORTS);
      expect(await jobStates(url)).toEqual({ completed: REPORTS });
      const report = JSON.parse(rescuer.stdout()) as { jobs: number; ingested: number; unchanged: number };
      // The rescuer did what was left, including the dead worker's leased jobs once their lease expired.
      expect(report.jobs).toBe(REPORTS - (atKill.completed ?? 0));
      expect(report.ingested + report.unchanged).toBe(report.jobs);
    },
    FAULT_TEST_TIMEOUT_MS,
  );

  it(
    "faults: PostgreSQL restarted during a run: the worker reconnects and finishes, no article half-written",
    async ({ skip }) => {
      if (!server.restart)
        skip("the PostgreSQL server is external ($SITREP_TEST_PG_URL): it cannot be restarted");
      const url = await enqueued(REPORTS, 60);
      const worker = startSitrep(["worker", "--db", url, "--drain", "-f", "json", ...WORKER_FLAGS]);
      await waitFor(
        "the first articles",
        async () => (await storedArticles(url)) >= STORED_BEFORE_FAULT,
        FIRST_ARTICLES_WAIT_MS,
      );
      await server.restart?.(DOWN_MS);
      const code = await exitWithin(worker.exited, FINISH_WAIT_MS);
      if (code !== EXIT.ok) console.error(worker.stderr());
      expect(code).toBe(EXIT.ok);
      expect(worker.stderr()).toMatch(/waiting for the database|cannot take jobs/);
      expect(worker.stderr()).not.toMatch(/internal error|Unhandled|\n\s+at /);
      expectWhole(await auditStore(url), REPORTS);
      expect(await jobStates(url)).toEqual({ completed: REPORTS });
    },
    FAULT_TEST_TIMEOUT_MS,
  );

  it(
    "faults: SIGTERM stops a worker gracefully: the jobs in hand are finished, none is left leased",
    async () => {
      const url = await enqueued(REPORTS, 60);
      const worker = startSitrep(["worker", "--db", url, ...WORKER_FLAGS]);
      await waitFor(
        "the first articles",
        async () => (await storedArticles(url)) >= STORED_BEFORE_FAULT,
        FIRST_ARTICLES_WAIT_MS,
      );
      worker.child.kill("SIGTERM");
      expect(await exitWithin(worker.exited, FINISH_WAIT_MS)).toBe(EXIT.ok);
      expect(worker.stderr()).toMatch(/stopping after the jobs in hand/);
      const states = await jobStates(url);
      expect(states.active ?? 0).toBe(0);
      const done = states.completed ?? 0;
      expect(done).toBeGreaterThanOrEqual(STORED_BEFORE_FAULT);
      expect(done + (states.created ?? 0)).toBe(REPORTS);
      expectWhole(await auditStore(url), done);
    },
    FAULT_TEST_TIMEOUT_MS,
  );

  it("faults: a database that turned read-only: `ingest --queue` and `worker` say so and exit 4, writing nothing", async () => {
    const url = await server.freshDatabase();
    // The store and the queue exist; then the database refuses writes to every new session.
    const store = await openStore(url);
    await (await openQueue(url)).close();
    await store.close();
    const database = new URL(url).pathname.slice(1);
    await withClient(server.adminUrl, (c) =>
      c.query(`ALTER DATABASE ${c.escapeIdentifier(database)} SET default_transaction_read_only = on`),
    );
    const ingest = captureIo();
    expect(await runIngest({ inputs: [reportCorpus(3)], db: url, queue: true }, ingest)).toBe(EXIT.store);
    expect(ingest.err()).toMatch(/takes no writes .*set read-only.*\[store\/read-only\]/);
    const worker = captureIo();
    expect(await runWorkerCommand({ db: url, threads: 0 }, worker)).toBe(EXIT.store);
    expect(worker.err()).toMatch(/takes no writes .*set read-only.*\[store\/read-only\]/);
    expect(await jobStates(url)).toEqual({});
    expect(await storedArticles(url)).toBe(0);
  });
});

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN): the disk tests need one. */
function canMount(): boolean {
  const probe = tmpDir();
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const CAN_MOUNT = canMount();
const MOUNT_SKIP_MESSAGE =
  "skipped: the disk-full test mounts a small tmpfs, which needs root with CAP_SYS_ADMIN";
if (!CAN_MOUNT) console.info(MOUNT_SKIP_MESSAGE);

/** A tmpfs of `size` (mount's syntax, e.g. "1m") at a new folder; unmounted by the returned function. */
function smallDisk(size: string): { dir: string; unmount(): void } {
  const dir = tmpDir();
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
  return {
    dir,
    unmount: () => {
      execFileSync("umount", ["-l", dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface SqliteAudit {
  articles: number;
  revisions: number;
  withoutRevision: number;
  eventsMismatched: number;
}

/** What the SQLite store holds, and whether every article is whole (schema of migrations/001). */
function auditSqlite(path: string): SqliteAudit {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT
           (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM revisions) AS revisions,
           (SELECT count(*) FROM articles a WHERE NOT EXISTS (
              SELECT 1 FROM revisions r WHERE r.article_id = a.id AND r.revision = a.current_revision))
             AS withoutRevision,
           (SELECT count(*) FROM articles a
              JOIN revisions r ON r.article_id = a.id AND r.revision = a.current_revision
              WHERE json_array_length(r.record, '$.events') <>
                (SELECT count(*) FROM events e WHERE e.article_id = a.id)) AS eventsMismatched`,
      )
      .get() as SqliteAudit;
  } finally {
    db.close();
  }
}

describe("faults: the SQLite store", () => {
  it("faults: a read-only store file: `ingest` says so and exits 4, and the store is unchanged", async () => {
    const db = join(tmpDir(), "sitrep.db");
    await (await openStore(db)).close();
    chmodSync(db, 0o444);
    const io = captureIo();
    expect(await runIngest({ inputs: [reportCorpus(2)], db }, io)).toBe(EXIT.store);
    expect(io.err()).toMatch(/is read-only: make it writable .*\[store\/read-only\]/);
    expect(auditSqlite(db)).toMatchObject({ articles: 0, revisions: 0 });
  });

  it.skipIf(!CAN_MOUNT)(
    "faults: a disk that fills up stops `ingest` with a clear message and exit 4; the store keeps whole articles",
    async () => {
      const disk = smallDisk("1m");
      try {
        const db = join(disk.dir, "store", "sitrep.db");
        mkdirSync(join(disk.dir, "store"));
        const io = captureIo();
        expect(await runIngest({ inputs: [reportCorpus(200)], db }, io)).toBe(EXIT.store);
        expect(io.err()).toMatch(/stopped: cannot use the store .*: database or disk is full \[store\/io\]/);
        expect(existsSync(db)).toBe(true);
        const audit = auditSqlite(db);
        expect(audit.articles).toBeGreaterThan(0);
        expect(audit.articles).toBeLessThan(200);
        expect(audit).toMatchObject({ revisions: audit.articles, withoutRevision: 0, eventsMismatched: 0 });
        // The summary counts exactly what the store kept.
        expect(io.err()).toMatch(new RegExp(`: ${audit.articles} ingested, `));
      } finally {
        disk.unmount();
      }
    },
  );
});
