/**
 * The queue: pg-boss (major 10) in the store's PostgreSQL database, in its own schema (`sitrep_queue`),
 * with one queue of analysis jobs. `openQueue` starts pg-boss on the store's URL (creating its schema and
 * the queue on first use; both are idempotent, so any number of processes may open it at once), and wraps
 * the few calls sitrep needs:
 * - `enqueue`: insert jobs, skipping those already queued (same content → same job id);
 * - `fetch` / `complete` / `fail`: a worker's side (see worker.ts);
 * - `query`: read-only SQL over pg-boss's tables (status.ts), through pg-boss's own connections.
 *
 * Connections: pg-boss's pool emits "error" for a connection lost while idle (a server restart); the queue
 * passes those to `onError` and never lets them crash the process. A call made while the server is down
 * rejects; callers decide whether to wait (worker.ts) or report it.
 */
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import { isPostgresUrl, redactUrl, StoreError } from "../store/index.js";
import { translatePgError } from "../store/postgres.js";
import {
  CLIENT_APPLICATION_NAME,
  DEFAULT_LEASE_S,
  DEFAULT_MAINTENANCE_INTERVAL_S,
  DEFAULT_RETRY_DELAY_S,
  DEFAULT_RETRY_LIMIT,
  ENQUEUE_CHUNK_BYTES,
  ENQUEUE_CHUNK_JOBS,
  QUEUE_CONNECT_TIMEOUT_MS,
  QUEUE_NAME,
  QUEUE_POOL_SIZE,
  QUEUE_SCHEMA,
  WORKER_APPLICATION_NAME,
} from "./constants.js";
import type { EncodedJob, JobData } from "./jobs.js";

export interface OpenQueueOptions {
  /**
   * "worker": runs the queue's maintenance (expiring dead workers' leases, archiving) and names its
   * connections so that `sitrep status` counts it; "client" (enqueue, status): neither.
   */
  role?: "worker" | "client";
  /** Lease of each job enqueued (s): a job not finished this long after it was taken is taken again. */
  leaseSeconds?: number;
  /** Retries of a job that failed for a reason another try may get past. */
  retryLimit?: number;
  /** Base delay of the retries (s), doubled per try with jitter. */
  retryDelaySeconds?: number;
  /** How often a worker runs the queue's maintenance (s). */
  maintenanceIntervalSeconds?: number;
  /** A lost idle connection or a failed maintenance run (never thrown: the queue carries on). */
  onError?: (error: Error) => void;
}

/** A job as a worker takes it. */
export interface QueueJob {
  id: string;
  /** The raw payload (decode it with `decodeJob`). */
  data: unknown;
  /** Tries before this one (0 on the first). */
  retryCount: number;
  /** Retries the job may have: a failure of the try with retryCount = retryLimit is final. */
  retryLimit: number;
}

/** What became of enqueued documents. */
export interface EnqueueResult {
  /** New jobs. */
  queued: number;
  /** Jobs already in the queue with the same content (waiting, running, done or failed). */
  alreadyQueued: number;
  /** The ids of the new jobs. */
  added: ReadonlySet<string>;
}

/** What a job's output records: its outcome in the store, or why it has none. */
export type JobOutput =
  | { status: "ingested" | "revised" | "unchanged"; input: string; articleId: number; revision: number }
  | { status: "failed"; input: string; code: string; message: string };

export interface Queue {
  /** The database's URL without its password (for messages). */
  readonly path: string;
  /** Insert the jobs (in chunks), skipping any already queued. */
  enqueue(jobs: readonly EncodedJob[]): Promise<EnqueueResult>;
  /**
   * Take up to `count` jobs: they are leased to this process until completed, failed or expired. Rejects
   * (a StoreError) when the database cannot be asked.
   */
  fetch(count: number): Promise<QueueJob[]>;
  /** The job is done (stored, found stored, or failed for good): it is never retried. */
  complete(id: string, output: JobOutput): Promise<void>;
  /** The job failed for a reason another try may get past: retried with backoff up to the retry limit. */
  fail(id: string, output: { code: string; message: string; input?: string }): Promise<void>;
  /** Jobs waiting, retrying or running (what a draining worker waits for). */
  pending(): Promise<number>;
  /** Read-only SQL over the queue's tables (`$schema` is not substituted: use QUEUE_SCHEMA). */
  query<R>(text: string, values?: unknown[]): Promise<R[]>;
  /** Stop pg-boss and close its connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Open the queue in the database at `url` (a postgres:// URL: the store's). Rejects with a StoreError that
 * says why when the server cannot be reached or refuses.
 */
export async function openQueue(url: string, options: OpenQueueOptions = {}): Promise<Queue> {
  const shown = redactUrl(url);
  if (!isPostgresUrl(url))
    throw new StoreError(
      "store/bad-url",
      shown,
      `the queue lives in PostgreSQL: give the store as a postgres:// URL, not ${shown}`,
    );
  const role = options.role ?? "client";
  const onError = options.onError ?? (() => {});
  const boss = new PgBoss({
    connectionString: url.trim(),
    schema: QUEUE_SCHEMA,
    max: QUEUE_POOL_SIZE,
    application_name:
      role === "worker"
        ? `${WORKER_APPLICATION_NAME} ${hostname()} ${process.pid}`
        : `${CLIENT_APPLICATION_NAME} ${process.pid}`,
    // Passed on to node-postgres' pool by pg-boss.
    connectionTimeoutMillis: QUEUE_CONNECT_TIMEOUT_MS,
    // No cron schedules: only workers run maintenance, on their interval.
    schedule: false,
    supervise: role === "worker",
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? DEFAULT_MAINTENANCE_INTERVAL_S,
  } as PgBoss.ConstructorOptions);
  // Without a listener an "error" event would throw: a lost connection must never take a worker down.
  boss.on("error", (error) => onError(error instanceof Error ? error : new Error(String(error))));
  try {
    await boss.start();
    await boss.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      retryLimit: options.retryLimit ?? DEFAULT_RETRY_LIMIT,
      retryDelay: options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_S,
      retryBackoff: true,
      expireInSeconds: options.leaseSeconds ?? DEFAULT_LEASE_S,
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw translatePgError(error, shown);
  }
  return new BossQueue(boss, shown, options);
}

class BossQueue implements Queue {
  private closed = false;

