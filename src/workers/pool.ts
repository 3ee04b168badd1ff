/**
 * The analysis pool: worker threads that each load the pipeline once and analyse one document at a time.
 *
 * - `analyze(doc)` queues a document and resolves with its outcome (record or failure), never rejecting for
 *   a problem of the document: a throw, a worker that runs out of memory, exits or exceeds the timeout fails
 *   that document only, and a fresh worker takes the dead one's place.
 * - It rejects (`AnalysisPoolError`) only for the pool's own state: closed, queue full ("pool/busy"),
 *   aborted by the caller's signal, or workers that cannot start at all ("pool/startup-failed").
 * - Bounded: at most `maxQueue` documents wait; callers that stream many inputs keep a window in flight
 *   with `mapOrdered` (ingest), so 10,000 files are never all in memory.
 * - Idle workers do not keep the process alive; running ones do. `close()` cancels what is queued or
 *   running and stops the workers.
 *
 * Where the worker code comes from: beside this module. Built (`dist/workers/pool.js`, what bin/sitrep.js
 * runs) it is `dist/workers/analysis-worker.js`. Run from the TypeScript sources (vitest, `tsx bench/…`) it
 * is `src/workers/analysis-worker.ts`, loaded through tsx (a devDependency), so tests and benchmarks always
 * run the current sources without a build.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SourceDocument } from "../core/doc.js";
import type { IngestWarning } from "../ingest/index.js";
import {
  DEFAULT_MAX_QUEUE,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WORKER_HEAP_MB,
  RESERVED_THREADS,
} from "./constants.js";
import type { AnalyzeFailureCode, AnalyzeOutcome } from "./outcome.js";
import type { AnalyzeRequest, WorkerMessage } from "./protocol.js";

export interface AnalysisPoolOptions {
  /**
   * Worker threads. Default: `os.availableParallelism() - 1`, at least 1. 0 analyses on the calling thread
   * instead (same outcomes, no workers to start: for a few small inputs, tests, or a `--threads 0` flag).
   */
  threads?: number;
  /** Documents that may wait for a worker before `analyze` rejects with "pool/busy". Default 256. */
  maxQueue?: number;
  /** Longest analysis of one document (ms); 0 for none. Default 300,000 (5 minutes). */
  timeoutMs?: number;
  /** Old-generation heap limit of each worker (MB). Default 2048. */
  maxMemoryMb?: number;
  /**
   * The worker module (a file URL; `.ts` is loaded through tsx). Default: `analysis-worker` beside this
   * module. Tests pass one that runs `serveAnalysis` with injected faults.
   */
  workerModule?: URL;
}

export interface AnalyzeCallOptions {
  /** Read warnings of the document (ingest's `item.warnings`): they go first among its diagnostics. */
  warnings?: readonly IngestWarning[];
  /** Abort to give up on this document: it leaves the queue, or its result is dropped if it is running. */
  signal?: AbortSignal;
}

export interface AnalysisPoolStats {
  threads: number;
  /** Documents waiting for a worker. */
  queued: number;
  /** Documents being analysed. */
  running: number;
  /** Documents finished (record or failure). */
  completed: number;
  /** Workers replaced after a crash, running out of memory or a timeout. */
  restarts: number;
}

export interface AnalysisPool {
  readonly threads: number;
  /** Analyse one document in a worker. Resolves with its outcome; rejects only with `AnalysisPoolError`. */
  analyze(doc: SourceDocument, options?: AnalyzeCallOptions): Promise<AnalyzeOutcome>;
  /** Resolves once every worker has loaded the pipeline; rejects ("pool/startup-failed") if they cannot. */
  ready(): Promise<void>;
  stats(): AnalysisPoolStats;
  /** Cancel queued and running documents ("pool/closed") and stop the workers. Safe to call twice. */
  close(): Promise<void>;
}

export type AnalysisPoolErrorCode = "pool/closed" | "pool/busy" | "pool/aborted" | "pool/startup-failed";

/** A problem of the pool, not of a document. */
export class AnalysisPoolError extends Error {
  readonly code: AnalysisPoolErrorCode;
  constructor(code: AnalysisPoolErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AnalysisPoolError";
    this.code = code;
  }
}

