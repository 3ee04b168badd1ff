/**
 * `npm run bench:extract` — main-text extraction on the Zyte article-extraction benchmark.
 *
 * Prints one table: sitrep and Readability.js+jsdom run live in this process on the same pages, the stored
 * peer outputs scored by the same metric, and the everything/nothing baselines. Writes bench/out/extract.json.
 *
 * Options: --worst N (list sitrep's N worst pages), --no-readability (skip the slow live peer while tuning),
 * --page ID (print sitrep's output, what it missed and what it removed, for one page),
 * --pin-floor (write bench/floors.json: sitrep's floor = measured F1 − FLOOR_MARGIN; an existing floor is
 * never lowered unless --allow-regression is given too).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  type BenchPage,
  CORPUS_DIR,
  corpusAvailable,
  FLOORS_FILE,
  groundTruthSha256,
  loadPages,
  loadPeerOutputs,
  OUT_DIR,
} from "./lib/corpus.js";
import { EXTRACT_TASK, loadFloors, saveFloors } from "./lib/floors.js";
import { readabilityText } from "./lib/readability.js";
import { sitrepText, wholePageText } from "./lib/systems.js";
import { type CorpusScore, type PageScore, scoreCorpus } from "./zyte-metric.js";

/** Warm-up before timing (same rule for every live system): at least this many pages and this long. */
const WARMUP_MIN_PAGES = 20;
const WARMUP_MIN_MS = 1500;
/** The pinned floor sits this far below the measured F1 (run-to-run noise is nil; this is tuning slack). */
const FLOOR_MARGIN = 0.009;

interface Row {
  system: string;
  kind: "live" | "stored" | "baseline";
  score: CorpusScore;
  pagesPerSecond: number | null;
  relativeTime: number | null;
  errors: number;
}

interface LiveRun {
  outputs: Record<string, string>;
  seconds: number;
  errors: number;
}

function runLive(pages: readonly BenchPage[], extract: (page: BenchPage) => string): LiveRun {
  const warmStart = performance.now();
  for (let i = 0; i < WARMUP_MIN_PAGES || performance.now() - warmStart < WARMUP_MIN_MS; i++) {
    try {
      extract(pages[i % pages.length] as BenchPage);
    } catch {
      // counted in the timed run
    }
  }
  const outputs: Record<string, string> = {};
  let errors = 0;
  const start = performance.now();
  for (const page of pages) {
    try {
      outputs[page.id] = extract(page);
    } catch {
      errors++;
      outputs[page.id] = "";
    }
  }
  return { outputs, seconds: (performance.now() - start) / 1000, errors };
}

function fmt(n: number | null, digits = 3): string {
  return n === null ? "—" : n.toFixed(digits);
}

