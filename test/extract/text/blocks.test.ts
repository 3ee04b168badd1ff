import { describe, expect, it } from "vitest";
import { reduceLine, splitUnits } from "../../../src/extract/text/blocks.js";

describe("text-extract: reduces markup with an offset map", () => {
  it.each([
    ["By [South Front](#)", "By South Front", 2],
    ["**[South Front](#)**", "South Front", 1],
    ["See <https://example.org/x> now", "See https://example.org/x now", 3],
    ["![Alt text](https://img.example/a.jpg)", "", 0],
    ["# Airstrikes Hit Depot", "Airstrikes Hit Depot", 1],
    ["*Drivers say it.*", "Drivers say it.", 1],
    ["plain text, nothing to do", "plain text, nothing to do", 1],
    ["[a](#), [b](#)", "a, b", 3],
  ])("text-extract: %j → %j in %i segments", (line, text, segments) => {
    const r = reduceLine(line, 0);
    expect(r.text).toBe(text);
    expect(r.segments).toHaveLength(segments);
  });

  it("text-extract: verbatim segments map one to one, rewritten links map to the whole markup", () => {
    const input = "xx By [South Front](#) today";
    const r = reduceLine(input.slice(3), 3);
    for (const s of r.segments) {
      const exact = s.end - s.start === s.srcEnd - s.srcStart;
      if (exact) expect(r.text.slice(s.start, s.end)).toBe(input.slice(s.srcStart, s.srcEnd));
      else expect(input.slice(s.srcStart, s.srcEnd)).toBe("[South Front](#)");
    }
    expect(r.links).toEqual([{ text: "South Front", url: "#" }]);
  });
});

describe("text-extract: groups lines into units", () => {
  it.each([
    [
      "hard-wrapped prose is one unit",
      "The coalition said its warehouses in the capital were\nnearly empty and that convoys had been turned back at\ncheckpoints eleven times since July.\n",
      1,
    ],
    [
      "one paragraph per line stays per line",
      "Border guards exchanged fire on Tuesday, officials said.\nAn army spokesman said one soldier was wounded.\n",
      2,
    ],
    ["menu words stay per line", "Home\nWorld\nAsia\n", 3],
    [
      "a boilerplate line in a block splits it",
      "The original source of this article is Example\nCopyright © Example, 2020\n",
      2,
    ],
    ["blank lines separate units", "One line.\n\n\nAnother line.\n", 2],
  ])("text-extract: %s", (_name, input, count) => {
    expect(splitUnits(input)).toHaveLength(count);
  });

  it("text-extract: wrapped lines join with a space that maps to no input", () => {
    const input =
      "The coalition said its warehouses in the capital were\r\nnearly empty and that convoys had been turned back.\r\n";
    const [u] = splitUnits(input);
    expect(u?.text).toBe(
      "The coalition said its warehouses in the capital were nearly empty and that convoys had been turned back.",
    );
    expect(u?.segments).toHaveLength(2);
    for (const s of u?.segments ?? [])
      expect(u?.text.slice(s.start, s.end)).toBe(input.slice(s.srcStart, s.srcEnd));
  });
});
