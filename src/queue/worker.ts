/**
 * A worker: takes jobs from the queue, analyses them on the worker-thread pool, stores each result in its
 * own transaction and completes the job. Any number of workers, on any machines, may share one queue.
 *
 * The loop keeps up to `batch` jobs leased at once: whenever fewer are in hand it fetches more, so the
 * pool's threads never wait for a round trip; when the queue has none it waits `pollIntervalMs` (or until a
 * job in hand finishes). Each job, in order:
 * 1. decode and check its payload (a bad payload completes the job as failed: "queue/bad-job");
 * 2. content already in the store → complete it "unchanged" (a job retaken after its worker died, or the
 *    same content enqueued again after its job was archived);
 * 3. analyse it; a document the pipeline cannot analyse (a fatal diagnostic, a crash or timeout of its
 *    analysis) completes the job as failed with the reason: another try would fail the same way;
 * 4. store it (`putAnalysis`: one transaction; the same content twice is stored once) and complete it.
 * While the database cannot be reached (a restart) steps 2, 4 and the completion wait and try again with
 * backoff, up to `reconnectWaitMs` per job; then, or for any other store failure (locked, disk full,
 * read-only), the job is failed so that the queue retries it with backoff, up to its retry limit.
 *
 * Exactly once: a job is completed only after its article is committed, so a worker killed at any point
 * leaves its jobs leased; their lease expires, the queue's maintenance (run by every worker) puts them back,
 * and another worker takes them. A job whose article was committed but not completed is found stored
 * (step 2). No article is lost and none is stored twice.
 *
 * Stopping (`signal`): no more jobs are taken; those in hand are finished and completed, then it returns.
 * With `drain`, it returns once no job is waiting, retrying or running anywhere (a dead worker's leased
 * jobs are waited for until they expire and are done).
 */
import { setTimeout as sleep } from "node:timers/promises";
import { canonicalUrl, isStoreError, type PutStatus, type Store, StoreError } from "../store/index.js";
import { type AnalysisPool, IN_FLIGHT_PER_THREAD, isAnalysisPoolError } from "../workers/index.js";
import {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_RECONNECT_WAIT_MS,
  NOTICE_INTERVAL_MS,
  RECONNECT_BACKOFF_MAX_MS,
  RECONNECT_BACKOFF_MIN_MS,
} from "./constants.js";
import { decodeJob, JobError } from "./jobs.js";
import type { JobOutput, Queue, QueueJob } from "./queue.js";

export interface RunWorkerOptions {
  /** Jobs leased at once, at most. Default: the pool's threads × 2 (one running, one waiting per thread). */
  batch?: number;
  /** Return once the queue has nothing waiting, retrying or running. Default false: run until stopped. */
  drain?: boolean;
  /** Abort to stop taking jobs; those in hand are finished first. */
  signal?: AbortSignal;
  /** Wait between polls of an empty queue (ms). */
  pollIntervalMs?: number;
  /** How long one job waits for an unreachable database before it is failed for a retry (ms). */
  reconnectWaitMs?: number;
  /** Called after each job (progress, logs). */
  onJob?: (result: JobResult) => void;
  /** Messages about the database (unreachable, back), at most one per kind every few seconds. */
  onNotice?: (message: string) => void;
}

/** What became of one job in this worker. */
export type JobResult =
  | { id: string; input: string; status: PutStatus; articleId: number; revision: number }
  | { id: string; input: string; status: "failed"; code: string; message: string }
  /**
   * Failed for a retry: the queue tries it again after a backoff, unless this was its last try (`lastTry`:
   * the job is then failed for good, and `sitrep status` lists it).
   */
  | {
      id: string;
      input: string;
      status: "retry";
      code: string;
      message: string;
      retryCount: number;
      lastTry: boolean;
    };

