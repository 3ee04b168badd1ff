/**
 * `sitrep status --db postgres://… [--failures N] [-f table|json]`: the work queue in the store's
 * PostgreSQL database: jobs waiting, retrying, running, done and failed; how many finished in the last
 * minute and ten minutes (as rates); the workers connected; the latest failures with their reasons.
 * The database cannot be reached: exit 4.
 */
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import {
  DEFAULT_FAILURES_SHOWN,
  type FailureInfo,
  openQueue,
  type QueueStatus,
  queueStatus,
} from "../queue/index.js";
import { defaultStorePath, isPostgresUrl, isStoreError, STORE_ENV } from "../store/index.js";
import { type CliIo, EXIT, processIo } from "./io.js";

export const STATUS_FORMATS = ["table", "json"] as const;
export type StatusFormat = (typeof STATUS_FORMATS)[number];
const SECONDS_PER_MINUTE = 60;

export interface StatusCommandOptions {
  /** A postgres:// URL; default `$SITREP_DB`. */
  db?: string;
  /** Latest failures listed. */
  failures?: number;
  format?: StatusFormat;
  env?: NodeJS.ProcessEnv;
}

/** Run `status`; returns the exit code. */
export async function runStatus(options: StatusCommandOptions, io: CliIo = processIo()): Promise<number> {
  const path = defaultStorePath(options.db, options.env ?? process.env);
  if (!isPostgresUrl(path))
    throw new SitrepError(
      "usage",
      `the work queue lives in PostgreSQL: give the store as --db postgres://user@host/database (or $${STORE_ENV}), not a file`,
    );
  let status: QueueStatus;
  let shown: string;
  try {
    const queue = await openQueue(path, { role: "client" });
    shown = queue.path;
    try {
      status = await queueStatus(queue, options.failures ?? DEFAULT_FAILURES_SHOWN);
    } finally {
      await queue.close().catch(() => {});
    }
  } catch (error) {
    if (!isStoreError(error)) throw error;
    io.stderr.write(`sitrep status: ${error.message} [${error.code}]\n`);
    return EXIT.store;
  }
  io.stdout.write(
    options.format === "json" ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status, shown),
  );
  return EXIT.ok;
}

/** The status as a readable table. */
export function formatStatus(s: QueueStatus, where: string): string {
  const out: string[] = [];
  out.push(`queue ${s.queue} in ${where}`);
  const rows: [string, number][] = [
    ["waiting", s.states.created],
    ["retrying", s.states.retry],
    ["running", s.states.active],
    ["done", s.states.completed],
    ["failed", s.states.failed],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, n] of rows) out.push(`  ${name.padEnd(width)}  ${String(n).padStart(8)}`);
  out.push(`  depth (waiting + retrying + running): ${s.depth}`);
  out.push(`  done but not analysable (not retried): ${s.analysisFailures}`);
  const rates = s.rates.map((r) => {
    const window =
      r.seconds % SECONDS_PER_MINUTE === 0 ? `${r.seconds / SECONDS_PER_MINUTE} min` : `${r.seconds} s`;
    return `last ${window}: ${r.completed} (${r.perSecond.toFixed(2)}/s, ${r.failed} failed)`;
  });
  out.push(`finished  ${rates.join("; ")}`);
  out.push(`workers connected: ${s.workers.length}`);
  for (const w of s.workers)
    out.push(
      `  ${w.host} pid ${w.pid}: ${w.connections} connection${w.connections === 1 ? "" : "s"} since ${w.since}`,
    );
  if (s.failures.length === 0) out.push("failures: none");
  else {
    out.push(`latest failures (${s.failures.length}):`);
    for (const f of s.failures) out.push(`  ${formatFailure(f)}`);
  }
  return `${out.join("\n")}\n`;
}

function formatFailure(f: FailureInfo): string {
  const state =
    f.state === "completed"
      ? "not analysable"
      : f.state === "retry"
        ? `retrying (${f.retries} so far)`
        : `failed after ${f.retries} retries`;
  const code = f.code ? ` [${f.code}]` : "";
  return `${f.at ?? "?"}  ${state}  ${f.input ?? f.id}: ${f.message}${code}`;
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "status",
    description: `The work queue in the PostgreSQL store (--db, else $${STORE_ENV}): depth, rates, workers, failures`,
  },
  args: {
    db: {
      type: "string",
      description: `The store: postgres://user:password@host/database (default: $${STORE_ENV})`,
      valueHint: "url",
    },
    failures: {
      type: "string",
      description: `Latest failures listed (default ${DEFAULT_FAILURES_SHOWN})`,
    },
    format: {
      type: "string",
      alias: "f",
      description: "Output: table (default) | json",
      valueHint: "format",
    },
  },
  async run({ args }) {
    try {
      const failures = args.failures === undefined ? undefined : Number(args.failures);
      if (failures !== undefined && (!Number.isInteger(failures) || failures < 0))
        throw new SitrepError("usage", `--failures must be an integer ≥ 0, got "${args.failures}"`);
      if (args.format !== undefined && !(STATUS_FORMATS as readonly string[]).includes(args.format))
        throw new SitrepError(
          "usage",
          `--format must be one of ${STATUS_FORMATS.join(", ")}, got "${args.format}"`,
        );
      return await runStatus({ db: args.db, failures, format: args.format as StatusFormat | undefined });
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        process.stderr.write(`sitrep status: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
});

export default command;
