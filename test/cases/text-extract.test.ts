/**
 * Case runner for test/cases/text-extract: one `describe` per case, one `it` per field its expected.json
 * gives (fields it leaves out are not checked), plus the nothing-lost property on every case.
 */
import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/core/doc.js";
import { extractText } from "../../src/extract/text/index.js";
import { findLine, loadTextCases, type TextCase, type TextCaseExpected } from "./text-extract.cases.js";

const cases = loadTextCases();

type Check = (result: Extraction, c: TextCase) => void;

const CHECKS: { [K in keyof TextCaseExpected]-?: (e: NonNullable<TextCaseExpected[K]> | null) => Check } = {
  body: (body) => (r) => expect(r.paragraphs.map((p) => p.text)).toEqual(body),
  title: (title) => (r) => expect(r.meta.title ?? null).toBe(title),
  kind: (kind) => (r) => expect(r.meta.kind ?? "article").toBe(kind),
  authors: (authors) => (r) => expect(r.meta.authors ?? []).toEqual(authors),
  publisher: (publisher) => (r) => expect(r.meta.publisher ?? null).toBe(publisher),
  published: (published) => (r) => expect(r.meta.published ?? null).toBe(published),
  original: (original) => (r) => {
    if (original === null) {
      expect(r.meta.original ?? null).toBeNull();
      return;
    }
    expect(r.meta.original).toBeTruthy();
    for (const [field, value] of Object.entries(original)) {
      expect(r.meta.original?.[field as "publisher" | "published" | "url"] ?? null, field).toBe(value);
    }
  },
  tagsInclude: (tags) => (r) => expect(r.meta.tags ?? []).toEqual(expect.arrayContaining(tags ?? [])),
  media: (media) => (r) => expect(r.meta.media ?? []).toEqual(media),
  diagnostics: (codes) => (r) =>
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(codes ?? [])),
  boilerplate: (kinds) => (r, c) => {
    for (const { startsWith, kind } of kinds ?? []) {
      const line = findLine(c.input, startsWith);
      expect(line, `input line starting "${startsWith}"`).not.toBeNull();
      const hit = r.boilerplate.find(
        (b) => b.source && line && b.source.start <= line.start && b.source.end >= line.end,
      );
      expect(hit?.kind, `kind of "${startsWith}"`).toBe(kind);
    }
  },
};

function fieldChecks(e: TextCaseExpected): Array<[string, Check]> {
  return Object.entries(e)
    .filter(([field]) => field in CHECKS)
    .map(([field, value]) => [
      field,
      (CHECKS as Record<string, (v: unknown) => Check>)[field]?.(value) as Check,
    ]);
}

/** Every non-blank input line is in the body or in the boilerplate. */
function checkNothingLost(r: Extraction, input: string): void {
  let offset = 0;
  for (const raw of input.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const len = raw.trim().length;
    const start = offset + lead;
    offset += raw.length + 1;
    if (len === 0) continue;
    const inBody = r.paragraphs.some((p) =>
      p.segments.some((s) => s.srcStart < start + len && s.srcEnd > start),
    );
    const removed = r.boilerplate.some(
      (b) => b.source && b.source.start <= start && b.source.end >= start + len,
    );
    expect(inBody || removed, `line at ${start}: ${raw.trim().slice(0, 40)}`).toBe(true);
  }
}

describe("text-extract cases", () => {
  it("text-extract: the case set has at least 12 cases, each with notes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    for (const c of cases) expect(c.notes.trim().length, c.slug).toBeGreaterThan(0);
  });
});

describe.each(cases.map((c) => [c.slug, c] as const))("text-extract case %s", (_slug, c) => {
  const result = extractText(c.input);
  it.each(fieldChecks(c.expected))("text-extract: %s", (_field, check) => check(result, c));
  it("text-extract: every non-blank line is body or boilerplate", () => checkNothingLost(result, c.input));
});
