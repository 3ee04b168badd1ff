/**
 * Properties of the scraped-text extractor (src/extract/text): on any text — prose, markdown-ish markup,
 * control characters, huge lines — it never throws, every paragraph maps back inside the input (verbatim where
 * the map says one to one), and a text without a body is said to be one (extract/no-article, an error).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Article } from "../../src/core/article.js";
import { extractText } from "../../src/extract/text/index.js";
import { anyText, newsText, textInput } from "./arbitraries.js";
import { CHEAP_RUNS, expectSpanInside, runs, withinTime } from "./invariants.js";

const PARTIAL_ARTICLE = Article.partial();

/** Scraped-page furniture: markdown links and images, headings, list marks, rules, bare URLs. */
const MARKUP_PIECES = [
  "[Home](/)",
  "[Share](https://x.example/share?u=1)",
  "![photo](img.jpg)",
  "# ",
  "## ",
  "* ",
  "- ",
  "1. ",
  "> ",
  "---",
  "**",
  "__",
  "`",
  "|",
  "<https://example.org>",
  "https://example.org/a/b.html",
  "[unclosed](",
  "](",
  "By ",
  "Updated: ",
  "Photo: ",
] as const;

/** Lines of prose and furniture, joined by single or blank lines. */
const scrapedText = fc
  .array(
    fc.tuple(fc.array(fc.constantFrom(...MARKUP_PIECES), { maxLength: 2 }), fc.oneof(newsText, anyText)),
    { maxLength: 12 },
  )
  .chain((lines) =>
    fc
      .array(fc.constantFrom("\n", "\n\n", "\r\n", "\n\n\n"), {
        minLength: lines.length,
        maxLength: lines.length,
      })
      .map((breaks) => lines.map(([marks, text], i) => `${marks.join("")}${text}${breaks[i]}`).join("")),
  );

describe("property: text extraction", () => {
  it("text-extract: never throws; paragraphs map back inside the input, verbatim where mapped one to one", () => {
    fc.assert(
      fc.property(fc.oneof(scrapedText, textInput), (input) => {
        const result = withinTime(() => extractText(input));
        for (const paragraph of result.paragraphs) {
          expect(paragraph.text.length).toBeGreaterThan(0);
          let previous = 0;
          for (const segment of paragraph.segments) {
            expectSpanInside(segment, paragraph.text, "segment in its paragraph", true);
            expectSpanInside(
              { start: segment.srcStart, end: segment.srcEnd },
              input,
              "segment in the input",
              true,
            );
            expect(segment.start).toBeGreaterThanOrEqual(previous);
            previous = segment.end;
            if (segment.end - segment.start === segment.srcEnd - segment.srcStart) {
              expect(input.slice(segment.srcStart, segment.srcEnd)).toBe(
                paragraph.text.slice(segment.start, segment.end),
              );
            }
          }
        }
        for (const removed of result.boilerplate) {
          if (removed.source) expectSpanInside(removed.source, input, "boilerplate source", true);
        }
        expect(PARTIAL_ARTICLE.safeParse(result.meta).success).toBe(true);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("text-extract: no paragraphs always comes with an extract/no-article error", () => {
    fc.assert(
      fc.property(fc.oneof(scrapedText, textInput), (input) => {
        const result = withinTime(() => extractText(input));
        const noArticle = result.diagnostics.find((d) => d.code === "extract/no-article");
        expect(noArticle !== undefined).toBe(result.paragraphs.length === 0);
        if (noArticle) expect(noArticle.severity).toBe("error");
      }),
      runs(CHEAP_RUNS),
    );
  });
});
