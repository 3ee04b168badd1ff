/**
 * The BLIND v2 text-extract set (test/cases/text-extract-blind2): a floor on line-level F1 only, no per-case
 * assertions — this set is for measuring, not tuning. Written before the dev cases 025+ and the extractor
 * changes that came with them; scored once with `npm run bench:text-blind2` after those changes.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreHeldout } from "../../bench/lib/text-cases.js";
import { loadTextCases } from "./text-extract.cases.js";

const BLIND2_DIR = fileURLToPath(new URL("./text-extract-blind2/", import.meta.url));
/** About 0.05 below the line-level F1 of the first and only blind run (0.912, 2026-11-25). */
const LINE_F1_FLOOR = 0.86;

describe("text-extract blind v2 set", () => {
  const cases = loadTextCases(BLIND2_DIR);

  it("has 10 cases, each with notes and a non-empty expected body", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      expect(c.notes.trim().length, c.slug).toBeGreaterThan(0);
      expect(c.expected.body.length, c.slug).toBeGreaterThan(0);
    }
  });

  it(`line-level body F1 stays at or above ${LINE_F1_FLOOR}`, () => {
    expect(scoreHeldout(cases).line.f1).toBeGreaterThanOrEqual(LINE_F1_FLOOR);
  });
});