export interface WorkerSummary {
  /** Jobs this worker finished (completed or failed). */
  jobs: number;
  ingested: number;
  revised: number;
  unchanged: number;
  /** Completed as failed: the pipeline could not analyse the document, or the payload was bad. */
  failed: number;
  /** Failed for a retry (store errors). */
  retried: number;
  /** Jobs whose completion could not be recorded (the database stayed away): their lease will expire. */
  abandoned: number;
}

/** Run a worker until stopped (or, with `drain`, until the queue is empty); resolves with what it did. */
export async function runWorker(
  queue: Queue,
  store: Store,
  pool: AnalysisPool,
  options: RunWorkerOptions = {},
): Promise<WorkerSummary> {
  const batch = options.batch ?? Math.max(1, pool.threads) * IN_FLIGHT_PER_THREAD;
  if (!Number.isInteger(batch) || batch < 1)
    throw new RangeError(`runWorker: batch must be an integer ≥ 1, got ${batch}`);
  const worker = new Worker(queue, store, pool, options);
  return worker.run(batch);
}

class Worker {
  private readonly summary: WorkerSummary = {
    jobs: 0,
    ingested: 0,
    revised: 0,
    unchanged: 0,
    failed: 0,
    retried: 0,
    abandoned: 0,
  };
  private readonly inHand = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  /** A job finished since the loop last paused (so the next pause returns at once). */
  private woken = false;
  /** The pool cannot analyse at all: stop taking jobs, and throw this once those in hand are done. */
  private fatal: Error | null = null;
  private readonly lastNotice = new Map<string, number>();
  private readonly pollIntervalMs: number;
  private readonly reconnectWaitMs: number;

  constructor(
    private readonly queue: Queue,
    private readonly store: Store,
    private readonly pool: AnalysisPool,
    private readonly options: RunWorkerOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.reconnectWaitMs = options.reconnectWaitMs ?? DEFAULT_RECONNECT_WAIT_MS;
  }

