/**
 * `npm run bench:text`: line-level body-vs-boilerplate quality of the text extractor over the dev set
 * test/cases/text-extract (and the seed article when ../shared is present, with its gold written in
 * test/extract/text/seed.gold.ts, located in the input by markers).
 *
 * A line is a non-blank input line; positive = body. Gold: the line's visible text (markdown links reduced
 * by a deliberately independent, simple reducer) occurs in one of the case's expected body paragraphs.
 * Predicted: some body paragraph segment maps into the line. Rows: everything / nothing / baseline (a line
 * is body when it has ≥ 8 words and ends a sentence) / sitrep-text; precision is 1 by convention when a system
 * predicts no body line at all ("nothing"). Also: per-kind counts of removed units
 * and the share of expected boilerplate kinds that were right. Prints one table; writes bench/out/text.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractText } from "../src/extract/text/index.js";
import { findLine, loadTextCases } from "../test/cases/text-extract.cases.js";
import { SEED_FILE_EXISTS, seedGoldLines, seedText } from "../test/extract/text/seed.gold.js";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "out");
const VERSION = "0.1.0";
const WARMUP_RUNS = 3;
const TIMED_RUNS = 20;
const BASELINE_MIN_WORDS = 8;

interface BenchCase {
  slug: string;
  input: string;
  /** Per non-blank line: body? */
  gold: boolean[];
  kinds: Array<{ startsWith: string; kind: string }>;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const SIMPLE_MARKUP = /\*\*|__|^#{1,6}\s+|^>\s*|^[<*_]|[>*_]$/g;
const SPACES = /\s+/g;

function visible(line: string): string {
  return line
    .replace(MD_LINK, (_m, t: string) => t)
    .replace(SIMPLE_MARKUP, "")
    .replace(SPACES, " ")
    .trim();
}

function linesOf(input: string): Line[] {
  const out: Line[] = [];
  let offset = 0;
  for (const raw of input.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) out.push({ start: offset + lead, end: offset + lead + text.length, text });
    offset += raw.length + 1;
  }
  return out;
}

function goldFromBody(input: string, paragraphs: readonly string[]): boolean[] {
  const body = paragraphs.map((p) => p.replace(SPACES, " "));
  return linesOf(input).map((l) => {
    const v = visible(l.text);
    return v.length > 0 && body.some((p) => p.includes(v));
  });
}

type Predictor = (c: BenchCase) => boolean[];

const SYSTEMS: Record<string, Predictor> = {
  everything: (c) => linesOf(c.input).map(() => true),
  nothing: (c) => linesOf(c.input).map(() => false),
  baseline: (c) =>
    linesOf(c.input).map((l) => {
      const v = visible(l.text);
      return v.split(" ").length >= BASELINE_MIN_WORDS && /[.!?]["'”’)]*$/.test(v);
    }),
  "sitrep-text": (c) => {
    const r = extractText(c.input);
    const segs = r.paragraphs.flatMap((p) => p.segments);
    return linesOf(c.input).map((l) => segs.some((s) => s.srcStart < l.end && s.srcEnd > l.start));
  },
};

function loadBench(): BenchCase[] {
  const cases: BenchCase[] = loadTextCases().map((c) => ({
    slug: c.slug,
    input: c.input,
    gold: goldFromBody(c.input, c.expected.body),
    kinds: c.expected.boilerplate ?? [],
  }));
  if (SEED_FILE_EXISTS) {
    const input = seedText();
    cases.push({ slug: "seed", input, gold: seedGoldLines(input), kinds: [] });
  }
  return cases;
}

interface Row {
  system: string;
  version: string;
  precision: number;
  recall: number;
  f1: number;
  ms: number;
  timeRelative: number | null;
  skipped: number;
  errors: number;
}

function time(fn: () => void): number {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < TIMED_RUNS; i++) fn();
  return (performance.now() - t0) / TIMED_RUNS;
}

