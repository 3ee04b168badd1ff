/**
 * `npx tsx bench/lib/factuality-eval.ts [--split test|dev]` — measures sitrep's rule-based factuality
 * (`assessFactuality`, src/claims/factuality.ts) on UDS "It Happened" v2 (../shared/data/attribution).
 *
 * UDS-IH2 is a TEST set: it is measured here, never trained on, and no rule or constant is fitted to its rows.
 * Reports, as the UDS papers do (Rudinger et al. 2018), Pearson r with the gold normalised score, and, as
 * SOURCE.md suggests for a tool, accuracy of happened-vs-not (gold score > 0), with P/R/F1 of "happened",
 * beside the majority row ("always happened") and the split of sitrep's certainty labels.
 * Exits 0 with a message when ../shared is absent. The lead's bench/events.ts runs the same function in its
 * table; this script is the stand-alone reading with the breakdown.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { assessFactuality } from "../../src/claims/factuality.js";
import { loadUds, type UdsSplit, udsFile, udsPredicateSpan } from "./events-data.js";
import { binaryScore, pearson } from "./events-metrics.js";

export interface FactualityEval {
  split: UdsSplit;
  /** Items scored (predicate span rebuilt) and skipped. */
  n: number;
  skipped: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  pearson: number | null;
  majorityAccuracy: number;
  /** Items per certainty label sitrep gave, with the share whose gold says "happened". */
  byCertainty: Record<string, { n: number; goldHappened: number }>;
  msPerItem: number;
}

export function evaluateFactuality(split: UdsSplit = "test"): FactualityEval {
  const items = loadUds(split);
  const gold: boolean[] = [];
  const predicted: boolean[] = [];
  const goldScores: number[] = [];
  const scores: number[] = [];
  const byCertainty: Record<string, { n: number; goldHappened: number }> = {};
  let skipped = 0;
  const started = performance.now();
  for (const item of items) {
    const span = udsPredicateSpan(item);
    if (!span) {
      skipped++;
      continue;
    }
    const r = assessFactuality(item.text, span);
    const happened = item.score > 0;
    gold.push(happened);
    predicted.push(r.happened);
    goldScores.push(item.score);
    scores.push(r.score);
    const bucket = byCertainty[r.certainty] ?? { n: 0, goldHappened: 0 };
    byCertainty[r.certainty] = bucket;
    bucket.n++;
    if (happened) bucket.goldHappened++;
  }
  const ms = performance.now() - started;
  const b = binaryScore(gold, predicted);
  const positives = gold.filter(Boolean).length;
  return {
    split,
    n: gold.length,
    skipped,
    accuracy: b.accuracy,
    precision: b.precision,
    recall: b.recall,
    f1: b.f1,
    pearson: pearson(scores, goldScores),
    majorityAccuracy: Math.max(positives, gold.length - positives) / Math.max(1, gold.length),
    byCertainty,
    msPerItem: ms / Math.max(1, gold.length),
  };
}

function format(r: FactualityEval): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `UDS-IH2 factuality (${r.split}): n=${r.n}, skipped=${r.skipped}, ${r.msPerItem.toFixed(3)} ms/item`,
    `  happened-vs-not accuracy  sitrep ${pct(r.accuracy)}   majority ${pct(r.majorityAccuracy)}`,
    `  "happened" P/R/F1         ${pct(r.precision)} / ${pct(r.recall)} / ${pct(r.f1)}`,
    `  Pearson r vs gold score   ${r.pearson === null ? "n/a" : r.pearson.toFixed(3)}`,
    "  certainty given      n   gold happened",
  ];
  for (const [c, v] of Object.entries(r.byCertainty).sort((a, b) => b[1].n - a[1].n))
    lines.push(`    ${c.padEnd(14)} ${String(v.n).padStart(5)}   ${pct(v.goldHappened / v.n)}`);
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { split: { type: "string", default: "test" } } });
  const split = values.split === "dev" ? "dev" : "test";
  if (!existsSync(udsFile(split))) {
    console.log(`skipped: ${udsFile(split)} not found (UDS-IH2 lives in ../shared/data/attribution)`);
  } else console.log(format(evaluateFactuality(split)));
}
