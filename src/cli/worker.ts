/**
 * `sitrep worker --db postgres://… [--threads N] [--batch N] [--drain]`: take analysis jobs from the queue
 * in the store's PostgreSQL database (filled by `sitrep ingest --queue`), analyse them on every core and
 * store each article in its own transaction. Run any number, on any machines, against one database.
 *
 * Runs until stopped: Ctrl-C or SIGTERM stops taking jobs, finishes those in hand and exits (130 after
 * Ctrl-C, 0 after SIGTERM); a second signal quits at once (the jobs in hand go back to the queue when their
 * lease expires). With `--drain` it exits 0 once no job is waiting, retrying or running. Failed documents
 * and database trouble go to stderr as they happen; the summary at the end (or `-f json` on stdout).
 * The store cannot be reached or used at start: exit 4.
 */
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import {
  DEFAULT_MAINTENANCE_INTERVAL_S,
  type JobResult,
  openQueue,
  type Queue,
  runWorker,
  type WorkerSummary,
} from "../queue/index.js";
import {
  defaultStorePath,
  isPostgresUrl,
  isStoreError,
  openStore,
  STORE_ENV,
  type Store,
} from "../store/index.js";
import {
  type AnalysisPool,
  createAnalysisPool,
  defaultThreads,
  IN_FLIGHT_PER_THREAD,
} from "../workers/index.js";
import { type CliIo, EXIT, processIo } from "./io.js";

export const WORKER_FORMATS = ["text", "json"] as const;
export type WorkerFormat = (typeof WORKER_FORMATS)[number];
/** A progress line at most this often (ms), when jobs were done since the last one. */
const PROGRESS_LINE_MS = 10_000;
const KIB = 1024;

export interface WorkerCommandOptions {
  /** A postgres:// URL; default `$SITREP_DB`. */
  db?: string;
  /** Analysis threads; default every core but one. 0 analyses on the main thread. */
  threads?: number;
  /** Jobs leased at once; default threads × 2. */
  batch?: number;
  /** Exit once the queue is empty. */
  drain?: boolean;
  /** How often this worker runs the queue's maintenance (s). */
  maintenanceIntervalSeconds?: number;
  /** Wait between polls of an empty queue (ms). */
  pollIntervalMs?: number;
  format?: WorkerFormat;
  /** Abort to stop after the jobs in hand (the command wires SIGINT/SIGTERM to it); exit 130. */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}

/** What `-f json` prints at the end (and what bench:scale reads). */
export interface WorkerReport extends WorkerSummary {
  threads: number;
  batch: number;
  /** From the start of the command until the analysis threads were ready (s). */
  startupSeconds: number;
  /** From the start of the command to the end (s). */
  seconds: number;
  /** Peak resident memory of the process, analysis threads included (MB). */
  peakRssMB: number;
  stopped: "drained" | "signal";
}

/** Run `worker`; returns the exit code. */
export async function runWorkerCommand(
  options: WorkerCommandOptions,
  io: CliIo = processIo(),
): Promise<number> {
  const now = options.now ?? Date.now;
  const started = now();
  const path = defaultStorePath(options.db, options.env ?? process.env);
  if (!isPostgresUrl(path))
    throw new SitrepError(
      "usage",
      `the work queue lives in PostgreSQL: give the store as --db postgres://user@host/database (or $${STORE_ENV}), not a file`,
    );
  const threads = options.threads ?? defaultThreads();
  const batch = options.batch ?? Math.max(1, threads) * IN_FLIGHT_PER_THREAD;
  const log = (line: string) => io.stderr.write(`sitrep worker: ${line}\n`);
  let store: Store | null = null;
  let queue: Queue | null = null;
  let pool: AnalysisPool | null = null;
  try {
    try {
      store = await openStore(path);
      queue = await openQueue(path, {
        role: "worker",
        maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? DEFAULT_MAINTENANCE_INTERVAL_S,
        onError: (error) => log(`queue: ${error.message} (carrying on)`),
      });
    } catch (error) {
      if (!isStoreError(error)) throw error;
      io.stderr.write(`sitrep worker: ${error.message} [${error.code}]\n`);
      return EXIT.store;
    }
    pool = createAnalysisPool({ threads, maxQueue: batch });
    await pool.ready();
    const startupSeconds = (now() - started) / 1000;
    log(`taking jobs from ${queue.path} with ${threads} analysis thread${threads === 1 ? "" : "s"}`);
    const progress = new WorkerProgress(log, now);
    const summary = await runWorker(queue, store, pool, {
      batch,
      drain: options.drain,
      signal: options.signal,
      pollIntervalMs: options.pollIntervalMs,
      onJob: (result) => progress.job(result),
      onNotice: (message) => log(message),
    });
    const stopped = options.signal?.aborted ? "signal" : "drained";
    const report: WorkerReport = {
      ...summary,
      threads,
      batch,
      startupSeconds,
      seconds: (now() - started) / 1000,
      peakRssMB: process.resourceUsage().maxRSS / KIB,
      stopped,
    };
    writeSummary(log, report);
    if (options.format === "json") io.stdout.write(`${JSON.stringify(report)}\n`);
    return stopped === "signal" ? EXIT.interrupted : EXIT.ok;
  } finally {
    await pool?.close();
    await queue?.close().catch(() => {});
    await store?.close().catch(() => {});
  }
}

