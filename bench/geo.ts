/**
 * `npm run bench:geo` — geoparsing on the four test corpora in ../shared/data/geoparsing (issue #3).
 *
 * Prints one table: sitrep end-to-end (own recognition + resolution) and on gold toponyms, the
 * population-only baseline on gold toponyms (run in this process), and the nine EUPEG peers' stored
 * end-to-end outputs, all scored by the same code (bench/lib/geo-metrics.ts: EUPEG's matching rule,
 * acc@161, mean/median error, AUC). Then sitrep's throughput (median ms per 600-word article after load)
 * and the issue's targets. Writes bench/out/geo.json. Exits 0 with a message when the corpora are absent.
 *
 * Options: --corpus NAME (repeatable; default all four), --no-throughput, --runs N (timing rounds).
 * SITREP_GEO_MODULE=path benches another module exporting geoparseText/resolveToponyms instead of src/geo.
 * Floors: bench/geo-floors.json (pinned by the lead with the corpus hash; a floor is never lowered silently).
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { recognizeActors } from "../src/entities/index.js";
import {
  GEO_CORPORA,
  GEO_DATA_DIR,
  type GeoCorpus,
  type GeoCorpusName,
  type GoldToponym,
  geoCorporaAvailable,
  geoCorpusSha256,
  loadEupegOutputs,
  loadGeoCorpus,
  MAX_OFFSET_DRIFT,
} from "./lib/geo-corpora.js";
import {
  type GeoScore,
  type GoldResolution,
  type LineToponym,
  MAX_ERROR_KM,
  scoreEndToEnd,
  scoreGoldResolution,
} from "./lib/geo-metrics.js";
import { loadPopulationBaseline } from "./lib/population-baseline.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_FILE = join(REPO_ROOT, "bench", "out", "geo.json");
const FLOORS_FILE = join(REPO_ROOT, "bench", "geo-floors.json");

/** Words per article in the throughput test (the "one 600-word article"). */
const THROUGHPUT_WORDS = 600;
/** Articles timed (the first this many corpus articles with at least THROUGHPUT_WORDS words). */
const THROUGHPUT_ARTICLES = 60;
/** Untimed passes over the timing articles first, so the JIT, gazetteer pages and caches are warm. */
const WARMUP_PASSES = 2;
const DEFAULT_TIMING_RUNS = 3;

/** The targets (#3). */
const TARGETS = {
  goldAcc161: { GeoWebNews: 0.9, LGL: 0.8 } as Partial<Record<GeoCorpusName, number>>,
  /** End-to-end F1 above every EUPEG peer on at least this many corpora. */
  corporaAbovePeers: 3,
  medianMsPer600Words: 5,
};

// ---------------------------------------------------------------------------------------------------------
// sitrep, loaded lazily: src/geo/index.ts may not exist yet.
// ---------------------------------------------------------------------------------------------------------

interface ResolvedMention {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: number | null;
}

interface SitrepGeo {
  geoparseText(text: string): ResolvedMention[];
  resolveToponyms(text: string, toponyms: readonly { start: number; end: number }[]): ResolvedMention[];
}

/** Path or URL of another module with the same two exports, to bench a stub or a branch (default src/geo). */
const SITREP_GEO_MODULE = process.env.SITREP_GEO_MODULE;

type SitrepLoad = { ok: true; geo: SitrepGeo; loadMs: number } | { ok: false; reason: string };

