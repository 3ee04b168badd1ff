/**
 * Trains the event-type model: data/events/training.en.jsonl → data/events/model.json.
 * 1. loads the ontology, the trigger lexicon and the training set (labels are sub-event type names);
 * 2. prints stratified k-fold cross-validation (micro / macro / weighted F1, per-label F1);
 * 3. trains on everything and writes the model (deterministic: same data + seed → same bytes).
 * Usage: npm run train:events [-- --no-cv] [-- --out <path>]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../src/core/data.js";
import { EventClassifier, loadEventLexicons } from "../src/events/classify.js";
import { CV_FOLDS, MODEL_FILE, TRAIN_SEED, TRAINING_FILE } from "../src/events/constants.js";
import { type EventOntology, loadOntology } from "../src/events/ontology.js";
import {
  seededRandom,
  serializeEventModel,
  shuffleInPlace,
  type TrainingExample,
  type TrainOptions,
  trainEventModel,
} from "../src/events/train.js";

interface TrainingRow {
  text: string;
  label: string;
  style?: string;
  origin?: string;
  group?: string;
}

export interface LabelledExample extends TrainingExample {
  /** Snippets of one group (one template) stay in one cross-validation fold. */
  group: string;
}

/** Reads training.en.jsonl ("#" lines are comments); labels are sub-event type names from the ontology. */
export function readTrainingSet(
  ontology: EventOntology,
  path = join(findDataDir(), TRAINING_FILE),
): LabelledExample[] {
  const out: LabelledExample[] = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const row = JSON.parse(line) as TrainingRow;
      const entry = ontology.bySubEventType.get(row.label);
      if (!entry || typeof row.text !== "string" || row.text.trim() === "") {
        throw new Error(
          `${path}:${i + 1}: needs "text" and a "label" that is a sub-event type in the ontology`,
        );
      }
      out.push({ text: row.text, label: entry.caseCode, group: row.group ?? `line-${i + 1}` });
    });
  return out;
}

export interface LabelScores {
  micro: number;
  macro: number;
  weighted: number;
  perLabel: Map<string, { p: number; r: number; f1: number; support: number }>;
}

/** Micro (= accuracy for single-label), macro and support-weighted F1 over the gold labels present. */
export function scoreLabels(gold: readonly string[], pred: readonly string[]): LabelScores {
  const labels = [...new Set(gold)].sort();
  const perLabel = new Map<string, { p: number; r: number; f1: number; support: number }>();
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
  let macro = 0;
  let weighted = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    const p = tp + fp === 0 ? 0 : tp / (tp + fp);
    const r = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    perLabel.set(l, { p, r, f1, support: tp + fn });
    macro += f1 / labels.length;
    weighted += (f1 * (tp + fn)) / gold.length;
  }
  return { micro: correct / gold.length, macro, weighted, perLabel };
}

export function crossValidate(
  examples: readonly LabelledExample[],
  labels: readonly string[],
  ontology: EventOntology,
  options: TrainOptions = {},
) {
  const lexicons = loadEventLexicons(ontology);
  // Stratified, grouped folds: each label's groups (a free-form snippet, or all snippets of one template) are
  // shuffled with the seed and dealt round-robin, so no template is on both sides of a split.
  const foldOfGroup = new Map<string, number>();
  const random = seededRandom(TRAIN_SEED + 1);
  for (const l of labels) {
    const groups = shuffleInPlace(
      [...new Set(examples.filter((e) => e.label === l).map((e) => e.group))].sort(),
      random,
    );
    groups.forEach((g, j) => {
      foldOfGroup.set(g, j % CV_FOLDS);
    });
  }
  const fold = examples.map((e) => foldOfGroup.get(e.group) ?? 0);
  const gold: string[] = [];
  const pred: string[] = [];
  for (let f = 0; f < CV_FOLDS; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    const test = examples.filter((_, i) => fold[i] === f);
    const clf = new EventClassifier(trainEventModel(train, labels, lexicons, options), ontology, lexicons);
    for (const e of test) {
      gold.push(e.label);
      const r = clf.classify(e.text);
      pred.push(r ? (ontology.bySubEventType.get(r.subEventType)?.caseCode ?? "") : "");
    }
  }
  return scoreLabels(gold, pred);
}

function main(argv: string[]): void {
  const ontology = loadOntology();
  const labels = ontology.entries.map((e) => e.caseCode);
  const examples = readTrainingSet(ontology);
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  console.error(`training set: ${examples.length} snippets, ${counts.size} labels`);
  for (const l of labels) if (!counts.has(l)) throw new Error(`no training snippets for ${l}`);

  if (!argv.includes("--no-cv")) {
    const t0 = performance.now();
    const s = crossValidate(examples, labels, ontology);
    console.error(
      `${CV_FOLDS}-fold CV: micro ${s.micro.toFixed(3)}  macro ${s.macro.toFixed(3)}  weighted ${s.weighted.toFixed(3)}` +
        `  (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    console.error("label                           n     P      R      F1");
    for (const [l, v] of s.perLabel) {
      console.error(
        `${l.padEnd(30)} ${String(v.support).padStart(3)}  ${v.p.toFixed(3)}  ${v.r.toFixed(3)}  ${v.f1.toFixed(3)}`,
      );
    }
  }

  const outIdx = argv.indexOf("--out");
  const out = outIdx >= 0 ? (argv[outIdx + 1] as string) : join(findDataDir(), MODEL_FILE);
  const text = serializeEventModel(trainEventModel(examples, labels, loadEventLexicons(ontology)));
  writeFileSync(out, text);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  console.error(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB, sha256 ${hash})`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