export function isAnalysisPoolError(error: unknown): error is AnalysisPoolError {
  return error instanceof AnalysisPoolError;
}

/** The default number of worker threads: every core but the caller's, at least one. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - RESERVED_THREADS);
}

export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const resolved = resolveOptions(options);
  return resolved.threads === 0 ? new InProcessPool() : new WorkerPool(resolved);
}

interface ResolvedOptions {
  threads: number;
  maxQueue: number;
  timeoutMs: number;
  maxMemoryMb: number;
  entry: WorkerEntry;
}

function resolveOptions(options: AnalysisPoolOptions): ResolvedOptions {
  const threads = options.threads ?? defaultThreads();
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_WORKER_HEAP_MB;
  positiveInteger("threads", threads, 0);
  if (maxQueue !== Number.POSITIVE_INFINITY) positiveInteger("maxQueue", maxQueue, 0);
  positiveInteger("timeoutMs", timeoutMs, 0);
  positiveInteger("maxMemoryMb", maxMemoryMb);
  return { threads, maxQueue, timeoutMs, maxMemoryMb, entry: workerEntry(options.workerModule) };
}

function positiveInteger(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`createAnalysisPool: ${name} must be an integer ≥ ${min}, got ${value}`);
}

interface WorkerEntry {
  /** The worker module. */
  url: URL;
  /** What `new Worker` runs: the module itself, or (for a `.ts` module) a bootstrap that loads it via tsx. */
  script: URL | string;
  eval: boolean;
}

/** Where the worker module is, and how to load it (see the module comment). */
function workerEntry(module?: URL): WorkerEntry {
  const self = import.meta.url;
  const fromSources = self.endsWith(".ts");
  const url = module ?? new URL(fromSources ? "./analysis-worker.ts" : "./analysis-worker.js", self);
  if (!url.pathname.endsWith(".ts")) return { url, script: url, eval: false };
  // tsx's `--import` hooks do not register inside worker threads on Node 20, so the worker registers
  // tsx itself (its ESM API) and then imports the module.
  const api = tsxEsmApi(self, url);
  const script = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return { url, script, eval: true };
}

/** The file URL of tsx's ESM API (`tsx/esm/api`, import condition), read from tsx's export map. */
function tsxEsmApi(from: string, worker: URL): string {
  try {
    const require = createRequire(from);
    const manifestPath = require.resolve("tsx/package.json");
    const manifest = require(manifestPath) as {
      exports?: Record<string, string | { import?: string | { default?: string } }>;
    };
    const entry = manifest.exports?.["./esm/api"];
    const target = typeof entry === "object" ? entry.import : undefined;
    const file = typeof target === "object" ? target.default : target;
    if (!file) throw new Error('tsx\'s package.json has no "./esm/api" import export');
    return new URL(file, pathToFileURL(manifestPath)).href;
  } catch (error) {
    throw new AnalysisPoolError(
      "pool/startup-failed",
      `the analysis worker ${worker.pathname} is TypeScript and needs tsx (a devDependency) to load: ` +
        "run `npm install`, or run the built dist/ (`npm run build`)",
      { cause: error },
    );
  }
}

interface Task {
  id: number;
  doc: SourceDocument;
  warnings: IngestWarning[];
  resolve(outcome: AnalyzeOutcome): void;
  reject(error: AnalysisPoolError): void;
  settled: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  readiness: Promise<void>;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
  /** The worker's "error" event (uncaught throw, ERR_WORKER_OUT_OF_MEMORY), read when it exits. */
  error: Error | null;
}

class WorkerPool implements AnalysisPool {
  readonly threads: number;
  private readonly options: ResolvedOptions;
  private readonly slots = new Set<Slot>();
  private queue: Task[] = [];
  private nextId = 1;
  private completed = 0;
  private restarts = 0;
  private closing: Promise<void> | null = null;
  private broken: AnalysisPoolError | null = null;

  constructor(options: ResolvedOptions) {
    this.options = options;
    this.threads = options.threads;
    for (let i = 0; i < options.threads; i++) this.spawn();
  }

