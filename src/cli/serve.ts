/**
 * `sitrep serve [inputs...] [--db PATH] [--host 127.0.0.1] [--port 8080] [--token T] [--max-body-bytes N]`: the
 * web app and the JSON API (src/server) over the store. Inputs given are ingested first (as `sitrep ingest`
 * would: idempotent, so serving the same folder again adds nothing). It binds to 127.0.0.1 unless told otherwise; on any other host it refuses to
 * start without an access token (`--token` or `$SITREP_TOKEN`), which every POST then needs. It prints the
 * URL on stdout and runs until Ctrl-C.
 */
import { isIP } from "node:net";
import { type CommandDef, defineCommand } from "citty";
import { SitrepError } from "../core/diagnostics.js";
import { createServer, DEFAULT_MAX_BODY_BYTES } from "../server/index.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../server/limits.js";
import {
  defaultStorePath,
  ingestToStore,
  isStoreError,
  openStore,
  STORE_ENV,
  type Store,
} from "../store/index.js";
import { type AnalysisPool, createAnalysisPool, defaultThreads } from "../workers/index.js";
import { type CliIo, EXIT, processIo } from "./io.js";

export const TOKEN_ENV = "SITREP_TOKEN";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8080;
/** Shortest access token accepted (a guessable token is no protection). */
export const MIN_TOKEN_CHARS = 16;
const LOOPBACK_NAMES = new Set(["localhost", "::1", "ip6-localhost"]);

export interface ServeCommandOptions {
  /** Reports to ingest before serving (files, folders, URLs). */
  inputs?: string[];
  db?: string;
  host?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  /** Worker threads analysing posted articles (default: every core but one; 0: the server's thread). */
  threads?: number;
  /** Per-client limits (default DEFAULT_RATE_LIMITS); false: none. */
  rateLimits?: RateLimits | false;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** Whether a host name or address only reaches this machine. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (LOOPBACK_NAMES.has(h)) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (h.startsWith("::ffff:")) return isIP(h.slice(7)) === 4 && h.slice(7).startsWith("127.");
  return false;
}

/**
 * Check the options, open the store and listen. Throws SitrepError("usage") for a bad command line (a
 * non-loopback host without a token), StoreError when the store cannot be opened.
 */
export async function startServe(
  options: ServeCommandOptions,
  io: CliIo = processIo(),
): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const token = options.token ?? (env[TOKEN_ENV] || undefined);
  if (token !== undefined && token.length < MIN_TOKEN_CHARS)
    throw new SitrepError("usage", `the access token must be at least ${MIN_TOKEN_CHARS} characters`);
  if (!isLoopback(host) && token === undefined)
    throw new SitrepError(
      "usage",
      `refusing to listen on ${host} without an access token: give --token or set $${TOKEN_ENV} ` +
        `(or bind to ${DEFAULT_HOST})`,
    );
  const store = await openStore(defaultStorePath(options.db, env));
  const pool = createAnalysisPool({ threads: options.threads ?? defaultThreads() });
  try {
    await pool.ready();
    if (options.inputs && options.inputs.length > 0) await ingestFirst(store, pool, options.inputs, io);
  } catch (error) {
    await Promise.allSettled([pool.close(), store.close()]);
    throw error;
  }
  const server = createServer({
    store,
    pool,
    token,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    rateLimits: options.rateLimits ?? DEFAULT_RATE_LIMITS,
    log: (line) => io.stderr.write(`${line}\n`),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.allSettled([pool.close(), store.close()]);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new SitrepError("usage", `cannot listen on ${host}:${port}: ${code}`);
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = isIP(host) === 6 ? `[${host}]` : host;
  const url = `http://${shownHost}:${actualPort}`;
  return {
    url,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          Promise.allSettled([pool.close(), store.close()]).then(() => resolve());
        });
        server.closeAllConnections();
      }),
  };
}