  constructor(
    private readonly boss: PgBoss,
    readonly path: string,
    private readonly options: OpenQueueOptions,
  ) {}

  async enqueue(jobs: readonly EncodedJob[]): Promise<EnqueueResult> {
    const added = new Set<string>();
    let offered = 0;
    let chunk: EncodedJob[] = [];
    let chunkBytes = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      for (const id of await this.insertChunk(chunk)) added.add(id);
      offered += chunk.length;
      chunk = [];
      chunkBytes = 0;
    };
    for (const job of jobs) {
      if (
        chunk.length >= ENQUEUE_CHUNK_JOBS ||
        (chunk.length > 0 && chunkBytes + job.bytes > ENQUEUE_CHUNK_BYTES)
      )
        await flush();
      chunk.push(job);
      chunkBytes += job.bytes;
    }
    await flush();
    return { queued: added.size, alreadyQueued: offered - added.size, added };
  }

  async fetch(count: number): Promise<QueueJob[]> {
    // pg-boss's fetch answers an empty list when its query fails; its query goes through this wrapper,
    // which keeps the failure, so that a database that is down or read-only is told from an empty queue.
    let failure: unknown = null;
    const db = this.boss.getDb();
    const watched: PgBoss.Db = {
      executeSql: (text, values) =>
        db.executeSql(text, values).catch((error: unknown) => {
          failure = error;
          throw error;
        }),
    };
    const jobs = await this.call(() =>
      this.boss.fetch<JobData>(QUEUE_NAME, { batchSize: count, includeMetadata: true, db: watched }),
    );
    if (failure !== null) throw translatePgError(failure, this.path);
    return jobs.map((j) => ({ id: j.id, data: j.data, retryCount: j.retryCount, retryLimit: j.retryLimit }));
  }

  async complete(id: string, output: JobOutput): Promise<void> {
    await this.call(() => this.boss.complete(QUEUE_NAME, id, output));
  }

  async fail(id: string, output: { code: string; message: string; input?: string }): Promise<void> {
    await this.call(() => this.boss.fail(QUEUE_NAME, id, output));
  }

  async pending(): Promise<number> {
    // State before "completed": created, retry, active.
    return this.call(() => this.boss.getQueueSize(QUEUE_NAME, { before: "completed" }));
  }

  async query<R>(text: string, values: unknown[] = []): Promise<R[]> {
    const result = await this.call(() => this.boss.getDb().executeSql(text, values));
    return (result?.rows ?? []) as R[];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.boss.stop({ graceful: false, close: true });
  }

  /**
   * Insert one chunk of jobs; the ids that were new. Ids already in the queue are looked up first (pg-boss's
   * insert skips them silently): two enqueuers racing on the same content may both count it as new, never
   * make two jobs of it. Archived jobs (finished long ago) are history: their content is enqueued again, and
   * the worker finds it stored, or tries a failed one again, as `sitrep ingest` would.
   */
  private async insertChunk(chunk: readonly EncodedJob[]): Promise<string[]> {
    const unique = new Map(chunk.map((job) => [job.id, job]));
    const existing = await this.query<{ id: string }>(
      `SELECT id::text AS id FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
      [QUEUE_NAME, [...unique.keys()]],
    );
    for (const { id } of existing) unique.delete(id);
    if (unique.size === 0) return [];
    const { leaseSeconds, retryLimit, retryDelaySeconds } = this.options;
    await this.call(() =>
      this.boss.insert(
        [...unique.values()].map((job) => ({
          id: job.id,
          name: QUEUE_NAME,
          data: job.data,
          // The content hash names the job in pg-boss's own tools too.
          singletonKey: job.data.contentHash,
          ...(leaseSeconds === undefined ? {} : { expireInSeconds: leaseSeconds }),
          ...(retryLimit === undefined ? {} : { retryLimit }),
          ...(retryDelaySeconds === undefined ? {} : { retryDelay: retryDelaySeconds, retryBackoff: true }),
        })),
      ),
    );
    return [...unique.keys()];
  }

  /** A pg-boss call; a database failure becomes a StoreError with a clear message. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translatePgError(error, this.path);
    }
  }
}