function printTable(rows: readonly Row[]): void {
  const header = ["system", "P", "R", "F1", "accuracy", "pages/s", "time vs Readability", "errors"];
  const lines = rows.map((r) => [
    r.system,
    fmt(r.score.precision),
    fmt(r.score.recall),
    fmt(r.score.f1),
    fmt(r.score.accuracy),
    r.pagesPerSecond === null ? "—" : r.pagesPerSecond.toFixed(1),
    r.relativeTime === null ? "—" : `${r.relativeTime.toFixed(3)}×`,
    String(r.errors),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(row(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(row(l));
}

function printWorst(pages: readonly PageScore[], byId: Map<string, BenchPage>, n: number): void {
  const worst = [...pages].sort((a, b) => a.f1 - b.f1).slice(0, n);
  console.log(`\nsitrep: ${n} worst pages (per-page P / R / F1)`);
  for (const p of worst) {
    const url = byId.get(p.id)?.url ?? "";
    console.log(`${fmt(p.precision)} ${fmt(p.recall)} ${fmt(p.f1)}  ${p.id.slice(0, 12)}  ${url}`);
  }
}

function pinFloor(score: CorpusScore, allowRegression: boolean): void {
  const sha = groundTruthSha256();
  const floor = Math.floor((score.f1 - FLOOR_MARGIN) * 1000) / 1000;
  const old = loadFloors(EXTRACT_TASK);
  const oldFloor = old?.groundTruthSha256 === sha ? old.systems.sitrep?.f1 : undefined;
  if (oldFloor !== undefined && floor < oldFloor && !allowRegression) {
    console.log(
      `\nfloor NOT updated: ${floor.toFixed(3)} would lower the pinned ${oldFloor.toFixed(3)} (pass --allow-regression)`,
    );
    return;
  }
  saveFloors(EXTRACT_TASK, {
    corpus: "zyte-article-extraction-benchmark (../shared/data/extraction-benchmark)",
    groundTruthSha256: sha,
    note: "sitrep's F1 must stay >= f1 (test/bench/extract-floor.test.ts). Update with `npm run bench:extract -- --pin-floor`; a floor is only lowered with --allow-regression, on purpose.",
    systems: {
      sitrep: {
        f1: floor,
        measured: { f1: round3(score.f1), precision: round3(score.precision), recall: round3(score.recall) },
      },
    },
  });
  console.log(
    `\npinned sitrep F1 floor ${floor.toFixed(3)} (measured ${score.f1.toFixed(3)}) in ${FLOORS_FILE}`,
  );
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      worst: { type: "string" },
      "no-readability": { type: "boolean", default: false },
      page: { type: "string" },
      "pin-floor": { type: "boolean", default: false },
      "allow-regression": { type: "boolean", default: false },
    },
  });
  if (!corpusAvailable()) {
    console.log(`bench:extract skipped: benchmark corpus not found at ${CORPUS_DIR} (needs ../shared).`);
    return;
  }
  const pages = loadPages();
  const byId = new Map(pages.map((p) => [p.id, p]));
  const truth = Object.fromEntries(pages.map((p) => [p.id, p.truth]));
  if (values.page) {
    const page = pages.find((p) => p.id.startsWith(values.page as string));
    if (!page) throw new Error(`no page ${values.page}`);
    console.log(sitrepText(page, { debug: true }));
    return;
  }
  console.log(
    `Zyte article-extraction benchmark: ${pages.length} pages, ground truth sha256 ${groundTruthSha256().slice(0, 16)}…`,
  );

  const sitrep = runLive(pages, (p) => sitrepText(p));
  const readability = values["no-readability"] ? null : runLive(pages, readabilityText);
  const refSeconds = readability?.seconds ?? null;
  const rows: Row[] = [];
  const sitrepScored = scoreCorpus(truth, sitrep.outputs);
  const liveRow = (system: string, run: LiveRun): Row => ({
    system,
    kind: "live",
    score: scoreCorpus(truth, run.outputs).corpus,
    pagesPerSecond: pages.length / run.seconds,
    relativeTime: refSeconds === null ? null : run.seconds / refSeconds,
    errors: run.errors,
  });
  rows.push(liveRow("sitrep", sitrep));
  if (readability) rows.push(liveRow("readability.js+jsdom (live)", readability));
  for (const [name, outputs] of loadPeerOutputs()) {
    const missing = pages.filter((p) => outputs[p.id] === undefined).length;
    rows.push({
      system: `${name} (stored)`,
      kind: "stored",
      score: scoreCorpus(truth, outputs).corpus,
      pagesPerSecond: null,
      relativeTime: null,
      errors: missing,
    });
  }
  const everything = Object.fromEntries(pages.map((p) => [p.id, wholePageText(p.html)]));
  rows.push({
    system: "everything (page text)",
    kind: "baseline",
    score: scoreCorpus(truth, everything).corpus,
    pagesPerSecond: null,
    relativeTime: null,
    errors: 0,
  });
  rows.push({
    system: "nothing",
    kind: "baseline",
    score: scoreCorpus(truth, {}).corpus,
    pagesPerSecond: null,
    relativeTime: null,
    errors: 0,
  });
  rows.sort((a, b) => (a.kind === "live" ? 0 : 1) - (b.kind === "live" ? 0 : 1) || b.score.f1 - a.score.f1);
  console.log("");
  printTable(rows);
  console.log("errors: live rows count exceptions; stored rows count pages missing from the stored output.");
  if (readability) {
    const ratio = readability.seconds / sitrep.seconds;
    console.log(
      `\nspeed: sitrep ${(pages.length / sitrep.seconds).toFixed(1)} pages/s vs Readability.js+jsdom ${(pages.length / readability.seconds).toFixed(1)} pages/s → ${ratio.toFixed(1)}× faster`,
    );
  }
  if (values.worst) printWorst(sitrepScored.pages, byId, Number(values.worst));
  if (values["pin-floor"]) pinFloor(sitrepScored.corpus, values["allow-regression"] ?? false);
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, "extract.json");
  writeFileSync(
    file,
    `${JSON.stringify({ corpus: "zyte-article-extraction-benchmark", groundTruthSha256: groundTruthSha256(), pages: pages.length, rows, sitrepPages: sitrepScored.pages }, null, 2)}\n`,
  );
  console.log(`\nwrote ${file}`);
}

main();