/** Ingest the inputs given on the command line before serving; failures are listed, not fatal. */
async function ingestFirst(
  store: Store,
  pool: AnalysisPool,
  inputs: readonly string[],
  io: CliIo,
): Promise<void> {
  const s = await ingestToStore(store, inputs, { pool });
  io.stderr.write(
    `sitrep serve: from ${inputs.join(" ")}: ${s.ingested} ingested, ${s.revised} revised, ` +
      `${s.unchanged} unchanged, ${s.failed.length} failed\n`,
  );
  for (const f of s.failed) io.stderr.write(`  failed: ${f.input}: ${f.message} [${f.code}]\n`);
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new SitrepError("usage", "--threads must be an integer ≥ 0");
  return n;
}

/** `--rate-limit 0` turns limits off; otherwise each flag overrides its default. */
function parseRateLimits(requests: string | undefined, analyses: string | undefined): RateLimits | false {
  if (requests === "0") return false;
  return {
    requestsPerMinute: parsePositive(requests, "--rate-limit") ?? DEFAULT_RATE_LIMITS.requestsPerMinute,
    analysesPerMinute: parsePositive(analyses, "--analyse-limit") ?? DEFAULT_RATE_LIMITS.analysesPerMinute,
  };
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new SitrepError("usage", `--port must be an integer 0–65535, got "${value}"`);
  return n;
}

function parsePositive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new SitrepError("usage", `${flag} must be a positive integer`);
  return n;
}

/** Run until SIGINT/SIGTERM; returns the exit code. */
export async function runServe(options: ServeCommandOptions, io: CliIo = processIo()): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServe(options, io);
  } catch (error) {
    if (error instanceof SitrepError && error.code === "usage") {
      io.stderr.write(`sitrep serve: ${error.message}\n`);
      return EXIT.usage;
    }
    if (isStoreError(error)) {
      io.stderr.write(`sitrep serve: ${error.message} [${error.code}]\n`);
      return EXIT.store;
    }
    throw error;
  }
  io.stdout.write(`sitrep serve: web app at ${running.url}/ (store ${running.store.path})\n`);
  io.stdout.write(`sitrep serve: API description at ${running.url}/openapi.json\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await running.close();
  return EXIT.ok;
}

/**
 * Typed loosely so that `SUBCOMMANDS` (a union of commands with different arguments) still type-checks at
 * `runCommand(sub, …)` in index.ts.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; citty infers the args of the first subcommand only.
const command: CommandDef<any> = defineCommand({
  meta: {
    name: "serve",
    description: `Serve the web app and JSON API over the store (--db, else $${STORE_ENV}, else ./sitrep.db) on 127.0.0.1, after ingesting any inputs given`,
  },
  args: {
    db: {
      type: "string",
      description: `Store file or postgres:// URL (default: $${STORE_ENV}, else ./sitrep.db)`,
      valueHint: "path|url",
    },
    host: { type: "string", description: `Address to bind (default ${DEFAULT_HOST})`, valueHint: "host" },
    port: { type: "string", description: `Port (default ${DEFAULT_PORT}; 0 picks a free one)` },
    token: {
      type: "string",
      description: `Access token required on POSTs; needed off loopback (default: $${TOKEN_ENV})`,
    },
    "max-body-bytes": {
      type: "string",
      description: `Largest request body in bytes (default ${DEFAULT_MAX_BODY_BYTES})`,
    },
    threads: {
      type: "string",
      description: "Worker threads analysing posted articles (default: every core but one; 0: main thread)",
    },
    "rate-limit": {
      type: "string",
      description: `Requests per minute per client (default ${DEFAULT_RATE_LIMITS.requestsPerMinute}; 0: no limits)`,
    },
    "analyse-limit": {
      type: "string",
      description: `Analyses (POSTs) per minute per client (default ${DEFAULT_RATE_LIMITS.analysesPerMinute})`,
    },
  },
  async run({ args }) {
    const io = processIo();
    try {
      return await runServe(
        {
          inputs: args._,
          db: args.db,
          host: args.host,
          port: parsePort(args.port),
          token: args.token,
          maxBodyBytes: parsePositive(args["max-body-bytes"], "--max-body-bytes"),
          rateLimits: parseRateLimits(args["rate-limit"], args["analyse-limit"]),
          threads: parseThreads(args.threads),
        },
        io,
      );
    } catch (error) {
      if (error instanceof SitrepError && error.code === "usage") {
        io.stderr.write(`sitrep serve: ${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
});

export default command;
