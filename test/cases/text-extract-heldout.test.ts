/**
 * The HELD-OUT text-extract set (test/cases/text-extract-heldout): a floor on line-level F1 only, no
 * per-case assertions — this set is for measuring, not tuning. Improve the extractor on the dev set
 * (test/cases/text-extract) and read the held-out numbers with `npm run bench:text-heldout`.
 */
import { describe, expect, it } from "vitest";
import { loadHeldoutCases, scoreHeldout } from "../../bench/lib/text-cases.js";

/** About 0.05 below the line-level F1 of the first and only blind run (0.874, 2026-11-25). */
const LINE_F1_FLOOR = 0.93;

describe("text-extract held-out set", () => {
  const cases = loadHeldoutCases();

  it("has 12 cases, each with notes and a non-empty expected body", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) {
      expect(c.notes.trim().length, c.slug).toBeGreaterThan(0);
      expect(c.expected.body.length, c.slug).toBeGreaterThan(0);
    }
  });

  it(`line-level body F1 stays at or above ${LINE_F1_FLOOR}`, () => {
    const score = scoreHeldout(cases);
    expect(score.line.f1).toBeGreaterThanOrEqual(LINE_F1_FLOOR);
  });
});
