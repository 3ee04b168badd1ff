/**
 * Regression gate: sitrep's F1 on the Zyte benchmark must stay at or above the floor pinned in
 * bench/floors.json (measured on the ground truth whose SHA-256 is pinned with it). Needs ../shared.
 */
import { describe, expect, it } from "vitest";
import { corpusAvailable, groundTruthSha256, loadPages } from "../../bench/lib/corpus.js";
import { loadFloors } from "../../bench/lib/floors.js";
import { sitrepText } from "../../bench/lib/systems.js";
import { scoreCorpus } from "../../bench/zyte-metric.js";

const available = corpusAvailable();

describe.skipIf(!available)("bench: sitrep extraction floor (needs ../shared)", () => {
  it("bench: ground truth is the corpus the floor was pinned on", () => {
    expect(groundTruthSha256(), "ground-truth.json changed: re-measure and re-pin bench/floors.json").toBe(
      loadFloors()?.groundTruthSha256,
    );
  });

  it("bench: sitrep F1 ≥ pinned floor", () => {
    const floor = loadFloors()?.systems.sitrep;
    expect(floor).toBeDefined();
    const pages = loadPages();
    const truth = Object.fromEntries(pages.map((p) => [p.id, p.truth]));
    const outputs = Object.fromEntries(pages.map((p) => [p.id, sitrepText(p)]));
    const { corpus } = scoreCorpus(truth, outputs);
    expect(corpus.f1).toBeGreaterThanOrEqual(floor?.f1 ?? 1);
  });
});

if (!available) {
  describe("bench: sitrep extraction floor", () => {
    it.skip("skipped: ../shared/data/extraction-benchmark not found (the floor needs the benchmark corpus)", () => {});
  });
}
