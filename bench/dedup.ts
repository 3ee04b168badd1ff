/**
 * `npm run bench:dedup` — near-duplicate detection (src/cluster/near-duplicates.ts), issue #5.
 *
 * Builds the test set at run time from the extraction benchmark's ground-truth bodies (bench/lib/dedup-set.ts):
 * each body with republication, wire-copy, trimmed, lightly edited and quoted variants, plus hard negatives.
 * Bodies with an even index form the tuning split, on which the measure and threshold are chosen; bodies with
 * an odd index form the reporting split, on which every pair of texts is scored (duplicate = same body).
 *
 * Prints one table (per variant kind: the pairs with at least one text of that kind; per hard-negative kind:
 * false positives; the everything/nothing/exact-match baselines), then the chosen threshold, the LSH candidate
 * recall, chooseOriginal's accuracy and the speed. Writes bench/out/dedup.json. Skips when ../shared is absent.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  DUPLICATE_MEASURE,
  DUPLICATE_THRESHOLD,
  type DuplicateMeasure,
  LSH_BANDS,
  NUM_PERMUTATIONS,
  SHINGLE_SIZE,
} from "../src/cluster/constants.js";
import {
  chooseOriginal,
  compareSketches,
  NearDuplicateIndex,
  type Sketch,
  sketch,
} from "../src/cluster/near-duplicates.js";
import { GROUND_TRUTH_FILE, groundTruthSha256, OUT_DIR } from "./lib/corpus.js";
import {
  buildDedupSet,
  type DedupDoc,
  hostOf,
  type NegativeKind,
  negativeKind,
  type SourceBody,
  VARIANT_KINDS,
} from "./lib/dedup-set.js";

/** Fixed seed of the generated set. */
const SET_SEED = 20_261_125;
const THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const MEASURES: readonly DuplicateMeasure[] = ["jaccard", "overlap"];
const SHINGLE_SIZES = [3, 4, 5, 6];
const WARMUP_MS = 1500;

interface Counts {
  pairs: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
}

const emptyCounts = (): Counts => ({ pairs: 0, positives: 0, tp: 0, fp: 0, fn: 0 });

function add(counts: Counts, positive: boolean, predicted: boolean): void {
  counts.pairs++;
  if (positive) counts.positives++;
  if (positive && predicted) counts.tp++;
  else if (predicted) counts.fp++;
  else if (positive) counts.fn++;
}

function prf(c: Counts): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
  const recall = c.positives === 0 ? null : c.tp / c.positives;
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Score every pair of `docs` against a predicate; `rowsFor` names the rows a pair counts in. */
function scorePairs(
  docs: readonly DedupDoc[],
  predicted: (x: DedupDoc, y: DedupDoc) => boolean,
  rowsFor: (x: DedupDoc, y: DedupDoc) => string[] = () => [],
): Map<string, Counts> {
  const rows = new Map<string, Counts>([["overall", emptyCounts()]]);
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const x = docs[i] as DedupDoc;
      const y = docs[j] as DedupDoc;
      const positive = x.family === y.family;
      const guess = predicted(x, y);
      for (const name of ["overall", ...rowsFor(x, y)]) {
        const counts = rows.get(name) ?? emptyCounts();
        rows.set(name, counts);
        add(counts, positive, guess);
      }
    }
  }
  return rows;
}

function loadBodies(): SourceBody[] {
  const truth = JSON.parse(readFileSync(GROUND_TRUTH_FILE, "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      url: (truth[id] as { url: string }).url,
      text: (truth[id] as { articleBody: string }).articleBody,
    }));
}

/** Candidate pairs (LSH, threshold 0) with both measures, keyed by pair. */
function candidatePairs(
  docs: readonly DedupDoc[],
  sketches: Map<string, Sketch>,
  shingleSize: number,
): Map<string, { jaccard: number; overlap: number }> {
  const index = new NearDuplicateIndex({ threshold: 0, shingleSize });
  for (const doc of docs) index.add(doc.id, sketches.get(doc.id) as Sketch);
  return new Map(index.pairs(0).map((p) => [pairKey(p.a, p.b), { jaccard: p.jaccard, overlap: p.overlap }]));
}

