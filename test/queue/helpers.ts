/**
 * Shared by the queue tests: a corpus of distinct small reports, the `sitrep` command as a real process
 * (from the sources, through tsx), waiting for a condition, and what the database holds.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { REPO_ROOT } from "../helpers/shared.js";
import { tmpDir } from "../store/helpers.js";

/** The example reports in scraped-text form: quick to analyse, each with events. */
const TEXT_REPORTS = [
  "frontline-post-report.txt",
  "kenya-nairobi-protest-lakeside-courier.txt",
  "myanmar-sagaing-asia-frontier-review.txt",
  "nigeria-damboa-sahel-wire.txt",
  "syria-deir-ez-zor-euphrates-observer.txt",
  "ukraine-kharkiv-dnipro-daily.txt",
];
/** The command from the sources (tests never depend on a build). */
export const SITREP_FROM_SOURCES = join(REPO_ROOT, "scripts/sitrep-from-src.ts");
const POLL_MS = 50;

/**
 * A folder of `count` distinct reports: the example texts in turn, each with its copy number in a closing
 * line (a new content hash; its own file, so its own article).
 */
export function reportCorpus(count: number): string {
  const dir = join(tmpDir(), "reports");
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = TEXT_REPORTS[i % TEXT_REPORTS.length] as string;
    const text = readFileSync(join(REPO_ROOT, "examples/reports", name), "utf8");
    writeFileSync(
      join(dir, `${String(i).padStart(3, "0")}-${name}`),
      `${text.trimEnd()}\n\nFiled as copy ${i} of this report.\n`,
    );
  }
  return dir;
}

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
}

/** Start `sitrep <args…>` from the sources as its own process. */
export function startSitrep(args: readonly string[]): RunningCli {
  const child = spawn(process.execPath, ["--import", "tsx", SITREP_FROM_SOURCES, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Poll `check` until it is true; throws with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** A plain connection to the database, for looking behind the store's and the queue's backs. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** How many articles the store holds (0 before the store exists). */
export async function storedArticles(url: string): Promise<number> {
  return withClient(url, async (c) => {
    const found = await c.query<{ n: string | null }>(
      "SELECT CASE WHEN to_regclass('sitrep.articles') IS NULL THEN 0 ELSE (SELECT count(*) FROM sitrep.articles) END AS n",
    );
    return Number(found.rows[0]?.n ?? 0);
  });
}

export interface StoreAudit {
  articles: number;
  revisions: number;
  /** Distinct content hashes among the revisions (each input once). */
  contentHashes: number;
  events: number;
  /** Articles whose current revision row is missing. */
  withoutRevision: number;
  /** Articles whose event rows are not exactly the events of their current record. */
  eventsMismatched: number;
  /** Articles without their one "article" search document. */
  withoutSearchDoc: number;
}

/** What the PostgreSQL store holds, and whether every article is whole (schema of migrations-pg/001). */
export async function auditStore(url: string): Promise<StoreAudit> {
  return withClient(url, async (c) => {
    const found = await c.query<Record<keyof StoreAudit, string>>(`
      SELECT
        (SELECT count(*) FROM sitrep.articles) AS articles,
        (SELECT count(*) FROM sitrep.revisions) AS revisions,
        (SELECT count(DISTINCT content_hash) FROM sitrep.revisions) AS "contentHashes",
        (SELECT count(*) FROM sitrep.events) AS events,
        (SELECT count(*) FROM sitrep.articles a WHERE NOT EXISTS (
           SELECT 1 FROM sitrep.revisions r WHERE r.article_id = a.id AND r.revision = a.current_revision))
          AS "withoutRevision",
        (SELECT count(*) FROM sitrep.articles a
           JOIN sitrep.revisions r ON r.article_id = a.id AND r.revision = a.current_revision
           WHERE json_array_length(r.record->'events') <>
             (SELECT count(*) FROM sitrep.events e WHERE e.article_id = a.id)) AS "eventsMismatched",
        (SELECT count(*) FROM sitrep.articles a WHERE (
           SELECT count(*) FROM sitrep.search_docs d WHERE d.article_id = a.id AND d.kind = 'article') <> 1)
          AS "withoutSearchDoc"`);
    const row = found.rows[0] as Record<keyof StoreAudit, string>;
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as StoreAudit;
  });
}

/** Jobs of the queue by state. */
export async function jobStates(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const found = await c.query<{ state: string; n: string }>(
      "SELECT state::text AS state, count(*) AS n FROM sitrep_queue.job WHERE name = $1 GROUP BY state",
      ["sitrep-analyse"],
    );
    return Object.fromEntries(found.rows.map((r) => [r.state, Number(r.n)]));
  });
}
