/**
 * `sitrep ingest <inputs...> [--db PATH]`: analyse reports into the store.
 *
 * The store is `--db`, else `$SITREP_DB`, else `./sitrep.db` (created on first use); a `postgres://` URL
 * stores into a PostgreSQL database instead of a file. Progress goes to
 * stderr: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise. Ctrl-C stops
 * after the current article's transaction, prints the summary and exits 130; running the same command
 * again resumes (stored articles are recognised by content hash and skipped). The run ends with a summary:
 * ingested, revised, unchanged, and failed inputs with their reasons.
 */
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import { expandPath } from "../ingest/read.js";
import {
  defaultStorePath,
  type IngestSummary,
  ingestToStore,
  isPostgresUrl,
  isStoreError,
  openStore,
  STORE_ENV,
  type Store,
} from "../store/index.js";
import { countItem, emptySummary } from "../store/ingest.js";
import { defaultThreads } from "../workers/index.js";
import { INPUT_FORMATS } from "./analyze.js";
import { type CliIo, EXIT, exitCodeFor, processIo } from "./io.js";

/** Exit codes of ingest beyond analyze's (kept here as names for tests and callers; defined in io.ts). */
export const EXIT_STORE = EXIT.store;
/** After Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = EXIT.interrupted;

/** Redraw the terminal bar at most this often (ms). */
const BAR_REDRAW_MS = 100;
/** Plain progress lines (not a terminal) at most this often (ms). */
const PLAIN_LINE_MS = 5000;
const BAR_WIDTH = 24;
const URL_INPUT = /^https?:\/\//i;
const JSONL_LINE = /#\d+$/;
/** Up to this many files are analysed on the main thread by default: starting workers costs ~1 s. */
export const SMALL_BATCH_FILES = 20;

export interface IngestCommandOptions {
  inputs: string[];
  /** Store file or PostgreSQL URL; default `$SITREP_DB`, else `./sitrep.db`. */
  db?: string;
  from?: (typeof INPUT_FORMATS)[number];
  maxBytes?: number;
  timeoutMs?: number;
  /** Abort to stop after the current article (the command wires Ctrl-C to it). */
  signal?: AbortSignal;
  /** Environment read for `$SITREP_DB` (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /** Clock for progress (tests pass their own). */
  now?: () => number;
  /** Worker threads for analysis; default: every core but one when there are more than SMALL_BATCH_FILES. */
  threads?: number;
  /** Enqueue the documents for `sitrep worker` instead of analysing them (PostgreSQL stores only). */
  queue?: boolean;
}

/** Run `ingest`; returns the exit code. Progress, failures and the summary go to stderr. */
export async function runIngest(options: IngestCommandOptions, io: CliIo = processIo()): Promise<number> {
  if (options.inputs.length === 0 && ((io.stdin ?? process.stdin) as { isTTY?: boolean }).isTTY) {
    throw new SitrepError("usage", "no inputs: give files, folders, URLs, or - (or pipe reports into stdin)");
  }
  const inputs = options.inputs.length > 0 ? options.inputs : ["-"];
  const path = defaultStorePath(options.db, options.env ?? process.env);
  if (options.queue) {
    if (!isPostgresUrl(path))
      throw new SitrepError(
        "usage",
        `--queue needs a PostgreSQL store (--db postgres://user@host/database): the work queue lives in its database, not in ${path}`,
      );
    return (await import("./ingest-queue.js")).runIngestQueue(options, inputs, path, io);
  }
  const now = options.now ?? Date.now;
  const totalFiles = await countFiles(inputs);
  let store: Store;
  try {
    store = await openStore(path);
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr.write(`sitrep ingest: ${error.message} [${error.code}]\n`);
    return EXIT_STORE;
  }
  const progress = new Progress(io.stderr, totalFiles, now);
  let summary: IngestSummary | null = null;
  let storeFailure: string | null = null;
  const partial = emptySummary();
  try {
    summary = await ingestToStore(store, inputs, {
      from: options.from,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      fetch: io.fetch,
      stdin: io.stdin,
      signal: options.signal,
      threads: options.threads ?? (totalFiles > SMALL_BATCH_FILES ? defaultThreads() : 0),
      onItem(item) {
        countItem(partial, item);
        if (item.status === "failed") progress.log(`sitrep: ${item.input}: ${item.message} [${item.code}]`);
        progress.update(item.input, partial.total);
      },
    });
  } catch (error) {
    if (!isStoreError(error)) throw error;
    storeFailure = `${error.message} [${error.code}]`;
  } finally {
    progress.done();
    await store.close();
  }
  const result = summary ?? partial;
  // store.path: a PostgreSQL URL without its password.
  writeSummary(io.stderr, result, store.path, (now() - progress.started) / 1000);
  if (storeFailure) {
    io.stderr.write(`sitrep ingest: stopped: ${storeFailure}\n`);
    return EXIT_STORE;
  }
  if (result.interrupted) {
    io.stderr.write("sitrep ingest: interrupted; run the same command again to resume\n");
    return EXIT_INTERRUPTED;
  }
  return exitCodeFor(result.total, result.failed.length);
}

function writeSummary(out: NodeJS.WritableStream, s: IngestSummary, path: string, seconds: number): void {
  const rate = seconds > 0 ? ` (${(s.total / seconds).toFixed(1)}/s)` : "";
  out.write(
    `sitrep ingest: ${s.total} document${s.total === 1 ? "" : "s"} in ${formatDuration(seconds)}${rate} into ${path}: ` +
      `${s.ingested} ingested, ${s.revised} revised, ${s.unchanged} unchanged, ${s.failed.length} failed\n`,
  );
  if (s.failed.length > 0) {
    out.write("failed:\n");
    for (const f of s.failed) out.write(`  ${f.input}: ${f.message} [${f.code}]\n`);
  }
}