interface SweepPoint {
  shingleSize: number;
  measure: DuplicateMeasure;
  threshold: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** Every shingle size × measure × threshold on the tuning split; the best F1 wins. */
function tune(docs: readonly DedupDoc[]): { sweep: SweepPoint[]; best: SweepPoint } {
  const sweep: SweepPoint[] = [];
  for (const shingleSize of SHINGLE_SIZES) {
    const sketches = new Map(docs.map((d) => [d.id, sketch(d.text, { shingleSize })]));
    sweep.push(...sweepThresholds(docs, sketches, shingleSize));
  }
  const best = sweep.reduce((a, b) => ((b.f1 ?? 0) > (a.f1 ?? 0) ? b : a));
  return { sweep, best };
}

function sweepThresholds(
  docs: readonly DedupDoc[],
  sketches: Map<string, Sketch>,
  shingleSize: number,
): SweepPoint[] {
  const candidates = candidatePairs(docs, sketches, shingleSize);
  const sweep: SweepPoint[] = [];
  for (const measure of MEASURES) {
    for (const threshold of THRESHOLDS) {
      const overall = scorePairs(docs, (x, y) => {
        const c = candidates.get(pairKey(x.id, y.id));
        return c !== undefined && c[measure] >= threshold;
      }).get("overall") as Counts;
      sweep.push({ shingleSize, measure, threshold, ...prf(overall) });
    }
  }
  return sweep;
}

function fmt(n: number | null, digits = 3): string {
  return n === null ? "—" : n.toFixed(digits);
}

function printTable(rows: readonly { name: string; counts: Counts }[]): void {
  const header = ["pairs (reporting split)", "pairs", "dups", "TP", "FP", "FN", "P", "R", "F1"];
  const lines = rows.map(({ name, counts }) => {
    const s = prf(counts);
    return [name, counts.pairs, counts.positives, counts.tp, counts.fp, counts.fn]
      .map(String)
      .concat([fmt(s.precision), fmt(s.recall), fmt(s.f1)]);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(row(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(row(l));
}

function timeSketches(
  texts: readonly string[],
  shingleSize: number,
): { perSecond: number; mbPerSecond: number } {
  const warm = performance.now();
  for (let i = 0; performance.now() - warm < WARMUP_MS; i++)
    sketch(texts[i % texts.length] as string, { shingleSize });
  const start = performance.now();
  let chars = 0;
  for (const text of texts) {
    sketch(text, { shingleSize });
    chars += text.length;
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: texts.length / seconds, mbPerSecond: chars / 1e6 / seconds };
}

function main(): void {
  if (!existsSync(GROUND_TRUTH_FILE)) {
    console.log(`bench:dedup skipped: ${GROUND_TRUTH_FILE} not found (needs ../shared).`);
    return;
  }
  const bodies = loadBodies();
  const tuneIdx = bodies.map((_, i) => i).filter((i) => i % 2 === 0);
  const reportIdx = bodies.map((_, i) => i).filter((i) => i % 2 === 1);
  const tuneDocs = buildDedupSet(bodies, tuneIdx, SET_SEED);
  const reportDocs = buildDedupSet(bodies, reportIdx, SET_SEED);
  const setHash = createHash("sha256")
    .update(reportDocs.map((d) => d.text).join("\u0000"))
    .digest("hex")
    .slice(0, 16);
  console.log(
    `near-duplicates: ${bodies.length} ground-truth bodies (sha256 ${groundTruthSha256().slice(0, 16)}…) → ` +
      `tuning ${tuneDocs.length} texts (even bodies), reporting ${reportDocs.length} texts (odd bodies, set ${setHash}); ` +
      `${NUM_PERMUTATIONS} permutations, ${LSH_BANDS} bands`,
  );

  // 1. Tuning split: shingle size, measure and threshold.
  const { sweep, best } = tune(tuneDocs);
  const chosen = { shingleSize: best.shingleSize, measure: best.measure, threshold: best.threshold };
  const matchesConstants =
    chosen.shingleSize === SHINGLE_SIZE &&
    chosen.measure === DUPLICATE_MEASURE &&
    chosen.threshold === DUPLICATE_THRESHOLD;
  const sketches = new Map<string, Sketch>();
  for (const doc of [...tuneDocs, ...reportDocs]) sketches.set(doc.id, sketch(doc.text, chosen));

  // 2. Reporting split, with the chosen settings.
  const index = new NearDuplicateIndex(chosen);
  for (const doc of reportDocs) index.add(doc.id, sketches.get(doc.id) as Sketch);
  const found = new Map(index.pairs().map((p) => [pairKey(p.a, p.b), p]));
  const familyHost = new Map(reportIdx.map((i) => [i, hostOf((bodies[i] as SourceBody).url)]));
  const hostOfFamily = (family: number) => familyHost.get(family) ?? "";
  const rowsFor = (x: DedupDoc, y: DedupDoc): string[] => {
    const names = new Set([`kind: ${x.kind}`, `kind: ${y.kind}`]);
    if (x.family !== y.family) names.add(`negatives: ${negativeKind(x, y, hostOfFamily)}`);
    return [...names];
  };
  const scored = scorePairs(reportDocs, (x, y) => found.has(pairKey(x.id, y.id)), rowsFor);
  const byDoc = new Map(reportDocs.map((d) => [d.id, d]));

  // Baselines: every pair, no pair, identical normalised text.
  const normalized = new Map(reportDocs.map((d) => [d.id, d.text.toLowerCase().replace(/\s+/g, " ").trim()]));
  const everything = scorePairs(reportDocs, () => true).get("overall") as Counts;
  const nothing = scorePairs(reportDocs, () => false).get("overall") as Counts;
  const exact = scorePairs(reportDocs, (x, y) => normalized.get(x.id) === normalized.get(y.id)).get(
    "overall",
  ) as Counts;

  const order = [
    "overall",
    ...VARIANT_KINDS.map((k) => `kind: ${k}`),
    ...(["shared-paragraph", "shared-boilerplate", "same-site", "other"] as NegativeKind[]).map(
      (k) => `negatives: ${k}`,
    ),
  ];
  const tableRows = order
    .filter((name) => scored.has(name))
    .map((name) => ({
      name: name === "overall" ? "sitrep MinHash+LSH" : name,
      counts: scored.get(name) as Counts,
    }));
  tableRows.push(
    { name: "baseline: exact normalised text", counts: exact },
    { name: "everything (every pair)", counts: everything },
    { name: "nothing (no pair)", counts: nothing },
  );
  console.log();
  printTable(tableRows);

  // LSH: share of the pairs above the threshold (all-pairs comparison) that banding made candidates.
  let above = 0;
  let aboveFound = 0;
  for (let i = 0; i < reportDocs.length; i++) {
    for (let j = i + 1; j < reportDocs.length; j++) {
      const x = reportDocs[i] as DedupDoc;
      const y = reportDocs[j] as DedupDoc;
      const c = compareSketches(sketches.get(x.id) as Sketch, sketches.get(y.id) as Sketch);
      if (c[chosen.measure] >= chosen.threshold) {
        above++;
        if (found.has(pairKey(x.id, y.id))) aboveFound++;
      }
    }
  }
  const lshRecall = above === 0 ? null : aboveFound / above;

  // chooseOriginal on the detected pairs of an original and one of its variants.
  const originals = {
    total: 0,
    correct: 0,
    byReason: {} as Record<string, { total: number; correct: number }>,
  };
  for (const pair of found.values()) {
    const a = byDoc.get(pair.a) as DedupDoc;
    const b = byDoc.get(pair.b) as DedupDoc;
    if (a.family !== b.family || (a.kind !== "original") === (b.kind !== "original")) continue;
    const choice = chooseOriginal(a.facts, b.facts);
    const correct = choice.original === (a.kind === "original" ? "a" : "b");
    originals.total++;
    if (correct) originals.correct++;
    const slot = originals.byReason[choice.reason] ?? { total: 0, correct: 0 };
    originals.byReason[choice.reason] = slot;
    slot.total++;
    if (correct) slot.correct++;
  }

  // Speed.
  const allTexts = [...tuneDocs, ...reportDocs].map((d) => d.text);
  const speed = timeSketches(allTexts, chosen.shingleSize);
  const queryIndex = new NearDuplicateIndex(chosen);
  const addStart = performance.now();
  for (const doc of reportDocs) queryIndex.add(doc.id, sketches.get(doc.id) as Sketch);
  const addMs = (performance.now() - addStart) / reportDocs.length;
  const queryStart = performance.now();
  for (const doc of tuneDocs) queryIndex.query(sketches.get(doc.id) as Sketch);
  const queryMs = (performance.now() - queryStart) / tuneDocs.length;
  const pairsStart = performance.now();
  queryIndex.pairs();
  const pairsMs = performance.now() - pairsStart;

  const overall = prf(scored.get("overall") as Counts);
  console.log(
    `\nchosen on the tuning split: ${chosen.shingleSize}-word shingles, ${chosen.measure} ≥ ${chosen.threshold} ` +
      `(tuning F1 ${fmt(best.f1)}); constants.ts has ${SHINGLE_SIZE}-word, ${DUPLICATE_MEASURE} ≥ ${DUPLICATE_THRESHOLD}${matchesConstants ? " (same)" : " (DIFFERENT: update constants.ts)"}`,
  );
  console.log(
    `LSH candidate recall (pairs above the threshold by all-pairs comparison that banding found): ${aboveFound}/${above} = ${fmt(lshRecall)}`,
  );
  const reasons = Object.entries(originals.byReason)
    .map(([reason, c]) => `${reason} ${c.correct}/${c.total}`)
    .join(", ");
  console.log(
    `chooseOriginal on detected original–variant pairs: ${originals.correct}/${originals.total} correct (${reasons})`,
  );
  console.log(
    `speed: ${speed.perSecond.toFixed(0)} signatures/s (${speed.mbPerSecond.toFixed(2)} MB/s of text); ` +
      `index add ${addMs.toFixed(3)} ms/text; query ${queryMs.toFixed(3)} ms against ${reportDocs.length} texts; ` +
      `pairs() ${pairsMs.toFixed(1)} ms`,
  );

  mkdirSync(OUT_DIR, { recursive: true });
  const out = {
    task: "near-duplicates",
    groundTruthSha256: groundTruthSha256(),
    setSeed: SET_SEED,
    reportingSetSha256: setHash,
    settings: { permutations: NUM_PERMUTATIONS, bands: LSH_BANDS },
    tuning: { split: "even body index", texts: tuneDocs.length, chosen, f1: best.f1, sweep },
    reporting: {
      split: "odd body index",
      texts: reportDocs.length,
      overall,
      rows: Object.fromEntries(tableRows.map((r) => [r.name, { ...r.counts, ...prf(r.counts) }])),
      lshCandidateRecall: lshRecall,
      chooseOriginal: originals,
    },
    speed: {
      signaturesPerSecond: speed.perSecond,
      mbPerSecond: speed.mbPerSecond,
      addMsPerText: addMs,
      queryMs,
      pairsMs,
    },
  };
  writeFileSync(join(OUT_DIR, "dedup.json"), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${join(OUT_DIR, "dedup.json")}`);
}

main();