  analyze(doc: SourceDocument, options: AnalyzeCallOptions = {}): Promise<AnalyzeOutcome> {
    const refusal = this.refusal(options.signal);
    if (refusal) return Promise.reject(refusal);
    return new Promise<AnalyzeOutcome>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        doc,
        warnings: [...(options.warnings ?? [])],
        resolve,
        reject,
        settled: false,
        signal: options.signal,
      };
      if (task.signal) {
        const signal = task.signal;
        task.onAbort = () => {
          const waiting = this.queue.indexOf(task);
          if (waiting >= 0) this.queue.splice(waiting, 1);
          this.settle(task, {
            error: new AnalysisPoolError("pool/aborted", `analysis of ${doc.name} was aborted`, {
              cause: signal.reason,
            }),
          });
        };
        signal.addEventListener("abort", task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  ready(): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closing) return Promise.reject(closedError());
    return Promise.all([...this.slots].map((s) => s.readiness)).then(() => undefined);
  }

  stats(): AnalysisPoolStats {
    let running = 0;
    for (const s of this.slots) if (s.task) running++;
    return {
      threads: this.threads,
      queued: this.queue.length,
      running,
      completed: this.completed,
      restarts: this.restarts,
    };
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.cancelAll(closedError());
    const exits = [...this.slots].map((s) => s.worker.terminate().then(() => undefined));
    this.closing = Promise.all(exits).then(() => undefined);
    return this.closing;
  }

  /** Why a new document is refused, if it is. */
  private refusal(signal: AbortSignal | undefined): AnalysisPoolError | null {
    if (this.broken) return this.broken;
    if (this.closing) return closedError();
    if (signal?.aborted)
      return new AnalysisPoolError("pool/aborted", "analysis was aborted before it was queued", {
        cause: signal.reason,
      });
    if (this.queue.length >= this.options.maxQueue)
      return new AnalysisPoolError(
        "pool/busy",
        `the analysis queue is full (${this.options.maxQueue} documents waiting for ${this.threads} workers)`,
      );
    return null;
  }

  private spawn(): void {
    const worker = new Worker(this.options.entry.script, {
      eval: this.options.entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
    });
    let markReady = () => {};
    let markFailed: (error: AnalysisPoolError) => void = () => {};
    const readiness = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    // Observed through ready() or the pool's refusal; never an unhandled rejection on its own.
    readiness.catch(() => {});
    const slot: Slot = {
      worker,
      ready: false,
      readiness,
      task: null,
      timer: null,
      timedOut: false,
      error: null,
    };
    this.slots.add(slot);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "ready") {
        slot.ready = true;
        markReady();
        this.dispatch();
      } else this.onResult(slot, message.id, message.outcome);
    });
    worker.on("error", (error) => {
      slot.error = error;
    });
    worker.on("exit", (code) => this.onExit(slot, code, markFailed));
  }

  /** Give waiting documents to idle, ready workers. */
  private dispatch(): void {
    if (this.closing || this.broken) return;
    for (const slot of this.slots) {
      if (!slot.ready || slot.task) continue;
      const task = this.nextQueued();
      if (!task) break;
      slot.task = task;
      slot.worker.ref();
      if (this.options.timeoutMs > 0) {
        slot.timer = setTimeout(() => {
          slot.timedOut = true;
          void slot.worker.terminate();
        }, this.options.timeoutMs);
      }
      const request: AnalyzeRequest = { id: task.id, doc: task.doc, warnings: task.warnings };
      slot.worker.postMessage(request);
    }
    // Workers still starting keep the process alive (so an awaited ready() or queued document is not cut
    // short); idle ready workers do not.
    for (const slot of this.slots) if (slot.ready && !slot.task) slot.worker.unref();
  }

  /** The first queued document nobody gave up on. */
  private nextQueued(): Task | null {
    while (this.queue.length > 0) {
      const task = this.queue.shift() as Task;
      if (!task.settled) return task;
    }
    return null;
  }

  private onResult(slot: Slot, id: number, outcome: AnalyzeOutcome): void {
    const task = slot.task;
    this.release(slot);
    if (task && task.id === id) {
      this.completed++;
      this.settle(task, { outcome });
    }
    this.dispatch();
  }

  private onExit(slot: Slot, code: number, markFailed: (error: AnalysisPoolError) => void): void {
    const task = slot.task;
    this.release(slot);
    this.slots.delete(slot);
    if (!slot.ready) {
      if (this.closing || this.broken) {
        markFailed(this.broken ?? closedError());
        return;
      }
      // Not a document's fault: the worker could not load the pipeline. Replacing it would fail the same way.
      const reason = slot.error ? slot.error.message : `it exited with code ${code}`;
      const error = new AnalysisPoolError(
        "pool/startup-failed",
        `an analysis worker (${this.options.entry.url.pathname}) failed to start: ${reason}`,
        { cause: slot.error ?? undefined },
      );
      markFailed(error);
      this.fail(error);
      return;
    }
    if (this.closing || this.broken) return;
    if (task) {
      this.completed++;
      this.settle(task, { outcome: crashOutcome(slot, code, this.options) });
    }
    this.restarts++;
    this.spawn();
  }

  /** The worker is free again (result in, or it died). */
  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  private settle(task: Task, result: { outcome: AnalyzeOutcome } | { error: AnalysisPoolError }): void {
    if (task.settled) return;
    task.settled = true;
    if (task.signal && task.onAbort) task.signal.removeEventListener("abort", task.onAbort);
    if ("outcome" in result) task.resolve(result.outcome);
    else task.reject(result.error);
  }

  private cancelAll(error: AnalysisPoolError): void {
    for (const task of this.queue) this.settle(task, { error });
    this.queue = [];
    for (const slot of this.slots) if (slot.task) this.settle(slot.task, { error });
  }

  /** The pool cannot work: refuse everything from now on and stop the workers. */
  private fail(error: AnalysisPoolError): void {
    if (this.broken) return;
    this.broken = error;
    this.cancelAll(error);
    for (const slot of this.slots) void slot.worker.terminate();
  }
}

