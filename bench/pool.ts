/**
 * `npm run bench:pool` — analysis on every core (issue #6): articles/s analysing the 181 extraction-benchmark
 * pages in-process (the calling thread, as ingest did before the pool) and through the analysis pool with
 * 1, 2, … threads up to `os.availableParallelism()`, all in this process, one after another.
 *
 * - Every run analyses the same decoded pages (decoded once, as ingest would, before timing) into the same
 *   outcome ingest stores (`analyzeOutcome`: record or failure), and the pool's outcomes are checked against
 *   the in-process ones ("differ" must be 0).
 * - The pool is driven as ingest drives it: `mapOrdered` with `threads × IN_FLIGHT_PER_THREAD` in flight,
 *   results consumed in input order.
 * - Warm-up (not timed): in-process, WARMUP_PAGES pages; each pool, WARMUP_PAGES pages per thread after
 *   its workers are ready. Start-up (workers loading the pipeline) is reported apart.
 * - "main busy" is the calling thread's event-loop utilisation while timed: what is left of it for reading
 *   inputs, writing the store or serving requests (in-process it is 100 % by construction).
 *
 * Options: --rounds N (passes over the pages per run, default 3), --max-threads N (default
 * availableParallelism). Writes bench/out/pool.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { SourceDocument } from "../src/core/doc.js";
import { decodeBytes } from "../src/ingest/index.js";
import { analyzeOutcome } from "../src/workers/analyze-outcome.js";
import {
  type AnalyzeOutcome,
  createAnalysisPool,
  defaultThreads,
  IN_FLIGHT_PER_THREAD,
  mapOrdered,
} from "../src/workers/index.js";
import { CORPUS_DIR, corpusAvailable, OUT_DIR } from "./lib/corpus.js";
import { loadRawPages } from "./lib/store-corpus.js";

const DEFAULT_ROUNDS = 3;
/** Pages analysed before timing, per thread (JIT and lazily loaded data warm). */
const WARMUP_PAGES = 20;

interface Run {
  system: string;
  threads: number | null;
  articles: number;
  seconds: number;
  articlesPerSecond: number;
  startupSeconds: number | null;
  /** Event-loop utilisation of the calling thread while timed (0–1). */
  mainBusy: number;
  failed: number;
  /** Outcomes that differ from the in-process ones (first round). */
  differ: number;
}

function decodePages(): SourceDocument[] {
  return loadRawPages().map((page) => {
    const decoded = decodeBytes(page.bytes);
    return { name: page.id, format: "html", content: decoded.text, encoding: decoded.encoding };
  });
}

function countFailed(outcomes: readonly AnalyzeOutcome[]): number {
  return outcomes.filter((o) => !o.ok).length;
}

function runInProcess(docs: readonly SourceDocument[], rounds: number): { run: Run; reference: string[] } {
  for (let i = 0; i < WARMUP_PAGES; i++) analyzeOutcome(docs[i % docs.length] as SourceDocument);
  let reference: string[] = [];
  let failed = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    const outcomes = docs.map((d) => analyzeOutcome(d));
    if (r === 0) {
      reference = outcomes.map((o) => JSON.stringify(o));
      failed = countFailed(outcomes);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const articles = docs.length * rounds;
  return {
    run: {
      system: "in-process",
      threads: null,
      articles,
      seconds,
      articlesPerSecond: articles / seconds,
      startupSeconds: null,
      mainBusy: 1,
      failed,
      differ: 0,
    },
    reference,
  };
}

async function runPool(
  docs: readonly SourceDocument[],
  rounds: number,
  threads: number,
  reference: readonly string[],
): Promise<Run> {
  const startupStart = performance.now();
  const pool = createAnalysisPool({ threads });
  try {
    await pool.ready();
    const startupSeconds = (performance.now() - startupStart) / 1000;
    const window = threads * IN_FLIGHT_PER_THREAD;
    const analyseAll = async (batch: readonly SourceDocument[]) => {
      const outcomes: AnalyzeOutcome[] = [];
      for await (const o of mapOrdered(batch, (d) => pool.analyze(d), { window })) outcomes.push(o);
      return outcomes;
    };
    await analyseAll(docs.slice(0, Math.min(docs.length, WARMUP_PAGES * threads)));
    let failed = 0;
    let differ = 0;
    const elu = performance.eventLoopUtilization();
    const start = performance.now();
    for (let r = 0; r < rounds; r++) {
      const outcomes = await analyseAll(docs);
      if (r === 0) {
        failed = countFailed(outcomes);
        differ = outcomes.filter((o, i) => JSON.stringify(o) !== reference[i]).length;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const mainBusy = performance.eventLoopUtilization(elu).utilization;
    const articles = docs.length * rounds;
    return {
      system: "pool",
      threads,
      articles,
      seconds,
      articlesPerSecond: articles / seconds,
      startupSeconds,
      mainBusy,
      failed,
      differ,
    };
  } finally {
    await pool.close();
  }
}

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench:pool: ${flag} must be a positive integer, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rounds: { type: "string" }, "max-threads": { type: "string" } },
  });
  const rounds = positiveInt(values.rounds, "--rounds", DEFAULT_ROUNDS);
  const maxThreads = positiveInt(values["max-threads"], "--max-threads", availableParallelism());
  if (!corpusAvailable()) {
    console.log(`bench:pool: skipped — the benchmark corpus is not at ${CORPUS_DIR} (../shared absent)`);
    return;
  }
  const loadBefore = loadavg()[0] as number;
  const docs = decodePages();
  process.stderr.write(`bench:pool: ${docs.length} pages × ${rounds} rounds, in-process…\n`);
  const { run: inProcess, reference } = runInProcess(docs, rounds);
  const runs: Run[] = [inProcess];
  for (let threads = 1; threads <= maxThreads; threads++) {
    process.stderr.write(`bench:pool: pool with ${threads} thread${threads === 1 ? "" : "s"}…\n`);
    runs.push(await runPool(docs, rounds, threads, reference));
  }
  report(runs, docs.length, rounds, [loadBefore, loadavg()[0] as number]);
}

function report(runs: readonly Run[], pages: number, rounds: number, load: [number, number]): void {
  const base = runs[0] as Run;
  const machine =
    `${cpus().length} cores (availableParallelism ${availableParallelism()}), ` +
    `${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`;
  console.log(`\nsitrep bench:pool — ${machine}`);
  console.log(
    `${pages} benchmark pages × ${rounds} rounds per run; default pool size here: ${defaultThreads()} thread(s)`,
  );
  // Other processes competing for the cores skew the ratios: say how busy the machine was.
  console.log(`1-minute load average before / after: ${load[0].toFixed(2)} / ${load[1].toFixed(2)}\n`);
  const header = [
    "system",
    "threads",
    "articles/s",
    "× in-process",
    "start-up s",
    "main busy",
    "failed",
    "differ",
  ];
  const rows = runs.map((r) => [
    r.system,
    r.threads === null ? "-" : String(r.threads),
    r.articlesPerSecond.toFixed(1),
    `${(r.articlesPerSecond / base.articlesPerSecond).toFixed(2)}×`,
    r.startupSeconds === null ? "-" : r.startupSeconds.toFixed(1),
    `${Math.round(r.mainBusy * 100)} %`,
    String(r.failed),
    String(r.differ),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, "pool.json");
  writeFileSync(
    out,
    `${JSON.stringify({ machine, date: new Date().toISOString(), load, pages, rounds, warmupPages: WARMUP_PAGES, runs }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

await main();
