import { describe, expect, it } from "vitest";
import { corpusAvailable, loadPages, loadPeerOutputs } from "../../bench/lib/corpus.js";
import {
  aggregate,
  pageCounts,
  scoreCorpus,
  scorePage,
  shingles,
  tokenize,
} from "../../bench/zyte-metric.js";

describe("zyte-metric: tokenize", () => {
  it.each([
    ["plain English", "Hello, world! It's 2019.", ["Hello", "world", "It", "s", "2019"]],
    [
      "Unicode letters (Python's \\w is Unicode-aware)",
      "Привет, мир — café naïve",
      ["Привет", "мир", "café", "naïve"],
    ],
    ["CJK and Hangul runs", "東京都 서울시", ["東京都", "서울시"]],
    ["underscore and digits are word characters", "snake_case ½ x²", ["snake_case", "½", "x²"]],
    ["punctuation only", "… — !?", []],
  ])("zyte-metric: tokenize %s", (_label, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe("zyte-metric: shingles", () => {
  it("zyte-metric: counts overlapping 4-grams as a multiset", () => {
    const s = shingles(["a", "b", "c", "d", "a", "b", "c", "d"]);
    expect(s.get("a b c d")).toBe(2);
    expect([...s.values()].reduce((a, b) => a + b, 0)).toBe(5);
  });
  it("zyte-metric: fewer than 4 tokens make one shorter shingle", () => {
    expect([...shingles(["a", "b"]).entries()]).toEqual([["a b", 1]]);
  });
  it("zyte-metric: an empty text has no shingles", () => {
    expect(shingles([]).size).toBe(0);
  });
});

describe("zyte-metric: per-page scores", () => {
  it("zyte-metric: identical texts are exact with P = R = 1", () => {
    const s = scorePage("x", "One two three four five.", "One, two; three four five");
    expect(s).toMatchObject({ precision: 1, recall: 1, exact: true });
  });
  it("zyte-metric: an empty prediction is excluded from precision and has recall 0", () => {
    const s = scorePage("x", "one two three four five", "");
    expect(s.precision).toBeNull();
    expect(s.recall).toBe(0);
    const corpus = aggregate([s, scorePage("y", "a b c d e", "a b c d e")]);
    expect(corpus.precision).toBe(1);
    expect(corpus.recall).toBe(0.5);
  });
  it("zyte-metric: an empty truth and prediction enter neither mean", () => {
    const s = scorePage("x", "", "");
    expect(s.precision).toBeNull();
    expect(s.recall).toBeNull();
  });
  it("zyte-metric: counts are normalised by TP + FP + FN", () => {
    const c = pageCounts("a b c d e", "a b c d e f g");
    expect(c.tp + c.fp + c.fn).toBeCloseTo(1, 12);
    expect(c.tp).toBeCloseTo(2 / 4, 12);
    expect(c.fp).toBeCloseTo(2 / 4, 12);
  });
  it("zyte-metric: short texts (< 4 tokens) compare as one shingle", () => {
    expect(scorePage("x", "a b", "a b").precision).toBe(1);
    expect(scorePage("x", "a b", "a c").precision).toBe(0);
  });
  it("zyte-metric: corpus F1 is 2PR/(P+R) of the means, not the mean of per-page F1", () => {
    const { corpus } = scoreCorpus(
      { a: "w x y z v", b: "p q r s t" },
      { a: "w x y z v", b: "p q r s t u k l m n" },
    );
    const p = (1 + 2 / 7) / 2; // page b: 2 true shingles of 7 predicted
    const r = 1;
    expect(corpus.f1).toBeCloseTo((2 * p * r) / (p + r), 12);
  });
});

/** Upstream figures (UPSTREAM-README.rst / SOURCE.md) that the scorer must reproduce to 3 decimals. */
const PEER_FIGURES: [string, number, number, number][] = [
  ["readability_js", 0.947, 0.914, 0.982],
  ["trafilatura", 0.958, 0.938, 0.978],
  ["html-text", 0.665, 0.5, 0.994],
  ["AutoExtract", 0.97, 0.984, 0.956],
  ["justext", 0.804, 0.858, 0.756],
  ["go_trafilatura", 0.96, 0.94, 0.98],
];

describe.skipIf(!corpusAvailable())("zyte-metric: reproduces stored peer scores (needs ../shared)", () => {
  const pages = corpusAvailable() ? loadPages() : [];
  const truth = Object.fromEntries(pages.map((p) => [p.id, p.truth]));
  const peers = corpusAvailable() ? loadPeerOutputs() : new Map<string, Record<string, string>>();
  it.each(PEER_FIGURES)("zyte-metric: %s F1 %s (P %s, R %s)", (name, f1, precision, recall) => {
    const outputs = peers.get(name);
    expect(outputs, `peer output ${name}.json`).toBeDefined();
    const { corpus } = scoreCorpus(truth, outputs ?? {});
    expect(corpus.f1.toFixed(3)).toBe(f1.toFixed(3));
    expect(corpus.precision.toFixed(3)).toBe(precision.toFixed(3));
    expect(corpus.recall.toFixed(3)).toBe(recall.toFixed(3));
  });
});

if (!corpusAvailable()) {
  describe("zyte-metric: peer reproduction", () => {
    it.skip("skipped: ../shared/data/extraction-benchmark not found", () => {});
  });
}
