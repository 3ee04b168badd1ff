import { describe, expect, it } from "vitest";
import { headerLexicon, parseHeaderLexicon } from "../../../src/extract/text/lexicon.js";

const FULL: Array<[number, string[]]> = [
  [1, ["title-prefix", "en", "video", "video"]],
  [2, ["byline", "en", "by"]],
  [3, ["tag-label", "en", "tags"]],
  [4, ["date-label", "en", "published"]],
  [5, ["date-joiner", "en", "at"]],
  [6, ["month", "en", "january", "1"]],
  [7, ["weekday", "en", "monday"]],
  [8, ["embed-host", "-", "youtube.com"]],
  [9, ["title-suffix", "en", "live updates", "live"]],
  [10, ["kind-label", "en", "press release", "press-release"]],
  [11, ["language-word", "es", "el", "day-first"]],
  [12, ["section-label", "en", "world"]],
];

describe("text-extract: header lexicon loader", () => {
  it("text-extract: accepts a file with every group", () => {
    expect(parseHeaderLexicon(FULL).months.get("january")).toBe(1);
  });
  it.each([
    "title-prefix",
    "byline",
    "tag-label",
    "date-label",
    "date-joiner",
    "month",
    "weekday",
    "embed-host",
    "title-suffix",
    "kind-label",
    "section-label",
    "language-word",
  ])("text-extract: rejects a file whose %s group is empty", (group) => {
    expect(() => parseHeaderLexicon(FULL.filter(([, c]) => c[0] !== group))).toThrow(/is empty/);
  });
  it.each([
    ["unknown group", [1, ["colour", "en", "red"]], /unknown group/],
    ["unknown kind", [1, ["title-prefix", "en", "memo", "memo"]], /unknown article kind/],
    ["bad month", [1, ["month", "en", "smarch", "13"]], /bad month/],
    ["conflicting month", [1, ["month", "xx", "january", "2"]], /is month 1/],
    ["empty value", [1, ["byline", "en", ""]], /empty value/],
    ["unknown suffix kind", [1, ["title-suffix", "en", "recap", "recap"]], /unknown article kind/],
    ["bad date order", [1, ["language-word", "xx", "zz", "sideways"]], /date order/],
  ] as Array<[string, [number, string[]], RegExp]>)("text-extract: rejects %s", (_name, bad, message) => {
    expect(() => parseHeaderLexicon([...FULL, bad])).toThrow(message);
  });
  it("text-extract: the shipped lexicon loads with several languages' months", () => {
    const lex = headerLexicon();
    expect(lex.months.get("décembre")).toBe(12);
    expect(lex.months.get("märz")).toBe(3);
    expect(lex.months.get("sept")).toBe(9);
    expect(lex.titlePrefixes.get("video")).toBe("video");
  });
});
