/**
 * `npx tsx bench/entities.ts [file]`: speed of the actor recogniser.
 *
 * Prints the cold load of the dictionary and word lists (first call in a fresh process: read, validate,
 * compile) and the time to recognise actors in one article (the seed from ../shared when present, else a
 * built-in example text written for this bench), after a warm-up, as median and p95 over many runs.
 */
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { analyze } from "../src/analyze/index.js";
import type { Span } from "../src/core/doc.js";
import { recognizeActors } from "../src/entities/index.js";
import { loadCompiledActorPatterns } from "../src/entities/patterns.js";

const WARMUP_RUNS = 50;
const TIMED_RUNS = 500;
/** The reference size: "one 600-word article in well under 2 ms". */
const MIN_WORDS = 600;
const SEED = fileURLToPath(new URL("../../shared/seed/000_61231f31bf478e79.txt", import.meta.url));
/** An invented example report (not a real article), used when ../shared is absent. */
const EXAMPLE = [
  "Iranian-backed forces and the Syrian Army shelled positions held by pro-Turkish factions near the town.",
  "Unidentified gunmen later killed two farmers, local sources said. Israel and its special services denied a role.",
  "Pro-Israeli sources claim that Russian forces withdrew. The 5th Corps of the Syrian Army took over the posts.",
].join(" ");

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

const t0 = performance.now();
loadCompiledActorPatterns();
const loadMs = performance.now() - t0;

const file = process.argv[2] ?? (existsSync(SEED) ? SEED : null);
const doc = analyze(
  file
    ? { name: file, format: "text", content: readFileSync(file, "utf8") }
    : { name: "example", format: "text", content: EXAMPLE },
);

/** The article's text repeated (paragraph-separated) until it has at least `minWords` words. */
function atLeast(minWords: number): { text: string; sentences: Span[] } {
  let text = doc.text;
  let sentences: Span[] = [...doc.layers.sentences];
  while (countWords(text) < minWords) {
    const shift = text.length + 2;
    sentences = [
      ...sentences,
      ...doc.layers.sentences.map((s) => ({ start: s.start + shift, end: s.end + shift })),
    ];
    text = `${text}\n\n${doc.text}`;
  }
  return { text, sentences };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

function time(label: string, text: string, sentences: readonly Span[]): void {
  for (let i = 0; i < WARMUP_RUNS; i++) recognizeActors(text, sentences, { year: 2020 });
  const times: number[] = [];
  let actors = 0;
  for (let i = 0; i < TIMED_RUNS; i++) {
    const s = performance.now();
    actors = recognizeActors(text, sentences, { year: 2020 }).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const words = countWords(text);
  console.log(
    `| ${label} | ${words} | ${actors} | ${percentile(times, 0.5).toFixed(3)} | ${percentile(times, 0.95).toFixed(3)} |`,
  );
}

console.log(`cold load (dictionary + patterns + demonyms, validated and compiled): ${loadMs.toFixed(1)} ms`);
console.log(`article: ${file ?? "built-in example"}`);
console.log("| text | words | actors | median ms | p95 ms |");
console.log("|---|---|---|---|---|");
time("article", doc.text, doc.layers.sentences);
const long = atLeast(MIN_WORDS);
time(`article repeated to >= ${MIN_WORDS} words`, long.text, long.sentences);
