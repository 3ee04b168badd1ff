/**
 * A throwaway PostgreSQL server for the store tests (issue #6):
 * 1. `$SITREP_TEST_PG_URL` set: use that server (each fresh database is created there and dropped by stop());
 * 2. else find `/usr/lib/postgresql/<version>/bin/initdb` (the newest version), create a cluster in a temp
 *    folder, start it with pg_ctl on a free 127.0.0.1 port with its unix socket in the same folder
 *    (fsync off, small shared buffers: it only has to be quick), and remove it all on stop();
 * 3. no binaries and no URL: `null`, and the PostgreSQL tests skip with `PG_SKIP_MESSAGE`.
 * initdb refuses to run as root, so when the tests run as root the server binaries run as the `postgres`
 * system user (`runuser -u postgres --`), which owns the temp folder. A test process killed before stop()
 * leaves its cluster behind: the folder names its owner's pid, and the next start stops and removes the
 * clusters of owners that are gone.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Environment variable naming a server to test against instead of a throwaway cluster. */
export const TEST_PG_URL_ENV = "SITREP_TEST_PG_URL";
const PG_LIB = "/usr/lib/postgresql";
/** The unprivileged system user the Debian packages create. */
const PG_SYSTEM_USER = "postgres";
/** Temp folders of throwaway clusters start with this. */
const CLUSTER_DIR_PREFIX = "sitrep-pg-";
/** The file in a cluster's folder that names the pid of the test process that owns it. */
const OWNER_FILE = "owner.pid";
/** The superuser of the throwaway cluster. */
const CLUSTER_SUPERUSER = "postgres";
/** How long pg_ctl waits for the server to start (s). */
const START_WAIT_S = 60;
/** Settings for speed over durability (a throwaway cluster) and a small footprint. */
export const TEST_SERVER_SETTINGS: readonly string[] = [
  "fsync=off",
  "synchronous_commit=off",
  "full_page_writes=off",
  "shared_buffers=16MB",
  "max_connections=60",
];
/** TCP on the loopback address only (besides the unix socket in the cluster's folder). */
const LISTEN_SETTING = "listen_addresses=127.0.0.1";
/** Runs ending like this are the server's "already in use" failures, worth another free port. */
const PORT_IN_USE = /could not bind|Address already in use|could not create any TCP\/IP sockets/i;
const START_ATTEMPTS = 3;

export const PG_SKIP_MESSAGE =
  `skipped: the PostgreSQL store tests need PostgreSQL server binaries (${PG_LIB}/*/bin/initdb; ` +
  `apt-get install postgresql) or a server in $${TEST_PG_URL_ENV}`;

export interface PgTestServer {
  /** Where it runs: "cluster" (started here) or "external" ($SITREP_TEST_PG_URL). */
  kind: "cluster" | "external";
  /** The URL of the server's maintenance database ("postgres"). */
  adminUrl: string;
  /** Whether the PostGIS extension can be installed on the server. */
  postgisAvailable: boolean;
  /** A new empty database on the server; its URL. */
  freshDatabase(): Promise<string>;
  /** Drop the databases made here; for a throwaway cluster, stop it and remove its folder. */
  stop(): Promise<void>;
  /**
   * Throwaway cluster only (null for an external server): stop the server (fast shutdown: sessions are cut
   * off), keep it down `downMs`, start it again on the same port; resolves once it accepts connections.
   */
  restart: ((downMs?: number) => Promise<void>) | null;
}

/** The newest installed PostgreSQL's bin folder, or null. */
export function findPgBin(): string | null {
  if (!existsSync(PG_LIB)) return null;
  const versions = readdirSync(PG_LIB)
    .filter(
      (v) => existsSync(join(PG_LIB, v, "bin", "initdb")) && existsSync(join(PG_LIB, v, "bin", "pg_ctl")),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(PG_LIB, versions[0], "bin");
}

/** Whether the PostgreSQL tests can run here (a server URL, or binaries to start one). */
export function canTestPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env[TEST_PG_URL_ENV]) || findPgBin() !== null;
}

export interface StartOptions {
  /** Server settings (`name=value`) of a throwaway cluster; default TEST_SERVER_SETTINGS. */
  settings?: readonly string[];
}

/** Start (or reach) the test server; null when PostgreSQL tests cannot run here. */
export async function startPgTestServer(
  env: NodeJS.ProcessEnv = process.env,
  options: StartOptions = {},
): Promise<PgTestServer | null> {
  const external = env[TEST_PG_URL_ENV];
  if (external) return serverAt(external, "external", async () => {});
  const bin = findPgBin();
  if (!bin) return null;
  return startCluster(bin, options.settings ?? TEST_SERVER_SETTINGS);
}

