/**
 * Properties of the HTML parsers (src/extract/html, src/extract/metadata) on HTML-like input: nested and
 * unclosed tags, attributes, entities, scripts, JSON-LD, broken markup. Main-text extraction never throws and
 * every paragraph maps back into the page; metadata has the types of the Article schema; JSON-LD, dates and
 * bylines of any shape give well-formed answers.
 */
import fc from "fast-check";
import { DomUtils } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { Article } from "../../src/core/article.js";
import { MAX_MARKUP_DEPTH } from "../../src/core/markup.js";
import { extractMainText, parseHtml } from "../../src/extract/html/index.js";
import { MAX_AUTHORS } from "../../src/extract/metadata/constants.js";
import { MAX_YEAR, MIN_YEAR } from "../../src/extract/metadata/dates.js";
import { extractHtmlMetadata, parseByline, parseDate } from "../../src/extract/metadata/index.js";
import { readJsonLd } from "../../src/extract/metadata/json-ld.js";
import { anyText, deepPage, htmlInput, jsonLd, newsText } from "./arbitraries.js";
import { CHEAP_RUNS, expectSpanInside, runs, withinTime } from "./invariants.js";

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const PARTIAL_ARTICLE = Article.partial();

/** Depth of the deepest element of a parsed tree (iterative: the tree may be deep). */
function maxDepth(root: ReturnType<typeof parseHtml>): number {
  let deepest = 0;
  const stack: { node: { children?: unknown[] }; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as (typeof stack)[number];
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? [])
      stack.push({ node: child as { children?: unknown[] }, depth: depth + 1 });
  }
  return deepest;
}

describe("property: HTML main text", () => {
  it("html: main-text extraction never throws; each paragraph is non-empty and maps back inside the page", () => {
    fc.assert(
      fc.property(htmlInput, (html) => {
        const result = withinTime(() => extractMainText(parseHtml(html), html));
        expect(typeof result.path).toBe("string");
        for (const paragraph of result.paragraphs) {
          expect(paragraph.text.trim().length).toBeGreaterThan(0);
          let previous = 0;
          for (const segment of paragraph.segments) {
            expectSpanInside(segment, paragraph.text, "segment in its paragraph", true);
            expectSpanInside(
              { start: segment.srcStart, end: segment.srcEnd },
              html,
              "segment in the page",
              true,
            );
            expect(segment.start).toBeGreaterThanOrEqual(previous);
            previous = segment.end;
          }
        }
        for (const removed of result.boilerplate) {
          if (removed.source) expectSpanInside(removed.source, html, "boilerplate source", true);
        }
        if (result.paragraphs.length === 0) {
          expect(result.diagnostics.map((d) => d.code)).toContain("extract/no-article");
        }
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("html: nesting is capped at MAX_MARKUP_DEPTH, and the text under any depth is kept and extracted in time", () => {
    fc.assert(
      fc.property(deepPage, ({ html, text }) => {
        const document = withinTime(() => parseHtml(html));
        // root → body → capped elements → p → text
        expect(maxDepth(document)).toBeLessThanOrEqual(MAX_MARKUP_DEPTH + 3);
        expect(DomUtils.textContent(document)).toContain(text);
        withinTime(() => extractMainText(document, html));
      }),
      runs(CHEAP_RUNS / 3),
    );
  });
});

describe("property: HTML metadata", () => {
  it("metadata: any page gives fields of the Article schema's types", () => {
    fc.assert(
      fc.property(
        htmlInput,
        fc.option(fc.constantFrom("https://example.org/a", "not a url", ""), { nil: undefined }),
        (html, url) => {
          const meta = withinTime(() => extractHtmlMetadata(parseHtml(html), { url }));
          const parsed = PARTIAL_ARTICLE.safeParse(meta);
          expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        },
      ),
      runs(CHEAP_RUNS),
    );
  });

  it("metadata: JSON-LD of any shape (deep, cyclic @id references, broken JSON) gives well-formed facts", () => {
    fc.assert(
      fc.property(fc.array(jsonLd, { maxLength: 4 }), fc.boolean(), (scripts, pageIsArticle) => {
        const facts = withinTime(() => readJsonLd(scripts, { pageIsArticle }));
        for (const list of [
          facts.authors,
          facts.organisationAuthors,
          facts.keywords,
          facts.images,
          facts.videos,
        ]) {
          expect(Array.isArray(list)).toBe(true);
          for (const value of list) expect(typeof value).toBe("string");
        }
        for (const value of [facts.headline, facts.published, facts.publisher, facts.language, facts.url]) {
          expect(value === undefined || typeof value === "string").toBe(true);
        }
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("metadata: parseDate returns nothing or an ISO 8601 date within its year bounds", () => {
    fc.assert(
      fc.property(fc.oneof(newsText, anyText), fc.boolean(), (text, epoch) => {
        const date = withinTime(() => parseDate(text, { epoch }));
        if (date === undefined) return;
        const year = Number(ISO_DATE.exec(date)?.[1]);
        expect(date).toMatch(ISO_DATE);
        expect(year).toBeGreaterThanOrEqual(MIN_YEAR);
        expect(year).toBeLessThanOrEqual(MAX_YEAR);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("metadata: parseByline returns at most MAX_AUTHORS non-blank names", () => {
    fc.assert(
      fc.property(fc.oneof(newsText, anyText), (text) => {
        const names = withinTime(() => parseByline(text));
        expect(names.length).toBeLessThanOrEqual(MAX_AUTHORS);
        for (const name of names) expect(name.trim().length).toBeGreaterThan(0);
      }),
      runs(CHEAP_RUNS),
    );
  });
});