/** How many files the inputs stand for (URLs and stdin count one), for the progress bar's total. */
async function countFiles(inputs: readonly string[]): Promise<number> {
  let count = 0;
  for (const input of inputs) {
    if (input === "-" || URL_INPUT.test(input)) {
      count++;
      continue;
    }
    for await (const _ of expandPath(input)) count++;
  }
  return count;
}

/** Progress on stderr, counted in files (a JSON Lines file is done when the next file starts). */
class Progress {
  readonly started: number;
  private readonly tty: boolean;
  private filesDone = 0;
  private currentFile: string | null = null;
  private documents = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly totalFiles: number,
    private readonly now: () => number,
  ) {
    this.started = now();
    this.tty = Boolean((out as { isTTY?: boolean }).isTTY);
  }

  update(input: string, documents: number): void {
    this.documents = documents;
    const file = input.replace(JSONL_LINE, "");
    if (file !== this.currentFile) {
      if (this.currentFile !== null) this.filesDone++;
      this.currentFile = file;
    }
    const t = this.now();
    if (t - this.lastDraw < (this.tty ? BAR_REDRAW_MS : PLAIN_LINE_MS)) return;
    this.lastDraw = t;
    if (this.tty) {
      this.out.write(`\r${this.line(true)}\x1b[K`);
      this.drawn = true;
    } else if (t - this.started >= PLAIN_LINE_MS) {
      this.out.write(`sitrep ingest: ${this.line(false)}\n`);
    }
  }

  /** A message line that must not be overwritten by the bar. */
  log(line: string): void {
    if (this.tty && this.drawn) this.out.write("\r\x1b[K");
    this.out.write(`${line}\n`);
    this.drawn = false;
  }

  done(): void {
    if (this.tty && this.drawn) this.out.write("\r\x1b[K");
    this.drawn = false;
  }

  private line(bar: boolean): string {
    const seconds = (this.now() - this.started) / 1000;
    const total = Math.max(this.totalFiles, this.filesDone);
    const share = total > 0 ? this.filesDone / total : 0;
    const rate = seconds > 0 ? this.documents / seconds : 0;
    const fileRate = seconds > 0 ? this.filesDone / seconds : 0;
    const eta = fileRate > 0 ? formatDuration((total - this.filesDone) / fileRate) : "--";
    const filled = Math.round(share * BAR_WIDTH);
    const head = bar ? `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ` : "";
    return `${head}${Math.floor(share * 100)}% ${this.filesDone}/${total} files, ${this.documents} documents, ${rate.toFixed(1)}/s, ETA ${eta}`;
  }
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new SitrepError("usage", `${flag} must be a positive integer, got "${value}"`);
  return n;
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SitrepError("usage", "--threads must be an integer ≥ 0");
  return n;
}

function parseFrom(value: string | undefined): IngestCommandOptions["from"] {
  if (value === undefined) return undefined;
  if (!(INPUT_FORMATS as readonly string[]).includes(value))
    throw new SitrepError("usage", `--from must be one of ${INPUT_FORMATS.join(", ")}, got "${value}"`);
  return value as IngestCommandOptions["from"];
}

/** Ctrl-C once: stop after the current article. Twice: quit at once (committed articles are kept). */
function interruptOnCtrlC(stderr: NodeJS.WritableStream): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
    stderr.write("\nsitrep ingest: stopping after the current article (Ctrl-C again to quit now)\n");
  };
  process.on("SIGINT", onSigint);
  return { signal: controller.signal, dispose: () => process.off("SIGINT", onSigint) };
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "ingest",
    description: `Analyse reports (files, folders, URLs, - for stdin) into the store (--db, else $${STORE_ENV}, else ./sitrep.db; a postgres:// URL for PostgreSQL)`,
  },
  args: {
    db: {
      type: "string",
      description: `Store file, created on first use, or postgres://user:password@host/database (default: $${STORE_ENV}, else ./sitrep.db)`,
      valueHint: "path|url",
    },
    from: {
      type: "string",
      description: "Input format, instead of sniffing: html | text | jsonl | feed | warc",
      valueHint: "format",
    },
    "max-bytes": { type: "string", description: "Largest document accepted, in bytes (default 20 MiB)" },
    timeout: { type: "string", description: "URL fetch timeout in milliseconds (default 20000)" },
    threads: {
      type: "string",
      description: `Worker threads analysing (default: every core but one for more than ${SMALL_BATCH_FILES} files; 0: main thread)`,
    },
    queue: {
      type: "boolean",
      description:
        "Enqueue the documents for `sitrep worker` processes instead of analysing them (PostgreSQL only)",
    },
  },
  async run({ args }) {
    const io = processIo();
    const ctrlC = interruptOnCtrlC(io.stderr);
    try {
      return await runIngest(
        {
          inputs: args._,
          db: args.db,
          from: parseFrom(args.from),
          maxBytes: parsePositiveInt(args["max-bytes"], "--max-bytes"),
          timeoutMs: parsePositiveInt(args.timeout, "--timeout"),
          threads: parseThreads(args.threads),
          queue: Boolean(args.queue),
          signal: ctrlC.signal,
        },
        io,
      );
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        io.stderr.write(`sitrep ingest: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    } finally {
      ctrlC.dispose();
    }
  },
});

export default command;
