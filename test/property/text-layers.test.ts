/**
 * Properties of the parsers that read the clean text: sentence splitting and tokenising (src/nlp), dates
 * (src/temporal) and counts (src/quantities). On any text they never throw, finish in time, and every span
 * they return lies inside the text with its `text` equal to `text.slice(start, end)`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "../../src/core/doc.js";
import { DATE_PRECISIONS, QUANTITY_QUALIFIERS } from "../../src/core/events.js";
import { MAX_SENTENCE_CHARS } from "../../src/nlp/constants.js";
import { splitSentences, tokenize } from "../../src/nlp/index.js";
import { MAX_QUANTITIES_PER_DOC } from "../../src/quantities/constants.js";
import { findQuantities } from "../../src/quantities/index.js";
import { MAX_TIMES_PER_DOC, MAX_YEAR, MIN_YEAR } from "../../src/temporal/constants.js";
import { findTimeExpressions } from "../../src/temporal/index.js";
import { anyText, newsText, textInput } from "./arbitraries.js";
import { CHEAP_RUNS, expectEvidence, expectOrderedSpans, runs, withinTime } from "./invariants.js";

const WHITESPACE = /\s/u;
const ISO_DAY = /^(\d{4})-\d{2}-\d{2}$/;

/** A text and a range inside it (a paragraph), as the nlp stage is called. */
const textAndRange = textInput.chain((text) =>
  fc
    .tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: text.length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) })),
);

/** Publication dates of every shape a page may give, well-formed or not. */
const reference = fc.record({
  published: fc.oneof(
    fc.constantFrom(
      "2024-05-06",
      "2024-05-06T18:20:00Z",
      "1899-12-31",
      "2101-01-01",
      "2024-02-30",
      "",
      "yesterday",
    ),
    fc
      .date({ min: new Date("1850-01-01"), max: new Date("2150-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString()),
    anyText,
    fc.constant(null),
  ),
  original: fc.oneof(fc.constant(null), fc.constantFrom("2020-12-18", "not a date")),
});

/** Sentences of a text, split the way the nlp stage splits them (whole text as one paragraph). */
function sentencesOf(text: string): Span[] {
  return splitSentences(text, 0, text.length);
}

describe("property: sentences and tokens", () => {
  it("nlp: sentences lie inside their paragraph, in order, trimmed, capped, and cover every non-space character", () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const sentences = withinTime(() => splitSentences(text, start, end));
        expectOrderedSpans(sentences, text, "sentence");
        const covered = new Set<number>();
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(start);
          expect(s.end).toBeLessThanOrEqual(end);
          expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
          expect(WHITESPACE.test(text[s.start] as string)).toBe(false);
          expect(WHITESPACE.test(text[s.end - 1] as string)).toBe(false);
          for (let i = s.start; i < s.end; i++) covered.add(i);
        }
        for (let i = start; i < end; i++) {
          if (!WHITESPACE.test(text[i] as string))
            expect(covered.has(i), `char ${i} in no sentence`).toBe(true);
        }
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("nlp: tokens lie inside their range, in order, and cover every non-space character", () => {
    fc.assert(
      fc.property(textAndRange, ({ text, start, end }) => {
        const tokens = withinTime(() => tokenize(text, start, end));
        expectOrderedSpans(tokens, text, "token");
        const covered = new Set<number>();
        for (const t of tokens) for (let i = t.start; i < t.end; i++) covered.add(i);
        for (let i = start; i < end; i++) {
          if (!WHITESPACE.test(text[i] as string)) expect(covered.has(i), `char ${i} in no token`).toBe(true);
        }
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(start);
          expect(t.end).toBeLessThanOrEqual(end);
        }
      }),
      runs(CHEAP_RUNS),
    );
  });
});

describe("property: dates", () => {
  it("temporal: every date is evidence from the text, a valid ISO range within the year bounds, and resolved only against a reference", () => {
    fc.assert(
      fc.property(fc.oneof(newsText, textInput), reference, (text, ref) => {
        const times = withinTime(() => findTimeExpressions(text, sentencesOf(text), ref));
        expect(times.length).toBeLessThanOrEqual(MAX_TIMES_PER_DOC);
        expect(new Set(times.map((t) => t.id)).size).toBe(times.length);
        for (const t of times) {
          expectEvidence(t, text, `date "${t.text}"`);
          expect(t.start).toBeLessThan(t.end);
          for (const day of [t.startDate, t.endDate]) {
            const year = Number(ISO_DAY.exec(day)?.[1]);
            expect(day).toMatch(ISO_DAY);
            expect(Number.isNaN(Date.parse(day))).toBe(false);
            expect(year).toBeGreaterThanOrEqual(MIN_YEAR);
            expect(year).toBeLessThanOrEqual(MAX_YEAR);
          }
          expect(t.startDate <= t.endDate).toBe(true);
          expect(DATE_PRECISIONS).toContain(t.precision);
          if (t.relative) expect(t.reference).toMatch(ISO_DAY);
          else expect(t.reference).toBeNull();
        }
      }),
      runs(CHEAP_RUNS),
    );
  });
});

describe("property: counts", () => {
  it("quantities: every count is evidence from the text with a non-negative finite value or none", () => {
    fc.assert(
      fc.property(fc.oneof(newsText, textInput), (text) => {
        const quantities = withinTime(() => findQuantities(text, sentencesOf(text)));
        expect(quantities.length).toBeLessThanOrEqual(MAX_QUANTITIES_PER_DOC);
        for (const q of quantities) {
          expectEvidence(q, text, `count "${q.text}"`);
          expect(q.start).toBeLessThan(q.end);
          expect(QUANTITY_QUALIFIERS).toContain(q.qualifier);
          if (q.value !== null) {
            expect(Number.isFinite(q.value)).toBe(true);
            expect(q.value).toBeGreaterThanOrEqual(0);
          }
          expect(q.noun === null || typeof q.noun === "string").toBe(true);
        }
      }),
      runs(CHEAP_RUNS),
    );
  });
});