async function loadSitrep(): Promise<SitrepLoad> {
  const started = performance.now();
  try {
    const mod = (await (SITREP_GEO_MODULE
      ? import(SITREP_GEO_MODULE)
      : import("../src/geo/index.js"))) as Partial<SitrepGeo>;
    if (typeof mod.geoparseText !== "function" || typeof mod.resolveToponyms !== "function")
      return { ok: false, reason: "src/geo/index.ts does not export geoparseText and resolveToponyms yet" };
    return { ok: true, geo: mod as SitrepGeo, loadMs: performance.now() - started };
  } catch (error) {
    return { ok: false, reason: `not available yet (${(error as Error).message.split("\n")[0]})` };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------------------

type Mode = "end-to-end" | "gold toponyms";

interface Row {
  corpus: GeoCorpusName;
  system: string;
  mode: Mode;
  kind: "live" | "baseline" | "stored";
  precision: number | null;
  recall: number | null;
  f1: number | null;
  acc161: number | null;
  meanKm: number | null;
  medianKm: number | null;
  auc: number | null;
  /** Distances scored: matched pairs end-to-end, gold toponyms in gold mode. */
  n: number;
  tp?: number;
  fp?: number;
  fn?: number;
  /** Gold mode: toponyms left unresolved (scored as MAX_ERROR_KM). */
  unresolved?: number;
  /** Gold mode: share of toponyms with a GeoNames id in the corpus whose predicted id is equal. */
  geonameIdMatch?: number | null;
  /** Documents on which the system threw (scored as no output). */
  errors?: number;
  /** Mentions whose `text` is not `text.slice(start, end)`. */
  spanErrors?: number;
  /** Peers: F1 against EUPEG's gold file with its offsets as they are (EUPEG's own scoring). */
  f1OnEupegGold?: number | null;
  /** The first exception message, when errors > 0. */
  firstError?: string;
  skipped?: string;
}

function skippedRow(corpus: GeoCorpusName, system: string, mode: Mode, kind: Row["kind"], why: string): Row {
  return {
    corpus,
    system,
    mode,
    kind,
    precision: null,
    recall: null,
    f1: null,
    acc161: null,
    meanKm: null,
    medianKm: null,
    auc: null,
    n: 0,
    skipped: why,
  };
}

function endToEndRow(
  corpus: GeoCorpusName,
  system: string,
  kind: Row["kind"],
  score: GeoScore,
  extra: Partial<Row> = {},
): Row {
  return {
    corpus,
    system,
    mode: "end-to-end",
    kind,
    precision: score.precision,
    recall: score.recall,
    f1: score.f1,
    acc161: score.acc161,
    meanKm: score.meanKm,
    medianKm: score.medianKm,
    auc: score.auc,
    n: score.n,
    tp: score.tp,
    fp: score.fp,
    fn: score.fn,
    ...extra,
  };
}

/** Gold toponyms of a document on the file's own offsets (how EUPEG itself scored the peers). */
const fileGold = (corpus: GeoCorpus): LineToponym[][] => corpus.documents.map((d) => d.gold);

/** Gold toponyms whose offsets were verified against the text, on UTF-16 offsets. */
function verifiedGold(
  doc: GeoCorpus["documents"][number],
): (GoldToponym & { jsStart: number; jsEnd: number })[] {
  return doc.gold.filter((g): g is GoldToponym & { jsStart: number; jsEnd: number } => g.jsStart !== null);
}

/**
 * The end-to-end gold every system in the table is scored on: verified gold toponyms at their corrected
 * offsets, so sitrep and the peers are compared on identical gold (SOURCE.md). The corpora have no astral
 * characters, so UTF-16 and code-point offsets coincide and the peers' offsets need no conversion.
 */
const tableGold = (corpus: GeoCorpus): LineToponym[][] =>
  corpus.documents.map((d) => verifiedGold(d).map((g) => ({ ...g, start: g.jsStart, end: g.jsEnd })));

function peerRows(corpus: GeoCorpus): Row[] {
  const gold = tableGold(corpus);
  const eupegGold = fileGold(corpus);
  const rows: Row[] = [];
  for (const [system, outputs] of loadEupegOutputs(corpus.name)) {
    if (outputs.length !== gold.length) {
      rows.push(
        skippedRow(
          corpus.name,
          system,
          "end-to-end",
          "stored",
          `${outputs.length} lines, gold has ${gold.length}`,
        ),
      );
      continue;
    }
    // Also kept: the F1 on EUPEG's gold file as is (drifted offsets included), for comparison with EUPEG.
    const f1OnEupegGold = scoreEndToEnd(eupegGold, outputs).f1;
    rows.push(endToEndRow(corpus.name, system, "stored", scoreEndToEnd(gold, outputs), { f1OnEupegGold }));
  }
  return rows.sort((a, b) => (b.f1 ?? -1) - (a.f1 ?? -1));
}

function sitrepEndToEndRow(corpus: GeoCorpus, geo: SitrepGeo): Row {
  let errors = 0;
  let spanErrors = 0;
  let firstError: string | undefined;
  const gold = tableGold(corpus);
  const predicted: LineToponym[][] = [];
  for (const doc of corpus.documents) {
    let mentions: ResolvedMention[] = [];
    try {
      mentions = geo.geoparseText(doc.text);
    } catch (error) {
      errors++;
      firstError ??= errorMessage(error);
    }
    predicted.push(
      mentions.map((m) => {
        if (doc.text.slice(m.start, m.end) !== m.text) spanErrors++;
        return { name: m.text, surface: m.text, lat: m.lat, lon: m.lon, start: m.start, end: m.end };
      }),
    );
  }
  return endToEndRow(corpus.name, "sitrep", "live", scoreEndToEnd(gold, predicted), {
    errors,
    spanErrors,
    ...(firstError ? { firstError } : {}),
  });
}

interface GoldModeResult {
  resolutions: GoldResolution[];
  idPairs: { gold: number; predicted: number | null }[];
  errors: number;
  firstError?: string;
}

const errorMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

function goldRow(corpus: GeoCorpus, system: string, kind: Row["kind"], result: GoldModeResult): Row {
  const s = scoreGoldResolution(result.resolutions);
  const idMatch = result.idPairs.length
    ? result.idPairs.filter((p) => p.predicted === p.gold).length / result.idPairs.length
    : null;
  return {
    corpus: corpus.name,
    system,
    mode: "gold toponyms",
    kind,
    precision: null,
    recall: null,
    f1: null,
    acc161: s.acc161,
    meanKm: s.meanKm,
    medianKm: s.medianKm,
    auc: s.auc,
    n: s.n,
    unresolved: s.unresolved,
    geonameIdMatch: idMatch,
    errors: result.errors,
    ...(result.firstError ? { firstError: result.firstError } : {}),
  };
}

/** Runs a resolver over every verified gold toponym of a corpus, one call per document. */
function runGoldMode(
  corpus: GeoCorpus,
  resolveDoc: (
    text: string,
    gold: readonly (GoldToponym & { jsStart: number; jsEnd: number })[],
  ) => Map<string, { lat: number | null; lon: number | null; geonameId: number | null }>,
): GoldModeResult {
  const resolutions: GoldResolution[] = [];
  const idPairs: GoldModeResult["idPairs"] = [];
  let errors = 0;
  let firstError: string | undefined;
  for (const doc of corpus.documents) {
    const gold = verifiedGold(doc);
    let byKey = new Map<string, { lat: number | null; lon: number | null; geonameId: number | null }>();
    try {
      byKey = resolveDoc(doc.text, gold);
    } catch (error) {
      errors++;
      firstError ??= errorMessage(error);
    }
    for (const g of gold) {
      const r = byKey.get(`${g.jsStart}:${g.jsEnd}`);
      resolutions.push({ gold: g, lat: r?.lat ?? null, lon: r?.lon ?? null });
      if (g.geonameId !== null && g.lat !== null)
        idPairs.push({ gold: g.geonameId, predicted: r?.geonameId ?? null });
    }
  }
  return { resolutions, idPairs, errors, ...(firstError ? { firstError } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Throughput
// ---------------------------------------------------------------------------------------------------------

const WORD = /\S+/g;

/** The article cut after its THROUGHPUT_WORDS-th word, or null when it is shorter. */
function firstWords(text: string, words: number): string | null {
  let count = 0;
  for (const m of text.matchAll(WORD)) {
    if (++count === words) return text.slice(0, (m.index ?? 0) + m[0].length);
  }
  return null;
}

interface Throughput {
  articles: number;
  /** Timing articles left out because geoparseText threw on them. */
  excluded: number;
  words: number;
  runs: number;
  medianMs: number;
  p90Ms: number;
  what: string;
}

function measureThroughput(corpora: readonly GeoCorpus[], geo: SitrepGeo, runs: number): Throughput | null {
  const texts: string[] = [];
  // Round-robin over the corpora so every one contributes.
  const perCorpus = corpora.map((c) =>
    c.documents.map((d) => firstWords(d.text, THROUGHPUT_WORDS)).filter((t): t is string => t !== null),
  );
  for (let i = 0; texts.length < THROUGHPUT_ARTICLES && perCorpus.some((list) => i < list.length); i++) {
    for (const list of perCorpus) {
      const t = list[i];
      if (t !== undefined && texts.length < THROUGHPUT_ARTICLES) texts.push(t);
    }
  }
  if (texts.length === 0) return null;
  // Articles on which geoparseText throws are left out of the timing, and counted.
  const failed = new Set<string>();
  for (let pass = 0; pass < WARMUP_PASSES; pass++)
    for (const t of texts) {
      try {
        geo.geoparseText(t);
      } catch {
        failed.add(t);
      }
    }
  const timed = texts.filter((t) => !failed.has(t));
  if (timed.length === 0) throw new Error(`geoparseText threw on all ${texts.length} timing articles`);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const t of timed) {
      const started = performance.now();
      geo.geoparseText(t);
      recognizeActors(t, []);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
  return {
    articles: timed.length,
    excluded: failed.size,
    words: THROUGHPUT_WORDS,
    runs,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    what: "places (geoparseText) and actors (recognizeActors) together",
  };
}

// ---------------------------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------------------------

const fmt = (x: number | null | undefined, digits = 3): string =>
  x === null || x === undefined ? "–" : x.toFixed(digits);
const km = (x: number | null | undefined): string =>
  x === null || x === undefined ? "–" : Math.round(x).toString();

function printTable(rows: readonly Row[]): void {
  const header = [
    "corpus",
    "system",
    "mode",
    "P",
    "R",
    "F1",
    "acc@161",
    "mean km",
    "median km",
    "AUC",
    "n scored",
    "doc errors",
  ];
  const body = rows.map((r) =>
    r.skipped
      ? [r.corpus, r.system, r.mode, `skipped: ${r.skipped}`, "", "", "", "", "", "", "", ""]
      : [
          r.corpus,
          r.system,
          r.mode,
          fmt(r.precision),
          fmt(r.recall),
          fmt(r.f1),
          fmt(r.acc161),
          km(r.meanKm),
          km(r.medianKm),
          fmt(r.auc),
          String(r.n),
          r.errors === undefined ? "–" : String(r.errors),
        ],
  );
  const widths = header.map((h, i) =>
    Math.max(
      h.length,
      ...body.filter((_, j) => i < 3 || !rows[j]?.skipped).map((row) => (row[i] ?? "").length),
    ),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let previous: string | null = null;
  for (const [i, row] of body.entries()) {
    const r = rows[i] as Row;
    if (previous !== null && previous !== r.corpus) console.log("");
    previous = r.corpus;
    console.log(
      r.skipped
        ? `${row[0]?.padEnd(widths[0] as number)}  ${row[1]?.padEnd(widths[1] as number)}  ${row[2]?.padEnd(widths[2] as number)}  ${row[3]}`
        : line(row),
    );
  }
}

interface Floors {
  corpusSha256: string;
  systems: Record<string, Partial<Record<GeoCorpusName, { endToEndF1?: number; goldAcc161?: number }>>>;
}

function checkFloors(rows: readonly Row[], sha: string): string[] {
  if (!existsSync(FLOORS_FILE)) return [];
  const floors = JSON.parse(readFileSync(FLOORS_FILE, "utf8")) as Floors;
  const sitrep = floors.systems?.sitrep;
  if (!sitrep || Object.keys(sitrep).length === 0) return [];
  if (floors.corpusSha256 !== sha)
    return [
      `bench/geo-floors.json was pinned on corpus ${floors.corpusSha256.slice(0, 12)}, this is ${sha.slice(0, 12)}: floors not checked`,
    ];
  const broken: string[] = [];
  for (const [corpus, floor] of Object.entries(sitrep) as [
    GeoCorpusName,
    { endToEndF1?: number; goldAcc161?: number },
  ][]) {
    const e2e = rows.find((r) => r.corpus === corpus && r.system === "sitrep" && r.mode === "end-to-end");
    const gold = rows.find((r) => r.corpus === corpus && r.system === "sitrep" && r.mode === "gold toponyms");
    if (floor.endToEndF1 !== undefined && e2e && !((e2e.f1 ?? 0) >= floor.endToEndF1))
      broken.push(`${corpus}: end-to-end F1 ${fmt(e2e.f1)} < floor ${floor.endToEndF1}`);
    if (floor.goldAcc161 !== undefined && gold && !((gold.acc161 ?? 0) >= floor.goldAcc161))
      broken.push(`${corpus}: gold-toponym acc@161 ${fmt(gold.acc161)} < floor ${floor.goldAcc161}`);
  }
  return broken;
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", multiple: true },
      "no-throughput": { type: "boolean", default: false },
      runs: { type: "string", default: String(DEFAULT_TIMING_RUNS) },
    },
  });
  if (!geoCorporaAvailable()) {
    console.log(
      `bench:geo skipped: geoparsing corpora not found at ${GEO_DATA_DIR} (set SITREP_GEO_CORPORA).`,
    );
    return 0;
  }
  const wanted = (values.corpus ?? [...GEO_CORPORA]) as GeoCorpusName[];
  for (const name of wanted)
    if (!GEO_CORPORA.includes(name)) {
      console.error(`unknown corpus "${name}"; valid: ${GEO_CORPORA.join(", ")}`);
      return 2;
    }

  // 1. Corpora, with the offset check.
  const sha = geoCorpusSha256();
  const corpora = wanted.map(loadGeoCorpus);
  console.log(`Geoparsing corpora (${GEO_DATA_DIR}, sha256 ${sha.slice(0, 12)}):`);
  for (const c of corpora) {
    const k = c.check;
    console.log(
      `  ${c.name.padEnd(10)} ${k.articles} articles, ${k.goldLines} gold lines, ${k.goldToponyms} gold toponyms: ` +
        `offsets exact ${k.exact}, as code points ${k.codePoint}, drifted ≤ ${MAX_OFFSET_DRIFT} chars ${k.shifted}, unusable ${k.mismatches.length}`,
    );
    if (k.articles !== k.goldLines)
      console.log(`    WARNING: ${k.articles} articles but ${k.goldLines} gold lines`);
    for (const m of k.mismatches.slice(0, 5))
      console.log(`    doc ${m.doc} [${m.start}, ${m.end}) gold "${m.surface}", text "${m.found}"`);
  }

  // 2. Systems.
  const sitrep = await loadSitrep();
  const baseline = await loadPopulationBaseline();
  if (!sitrep.ok) console.log(`sitrep: ${sitrep.reason}`);
  else if (SITREP_GEO_MODULE)
    console.log(`sitrep rows come from SITREP_GEO_MODULE=${SITREP_GEO_MODULE}, not src/geo`);
  if (!baseline.ok) console.log(`population baseline: ${baseline.reason}`);

  const rows: Row[] = [];
  for (const c of corpora) {
    if (sitrep.ok) {
      rows.push(sitrepEndToEndRow(c, sitrep.geo));
      rows.push(
        goldRow(
          c,
          "sitrep",
          "live",
          runGoldMode(c, (text, gold) => {
            const spans = gold.map((g) => ({ start: g.jsStart, end: g.jsEnd }));
            return new Map(sitrep.geo.resolveToponyms(text, spans).map((m) => [`${m.start}:${m.end}`, m]));
          }),
        ),
      );
    } else {
      rows.push(skippedRow(c.name, "sitrep", "end-to-end", "live", "not available yet"));
      rows.push(skippedRow(c.name, "sitrep", "gold toponyms", "live", "not available yet"));
    }
    if (baseline.ok) {
      rows.push(
        goldRow(
          c,
          "population baseline",
          "baseline",
          runGoldMode(
            c,
            (_text, gold) =>
              new Map(gold.map((g) => [`${g.jsStart}:${g.jsEnd}`, baseline.resolve(g.surface)])),
          ),
        ),
      );
    } else {
      rows.push(
        skippedRow(c.name, "population baseline", "gold toponyms", "baseline", "gazetteer not available"),
      );
    }
    rows.push(...peerRows(c));
  }

  console.log("");
  printTable(rows);
  console.log("");
  console.log(
    "End-to-end: EUPEG matching (span mid-points < 10 chars apart, surfaces equal ignoring case, each prediction used once);\n" +
      "  distances over matched pairs only, so each system is scored on the subset it found; predictions without\n" +
      "  coordinates are dropped before matching (as EUPEG does). All rows use the same gold: EUPEG's gold files with\n" +
      "  offsets checked against the text (drifted ones corrected; f1OnEupegGold in geo.json keeps EUPEG's own).\n" +
      `Gold toponyms: every gold toponym with coordinates and verified offsets (the "unusable" ones above are left out);\n` +
      `  unresolved ones count as ${MAX_ERROR_KM} km.\n` +
      "acc@161 = share of errors < 161 km; AUC of ln(error+1)/ln(20039), lower is better; haversine R = 6371 km.\n" +
      "StanfordNER and SpaCyNER are NER + population baseline (most populous GeoNames hit). GeoVirus has no GeoNames ids.\n" +
      "doc errors: documents on which the system threw, scored as no output (gold mode: all unresolved).",
  );

  for (const r of rows) {
    if (r.errors)
      console.log(`${r.corpus} ${r.system} (${r.mode}): ${r.errors} documents threw, first: ${r.firstError}`);
    if (r.spanErrors)
      console.log(`${r.corpus} ${r.system}: ${r.spanErrors} mentions whose text ≠ text.slice(start, end)`);
  }

  // 3. Throughput.
  let throughput: Throughput | null = null;
  if (sitrep.ok && !values["no-throughput"]) {
    try {
      throughput = measureThroughput(
        corpora,
        sitrep.geo,
        Math.max(1, Number.parseInt(values.runs ?? "3", 10) || 1),
      );
    } catch (error) {
      console.log(
        `\nsitrep throughput: not measured, geoparseText threw (${(error as Error).message.split("\n")[0]})`,
      );
    }
    if (throughput)
      console.log(
        `\nsitrep throughput: median ${throughput.medianMs.toFixed(2)} ms, p90 ${throughput.p90Ms.toFixed(2)} ms per ` +
          `${throughput.words}-word article after load (${throughput.articles} articles × ${throughput.runs} runs, ` +
          `${WARMUP_PASSES} warm-up passes; module import ${sitrep.loadMs.toFixed(0)} ms); ${throughput.what}` +
          (throughput.excluded
            ? `; ${throughput.excluded} articles left out: geoparseText threw on them.`
            : "."),
      );
  }

  // 4. Targets (#3).
  const targets: { target: string; value: string; met: boolean | null }[] = [];
  for (const [corpus, floor] of Object.entries(TARGETS.goldAcc161) as [GeoCorpusName, number][]) {
    const r = rows.find((x) => x.corpus === corpus && x.system === "sitrep" && x.mode === "gold toponyms");
    targets.push({
      target: `${corpus} gold-toponym acc@161 ≥ ${floor}`,
      value: fmt(r?.acc161),
      met: r && !r.skipped ? (r.acc161 ?? 0) >= floor : null,
    });
  }
  const above = corpora.map((c) => {
    const own = rows.find((x) => x.corpus === c.name && x.system === "sitrep" && x.mode === "end-to-end");
    const bestPeer = Math.max(
      ...rows.filter((x) => x.corpus === c.name && x.kind === "stored").map((x) => x.f1 ?? 0),
    );
    return { corpus: c.name, own: own?.skipped ? null : (own?.f1 ?? null), bestPeer };
  });
  targets.push({
    target: `end-to-end F1 above every peer on ≥ ${TARGETS.corporaAbovePeers} of ${corpora.length} corpora`,
    value: above.map((a) => `${a.corpus} ${fmt(a.own)} vs ${fmt(a.bestPeer)}`).join("; "),
    met: sitrep.ok
      ? above.filter((a) => a.own !== null && a.own > a.bestPeer).length >= TARGETS.corporaAbovePeers
      : null,
  });
  targets.push({
    target: `median ms per ${THROUGHPUT_WORDS}-word article < ${TARGETS.medianMsPer600Words}`,
    value: throughput ? throughput.medianMs.toFixed(2) : "–",
    met: throughput && !throughput.excluded ? throughput.medianMs < TARGETS.medianMsPer600Words : null,
  });
  console.log("\nTargets (#3):");
  for (const t of targets)
    console.log(`  ${t.met === null ? "n/a " : t.met ? "met " : "MISS"}  ${t.target}: ${t.value}`);

  // 5. Floors and output.
  const broken = checkFloors(rows, sha);
  for (const b of broken) console.log(`FLOOR: ${b}`);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(
    OUT_FILE,
    `${JSON.stringify(
      {
        corpusSha256: sha,
        corpora: corpora.map((c) => ({ name: c.name, ...c.check })),
        sitrep: sitrep.ok
          ? { available: true, loadMs: sitrep.loadMs }
          : { available: false, reason: sitrep.reason },
        baseline: baseline.ok
          ? { available: true, loadMs: baseline.loadMs }
          : { available: false, reason: baseline.reason },
        rows,
        throughput,
        targets,
        floors: broken,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${OUT_FILE}`);
  return broken.some((b) => b.includes("< floor")) ? 1 : 0;
}

process.exitCode = await main();
