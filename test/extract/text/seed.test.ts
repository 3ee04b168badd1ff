/** The founding seed article (../shared/seed), read in place. Skips with a message when ../shared is absent. */
import { describe, expect, it } from "vitest";
import { extractText } from "../../../src/extract/text/index.js";
import { skipMessage } from "../../helpers/shared.js";
import {
  SEED_BODY_FIRST,
  SEED_BODY_LAST,
  SEED_BODY_PARAGRAPHS,
  SEED_BROKEN_JOIN,
  SEED_FILE_EXISTS,
  SEED_META,
  SEED_TAIL_START,
  seedText,
} from "./seed.gold.js";

if (!SEED_FILE_EXISTS) {
  describe("text-extract: seed", () => {
    it.skip(skipMessage("the seed article test"), () => {});
  });
} else {
  const input = seedText();
  const result = extractText(input);

  describe("text-extract: seed metadata", () => {
    it.each([
      ["title", SEED_META.title],
      ["kind", SEED_META.kind],
      ["publisher", SEED_META.publisher],
      ["published", SEED_META.published],
    ] as const)("text-extract: seed %s", (field, value) => {
      expect(result.meta[field]).toBe(value);
    });
    it("text-extract: seed authors", () => expect(result.meta.authors).toEqual(SEED_META.authors));
    it("text-extract: seed original", () => {
      expect(result.meta.original).toMatchObject(SEED_META.original);
    });
    it("text-extract: seed tags", () =>
      expect(result.meta.tags).toEqual(expect.arrayContaining([...SEED_META.tags])));
    it("text-extract: seed media", () => expect(result.meta.media).toEqual(SEED_META.media));
  });

  describe("text-extract: seed body", () => {
    const texts = result.paragraphs.map((p) => p.text);
    it("text-extract: seed has the eight body paragraphs, first to last", () => {
      expect(result.path).toBe("text/scored-core");
      expect(texts).toHaveLength(SEED_BODY_PARAGRAPHS);
      expect(texts[0]?.startsWith(SEED_BODY_FIRST)).toBe(true);
      expect(texts[texts.length - 1]?.endsWith(SEED_BODY_LAST)).toBe(true);
    });
    it("text-extract: seed broken paragraph is joined with one space, two segments", () => {
      const joined = result.paragraphs.find((p) => p.text.includes(SEED_BROKEN_JOIN));
      expect(joined).toBeDefined();
      expect(joined?.segments).toHaveLength(2);
    });
    it("text-extract: seed body paragraphs are the input's blocks verbatim", () => {
      for (const p of result.paragraphs) {
        for (const s of p.segments)
          expect(p.text.slice(s.start, s.end)).toBe(input.slice(s.srcStart, s.srcEnd));
      }
    });
    it("text-extract: seed body has no URL and nothing from the tail", () => {
      const tail = input.indexOf(SEED_TAIL_START);
      for (const p of result.paragraphs) {
        expect(p.text).not.toMatch(/https?:\/\//);
        for (const s of p.segments) expect(s.srcEnd).toBeLessThan(tail);
      }
    });
  });

  describe("text-extract: seed boilerplate", () => {
    const kindOf = (prefix: string) => {
      const at = input.indexOf(prefix);
      return result.boilerplate.find((b) => b.source && b.source.start <= at && b.source.end > at)?.kind;
    };
    it.each([
      ["Video:", "title"],
      ["By [South Front]", "byline"],
      ["Global Research, December", "metadata"],
      ["[South Front](#) 18 December", "metadata"],
      ["Region:", "tags"],
      ["[War Agenda]", "tags"],
      ["https://southfront.org/wp-content", "media"],
      ["Note to readers", "share"],
      ["SUPPORT SOUTHFRONT", "donation"],
      ["PayPal", "donation"],
      ["The original source", "republication"],
      ["Copyright ©", "copyright"],
      ["[Comment on Global Research", "comments"],
      ["[Become a Member", "donation"],
      ["Articles by:", "byline"],
      ["Disclaimer:", "disclaimer"],
      ["www.globalresearch.ca contains", "copyright"],
      ["For media inquiries", "contact"],
    ])("text-extract: seed line %j → %s", (prefix, kind) => {
      expect(input.includes(prefix)).toBe(true);
      expect(kindOf(prefix)).toBe(kind);
    });
    it("text-extract: seed removed blocks all have a kind and a reason", () => {
      for (const b of result.boilerplate) {
        expect(b.kind).toBeTruthy();
        expect(b.reason).toBeTruthy();
        expect(b.source).toBeDefined();
      }
    });
  });
}