  async run(batch: number): Promise<WorkerSummary> {
    const { signal } = this.options;
    let backoff = RECONNECT_BACKOFF_MIN_MS;
    while (!signal?.aborted && !this.fatal) {
      const room = batch - this.inHand.size;
      let fetched = 0;
      try {
        if (room > 0) {
          const jobs = await this.queue.fetch(room);
          fetched = jobs.length;
          for (const job of jobs) this.start(job);
        }
        if (fetched > 0 && fetched === room) continue;
        if (
          this.options.drain &&
          this.inHand.size === 0 &&
          fetched === 0 &&
          (await this.queue.pending()) === 0
        )
          break;
        backoff = RECONNECT_BACKOFF_MIN_MS;
      } catch (error) {
        // The database is down (a restart) or refuses (read-only): keep asking, with backoff.
        this.notice("queue", `cannot take jobs: ${messageOf(error)}; trying again`);
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, RECONNECT_BACKOFF_MAX_MS);
        continue;
      }
      await this.pause(this.pollIntervalMs);
    }
    while (this.inHand.size > 0) await Promise.race(this.inHand);
    if (this.fatal) throw this.fatal;
    return { ...this.summary };
  }

  /** Work on one job in the background; wakes the loop when it is done. */
  private start(job: QueueJob): void {
    const work = this.process(job).finally(() => {
      this.inHand.delete(work);
      this.woken = true;
      this.wake?.();
    });
    this.inHand.add(work);
  }

  /** Wait `ms`, or less when a job finishes or the signal aborts. */
  private async pause(ms: number): Promise<void> {
    const { signal } = this.options;
    if (this.woken || signal?.aborted) {
      this.woken = false;
      return;
    }
    const woken = new Promise<void>((resolve) => {
      this.wake = resolve;
    });
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await Promise.race([woken, sleep(ms, undefined, { signal: controller.signal }).catch(() => {})]);
    } finally {
      controller.abort();
      signal?.removeEventListener("abort", onAbort);
      this.wake = null;
      this.woken = false;
    }
  }

  private async process(job: QueueJob): Promise<void> {
    let input = job.id;
    let result: JobResult;
    try {
      const { doc, warnings, contentHash } = decodeJob(job.data);
      input = doc.name;
      const seen = await this.withDatabase(() => this.store.markSeen(contentHash));
      if (seen) result = { id: job.id, input, status: "unchanged", ...seen };
      else {
        const outcome = await this.pool.analyze(doc, { warnings });
        if (!outcome.ok)
          result = { id: job.id, input, status: "failed", code: outcome.code, message: outcome.message };
        else {
          const meta = {
            contentHash,
            canonicalUrl: canonicalUrl(outcome.record.article.url ?? doc.url),
          };
          const put = await this.withDatabase(() => this.store.putAnalysis(outcome.record, meta));
          result = { id: job.id, input, ...put };
        }
      }
    } catch (error) {
      if (error instanceof JobError)
        result = { id: job.id, input, status: "failed", code: error.code, message: error.message };
      else if (isAnalysisPoolError(error) && error.code !== "pool/startup-failed")
        // The pool was closed under the job (the worker is stopping at once): leave it to its lease.
        return;
      else {
        if (isAnalysisPoolError(error)) this.fatal ??= error;
        result = {
          id: job.id,
          input,
          status: "retry",
          code: isStoreError(error) ? error.code : isAnalysisPoolError(error) ? error.code : "internal",
          message: messageOf(error),
          retryCount: job.retryCount,
          lastTry: job.retryCount >= job.retryLimit,
        };
      }
    }
    await this.finish(job, result);
  }

  /** Record the job's outcome in the queue (waiting for the database if need be), then count it. */
  private async finish(job: QueueJob, result: JobResult): Promise<void> {
    try {
      await this.withDatabase(() =>
        result.status === "retry"
          ? this.queue.fail(job.id, { input: result.input, code: result.code, message: result.message })
          : this.queue.complete(job.id, outputOf(result)),
      );
    } catch (error) {
      // The database stayed away: the job's lease expires and it is taken again (and found stored).
      this.summary.abandoned++;
      this.notice("abandoned", `a job could not be recorded (${messageOf(error)}); it will be taken again`);
      return;
    }
    this.summary.jobs++;
    if (result.status === "retry") this.summary.retried++;
    else this.summary[result.status]++;
    this.options.onJob?.(result);
  }

  /**
   * Run a database call, trying again with backoff while the server cannot be reached, for up to
   * `reconnectWaitMs`; then (or for any other failure) it throws.
   */
  private async withDatabase<T>(call: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.reconnectWaitMs;
    let backoff = RECONNECT_BACKOFF_MIN_MS;
    let waited = false;
    for (;;) {
      try {
        const value = await call();
        if (waited) this.notice("back", "the database is reachable again");
        return value;
      } catch (error) {
        if (!isUnreachable(error) || Date.now() + backoff > deadline) throw error;
        this.noticeUnreachable(error);
        waited = true;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, RECONNECT_BACKOFF_MAX_MS);
      }
    }
  }

  private noticeUnreachable(error: unknown): void {
    this.notice("unreachable", `waiting for the database: ${messageOf(error)}`);
  }

  private notice(kind: string, message: string): void {
    const now = Date.now();
    if (now - (this.lastNotice.get(kind) ?? Number.NEGATIVE_INFINITY) < NOTICE_INTERVAL_MS) return;
    this.lastNotice.set(kind, now);
    this.options.onNotice?.(message);
  }
}

function outputOf(result: Exclude<JobResult, { status: "retry" }>): JobOutput {
  if (result.status === "failed")
    return { status: "failed", input: result.input, code: result.code, message: result.message };
  return {
    status: result.status,
    input: result.input,
    articleId: result.articleId,
    revision: result.revision,
  };
}

/** The database cannot be reached right now (down, restarting): worth waiting for. */
function isUnreachable(error: unknown): boolean {
  return error instanceof StoreError && error.code === "store/unreachable";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