/**
 * `threads: 0`: the same interface on the calling thread. The pipeline is imported on first use; each
 * document runs to completion when its turn comes (there is no queue to bound, no worker to lose).
 */
class InProcessPool implements AnalysisPool {
  readonly threads = 0;
  private pipeline: Promise<typeof import("./analyze-outcome.js")> | null = null;
  private closed = false;
  private running = 0;
  private completed = 0;

  async analyze(doc: SourceDocument, options: AnalyzeCallOptions = {}): Promise<AnalyzeOutcome> {
    const { analyzeOutcome } = await this.load();
    if (this.closed) throw closedError();
    if (options.signal?.aborted)
      throw new AnalysisPoolError("pool/aborted", `analysis of ${doc.name} was aborted`, {
        cause: options.signal.reason,
      });
    this.running++;
    try {
      return analyzeOutcome(doc, options.warnings);
    } finally {
      this.running--;
      this.completed++;
    }
  }

  async ready(): Promise<void> {
    await this.load();
    if (this.closed) throw closedError();
  }

  stats(): AnalysisPoolStats {
    return { threads: 0, queued: 0, running: this.running, completed: this.completed, restarts: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private load(): Promise<typeof import("./analyze-outcome.js")> {
    if (this.closed) return Promise.reject(closedError());
    this.pipeline ??= import("./analyze-outcome.js");
    return this.pipeline;
  }
}

function closedError(): AnalysisPoolError {
  return new AnalysisPoolError("pool/closed", "the analysis pool was closed");
}

/** The failure of the document a worker was analysing when it died. */
function crashOutcome(slot: Slot, code: number, options: ResolvedOptions): AnalyzeOutcome {
  const fail = (c: AnalyzeFailureCode, message: string): AnalyzeOutcome => ({ ok: false, code: c, message });
  if (slot.timedOut)
    return fail(
      "pipeline/timeout",
      `analysis took longer than ${options.timeoutMs} ms; its worker was stopped and replaced`,
    );
  const error = slot.error as (Error & { code?: string }) | null;
  if (error?.code === "ERR_WORKER_OUT_OF_MEMORY")
    return fail(
      "pipeline/out-of-memory",
      `analysis ran out of memory (worker heap limit ${options.maxMemoryMb} MB); the worker was replaced`,
    );
  const why = error ? `it crashed: ${error.message}` : `it exited with code ${code}`;
  return fail(
    "pipeline/worker-crashed",
    `the analysis worker stopped on this document (${why}); it was replaced`,
  );
}
