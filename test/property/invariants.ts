/**
 * Shared checks of the property tests: a hang guard (each input must finish within MAX_MS_PER_INPUT — a
 * generous bound, not a speed test), span checks (offsets inside the text, evidence equal to its slice) and
 * the run settings (modest numRuns, so the whole property suite stays well under a minute on two cores).
 */
import { performance } from "node:perf_hooks";
import type fc from "fast-check";
import { expect } from "vitest";

/** Longest one input may take in any parser before the test calls it a hang. */
export const MAX_MS_PER_INPUT = 2000;

/** Runs per property for cheap parsers, and for the whole pipeline (which loads its data once, then ~10 ms/input). */
export const CHEAP_RUNS = 300;
export const PIPELINE_RUNS = 200;

/** fast-check settings: a run budget and no time-based interruption (the hang guard is per input). */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns };
}

/** Run `fn`, fail if it took longer than MAX_MS_PER_INPUT, and return its result. */
export function withinTime<T>(fn: () => T): T {
  const start = performance.now();
  const result = fn();
  expect(performance.now() - start, "took longer than the hang guard").toBeLessThan(MAX_MS_PER_INPUT);
  return result;
}

/** `withinTime` for async work (the time includes everything awaited). */
export async function withinTimeAsync<T>(fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  expect(performance.now() - start, "took longer than the hang guard").toBeLessThan(MAX_MS_PER_INPUT);
  return result;
}

export interface SpanLike {
  start: number;
  end: number;
}

/** The span is a non-empty (or, with `allowEmpty`, possibly empty) half-open range inside `text`. */
export function expectSpanInside(span: SpanLike, text: string, what: string, allowEmpty = false): void {
  const ok =
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= text.length &&
    (allowEmpty ? span.start <= span.end : span.start < span.end);
  expect(ok, `${what} [${span.start}, ${span.end}) is not inside a text of ${text.length} chars`).toBe(true);
}

/** The span is inside `text` and its `text` field is exactly the slice it points to. */
export function expectEvidence(span: SpanLike & { text: string }, text: string, what: string): void {
  expectSpanInside(span, text, what, true);
  expect(text.slice(span.start, span.end), `${what} text`).toBe(span.text);
}

/** Spans are sorted, do not overlap, and each lies inside `text`. */
export function expectOrderedSpans(spans: readonly SpanLike[], text: string, what: string): void {
  let previousEnd = 0;
  for (const span of spans) {
    expectSpanInside(span, text, what);
    expect(span.start, `${what} overlaps the one before`).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = span.end;
  }
}