function evaluate(name: string, predict: Predictor, cases: readonly BenchCase[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let errors = 0;
  const perCase: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const c of cases) {
    const gold = c.gold;
    let pred: boolean[];
    try {
      pred = predict(c);
    } catch {
      errors++;
      continue;
    }
    const counts = { tp: 0, fp: 0, fn: 0 };
    gold.forEach((g, i) => {
      const p = pred[i] ?? false;
      if (g && p) counts.tp++;
      else if (!g && p) counts.fp++;
      else if (g && !p) counts.fn++;
    });
    tp += counts.tp;
    fp += counts.fp;
    fn += counts.fn;
    perCase[c.slug] = counts;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const ms = time(() => {
    for (const c of cases) {
      try {
        predict(c);
      } catch {
        // counted above
      }
    }
  });
  const row: Row = {
    system: name,
    version: VERSION,
    precision,
    recall,
    f1,
    ms,
    timeRelative: null,
    skipped: 0,
    errors,
  };
  return { row, perCase };
}

function kindReport(cases: readonly BenchCase[]) {
  const counts: Record<string, number> = {};
  let expected = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const c of cases) {
    const r = extractText(c.input);
    for (const b of r.boilerplate) counts[b.kind] = (counts[b.kind] ?? 0) + 1;
    for (const k of c.kinds) {
      const line = findLine(c.input, k.startsWith);
      if (!line) continue;
      expected++;
      const hit = r.boilerplate.find(
        (b) => b.source && b.source.start <= line.start && b.source.end >= line.end,
      );
      if (hit?.kind === k.kind) right++;
      else wrong.push(`${c.slug}: "${k.startsWith}" → ${hit?.kind ?? "body"} (want ${k.kind})`);
    }
  }
  return { counts, expected, right, wrong };
}

function fmt(n: number): string {
  return n.toFixed(3);
}

function main(): void {
  const cases = loadBench();
  const results = Object.entries(SYSTEMS).map(([name, predict]) => evaluate(name, predict, cases));
  const baselineMs = results.find((r) => r.row.system === "baseline")?.row.ms ?? null;
  for (const r of results) r.row.timeRelative = baselineMs ? r.row.ms / baselineMs : null;
  const lines = cases.reduce((n, c) => n + linesOf(c.input).length, 0);
  process.stdout.write(
    `text-boilerplate: ${cases.length} cases, ${lines} non-blank lines (positive = body)\n`,
  );
  process.stdout.write(
    `${"system".padEnd(12)} ${"version".padEnd(8)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)} ${"ms/set".padStart(8)} ${"×base".padStart(7)} skipped errors\n`,
  );
  for (const { row } of results) {
    process.stdout.write(
      `${row.system.padEnd(12)} ${row.version.padEnd(8)} ${fmt(row.precision).padStart(6)} ${fmt(row.recall).padStart(6)} ${fmt(row.f1).padStart(6)} ${row.ms.toFixed(2).padStart(8)} ${(row.timeRelative ?? 0).toFixed(1).padStart(7)} ${String(row.skipped).padStart(7)} ${String(row.errors).padStart(6)}\n`,
    );
  }
  const kinds = kindReport(cases);
  process.stdout.write(
    `removed units by kind: ${Object.entries(kinds.counts)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}=${n}`)
      .join(" ")}\n`,
  );
  process.stdout.write(`expected boilerplate kinds right: ${kinds.right}/${kinds.expected}\n`);
  for (const w of kinds.wrong) process.stdout.write(`  wrong kind: ${w}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  const system = results.find((r) => r.row.system === "sitrep-text");
  writeFileSync(
    join(OUT_DIR, "text.json"),
    `${JSON.stringify({ cases: cases.map((c) => c.slug), lines, rows: results.map((r) => r.row), perCase: system?.perCase, kinds }, null, 2)}\n`,
  );
}

main();