/** Run a server binary, as the `postgres` system user when this process is root. */
function runPg(bin: string, dir: string, program: string, args: string[]): Buffer {
  const asRoot = process.getuid?.() === 0;
  return execFileSync(
    asRoot ? "runuser" : join(bin, program),
    asRoot ? ["-u", PG_SYSTEM_USER, "--", join(bin, program), ...args] : args,
    { stdio: ["ignore", "pipe", "pipe"], cwd: dir },
  );
}

async function startCluster(bin: string, settings: readonly string[]): Promise<PgTestServer> {
  reapOrphans(bin);
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_DIR_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const data = join(dir, "data");
  if (process.getuid?.() === 0) {
    const { uid, gid } = systemUser(PG_SYSTEM_USER);
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]) => runPg(bin, dir, program, args);
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      CLUSTER_SUPERUSER,
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${outputOf(error)}`);
  }
  let port = 0;
  let options = "";
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    options = [`-p ${port}`, `-k ${dir}`, ...[LISTEN_SETTING, ...settings].map((s) => `-c ${s}`)].join(" ");
    try {
      run("pg_ctl", [
        "-D",
        data,
        "-l",
        join(dir, "server.log"),
        "-o",
        options,
        "-w",
        "-t",
        String(START_WAIT_S),
        "start",
      ]);
      break;
    } catch (error) {
      const message = outputOf(error);
      if (attempt < START_ATTEMPTS && PORT_IN_USE.test(message + logOf(dir))) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pg_ctl start failed: ${message}\n${logOf(dir)}`);
    }
  }
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run that ends without calling stop() still takes its server down.
  process.once("exit", stopNow);
  const restart = async (downMs = 0) => {
    run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    // Started as at first: the same port, socket folder and settings.
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-o",
      options,
      "-w",
      "-t",
      String(START_WAIT_S),
      "start",
    ]);
  };
  return serverAt(
    `postgres://${CLUSTER_SUPERUSER}@127.0.0.1:${port}/postgres`,
    "cluster",
    async () => {
      process.off("exit", stopNow);
      stopNow();
    },
    restart,
  );
}

async function serverAt(
  adminUrl: string,
  kind: PgTestServer["kind"],
  shutdown: () => Promise<void>,
  restartServer: PgTestServer["restart"] = null,
): Promise<PgTestServer> {
  let admin = new pg.Client({ connectionString: adminUrl });
  // A restart cuts the admin session off: it is replaced then, and its error must not crash the tests.
  admin.on("error", () => {});
  await admin.connect();
  const made: string[] = [];
  const available = await admin.query<{ found: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS found",
  );
  return {
    kind,
    adminUrl,
    restart: restartServer
      ? async (downMs?: number) => {
          await restartServer(downMs);
          await admin.end().catch(() => {});
          admin = new pg.Client({ connectionString: adminUrl });
          admin.on("error", () => {});
          await admin.connect();
        }
      : null,
    postgisAvailable: available.rows[0]?.found ?? false,
    async freshDatabase() {
      const name = `sitrep_test_${made.length + 1}_${randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      made.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      try {
        for (const name of made)
          await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
        await shutdown();
      }
    },
  };
}

/** Stop and remove the throwaway clusters whose test process is gone. */
function reapOrphans(bin: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), "utf8"));
    } catch {
      continue; // not a cluster of this helper, or still being made
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    try {
      if (existsSync(join(dir, "data", "postmaster.pid")))
        runPg(bin, dir, "pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function systemUser(name: string): { uid: number; gid: number } {
  const [uid, gid] = ["-u", "-g"].map((flag) =>
    Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim()),
  );
  if (uid === undefined || gid === undefined || Number.isNaN(uid) || Number.isNaN(gid))
    throw new Error(`no system user "${name}" to run PostgreSQL as (tests run as root)`);
  return { uid, gid };
}

function outputOf(error: unknown): string {
  const e = error as { stderr?: Buffer; stdout?: Buffer; message?: string };
  return [e.stderr?.toString(), e.stdout?.toString(), e.message].filter(Boolean).join("\n").trim();
}

function logOf(dir: string): string {
  try {
    return execFileSync("tail", ["-n", "20", join(dir, "server.log")], { encoding: "utf8" });
  } catch {
    return "";
  }
}