/** Failures as they happen; a progress line every PROGRESS_LINE_MS while jobs are done. */
class WorkerProgress {
  private done = 0;
  private lastLine: number;
  private lastDone = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number,
  ) {
    this.lastLine = now();
  }

  job(result: JobResult): void {
    this.done++;
    if (result.status === "failed") this.log(`${result.input}: ${result.message} [${result.code}]`);
    if (result.status === "retry")
      this.log(
        `${result.input}: ${result.message} [${result.code}]; ${
          result.lastTry
            ? `out of retries (${result.retryCount}): the job failed`
            : `the queue will try it again (retry ${result.retryCount + 1})`
        }`,
      );
    const t = this.now();
    if (t - this.lastLine < PROGRESS_LINE_MS) return;
    const rate = ((this.done - this.lastDone) * 1000) / (t - this.lastLine);
    this.log(`${this.done} jobs done, ${rate.toFixed(1)}/s`);
    this.lastLine = t;
    this.lastDone = this.done;
  }
}

function writeSummary(log: (line: string) => void, r: WorkerReport): void {
  const rate = r.seconds > 0 ? ` (${(r.jobs / r.seconds).toFixed(1)}/s)` : "";
  log(
    `${r.stopped === "drained" ? "queue empty" : "stopped"}: ${r.jobs} job${r.jobs === 1 ? "" : "s"} in ${r.seconds.toFixed(1)}s${rate}: ` +
      `${r.ingested} ingested, ${r.revised} revised, ${r.unchanged} unchanged, ${r.failed} failed, ` +
      `${r.retried} to retry${r.abandoned > 0 ? `, ${r.abandoned} left to their lease` : ""}; peak memory ${r.peakRssMB.toFixed(0)} MB`,
  );
}

function parseCount(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new SitrepError("usage", `${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

/**
 * Ctrl-C or SIGTERM once: stop after the jobs in hand. Twice: quit at once (the jobs in hand are taken again
 * when their lease expires).
 */
function stopOnSignals(log: (line: string) => void): {
  signal: AbortSignal;
  code: () => number;
  dispose(): void;
} {
  const controller = new AbortController();
  let code: number = EXIT.interrupted;
  const handlers = (["SIGINT", "SIGTERM"] as const).map((name) => {
    const handler = () => {
      if (controller.signal.aborted) process.exit(EXIT.interrupted);
      code = name === "SIGTERM" ? EXIT.ok : EXIT.interrupted;
      controller.abort();
      log("stopping after the jobs in hand (again to quit now)");
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    code: () => code,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler);
    },
  };
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "worker",
    description: `Take analysis jobs from the queue in the PostgreSQL store (--db, else $${STORE_ENV}) and store the results`,
  },
  args: {
    db: {
      type: "string",
      description: `The store: postgres://user:password@host/database (default: $${STORE_ENV})`,
      valueHint: "url",
    },
    threads: {
      type: "string",
      description: `Analysis threads (default: every core but one, here ${defaultThreads()}; 0: the main thread)`,
    },
    batch: { type: "string", description: "Jobs taken at once (default: threads × 2)" },
    drain: { type: "boolean", description: "Exit once the queue is empty (default: run until stopped)" },
    "maintenance-interval": {
      type: "string",
      description: `How often this worker expires dead workers' leases, in seconds (default ${DEFAULT_MAINTENANCE_INTERVAL_S})`,
    },
    format: {
      type: "string",
      alias: "f",
      description: "Summary at the end: text on stderr (default) | json (also on stdout)",
      valueHint: "format",
    },
  },
  async run({ args }) {
    const io = processIo();
    const log = (line: string) => io.stderr.write(`sitrep worker: ${line}\n`);
    const signals = stopOnSignals(log);
    try {
      if (args.format !== undefined && !(WORKER_FORMATS as readonly string[]).includes(args.format))
        throw new SitrepError(
          "usage",
          `--format must be one of ${WORKER_FORMATS.join(", ")}, got "${args.format}"`,
        );
      const options: WorkerCommandOptions = {
        db: args.db,
        threads: parseCount(args.threads, "--threads", 0),
        batch: parseCount(args.batch, "--batch", 1),
        drain: Boolean(args.drain),
        maintenanceIntervalSeconds: parseCount(args["maintenance-interval"], "--maintenance-interval", 1),
        format: args.format as WorkerFormat | undefined,
        signal: signals.signal,
      };
      const code = await runWorkerCommand(options, io);
      return options.signal?.aborted ? signals.code() : code;
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        log(error.message);
        return EXIT.usage;
      }
      throw error;
    } finally {
      signals.dispose();
    }
  },
});

export default command;
