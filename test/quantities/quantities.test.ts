import { describe, expect, it } from "vitest";
import { emptyArticle } from "../../src/core/article.js";
import type { Doc } from "../../src/core/doc.js";
import { emptyLayers } from "../../src/core/doc.js";
import { createPipeline } from "../../src/core/stage.js";
import {
  conservativeValue,
  findQuantities,
  loadQuantityLexicon,
  quantitiesStage,
} from "../../src/quantities/index.js";

// Example sentences written for these tests, plus sentences of the seed article (South Front, 2020-12-18).

type Row = [text: string, value: number | null, qualifier: string, noun: string | null];

/** text → [as written, value, qualifier, noun] for every quantity found. */
function read(text: string): Row[] {
  return findQuantities(text, [{ start: 0, end: text.length }]).map((q) => [
    q.text,
    q.value,
    q.qualifier,
    q.noun,
  ]);
}

describe("quantities: counts", () => {
  it.each<[string, string, Row[]]>([
    [
      "issue-4 seed: soldiers, others and a vehicle",
      "3 soldiers were allegedly killed, 10 others were injured and a vehicle was destroyed.",
      [
        ["3 soldiers", 3, "exact", "soldiers"],
        ["10 others", 10, "exact", "others"],
        ["a vehicle", 1, "exact", "vehicle"],
      ],
    ],
    [
      "number words",
      "Twenty-five soldiers were killed.",
      [["Twenty-five soldiers", 25, "exact", "soldiers"]],
    ],
    [
      "compound number words",
      "Two hundred and ten civilians fled.",
      [["Two hundred and ten civilians", 210, "exact", "civilians"]],
    ],
    [
      "a dozen",
      "At least a dozen civilians died.",
      [["At least a dozen civilians", 12, "at-least", "civilians"]],
    ],
    ["grouped digits", "Some 2,000 troops arrived.", [["Some 2,000 troops", 2000, "about", "troops"]]],
    [
      "digits with a multiplier word",
      "5 thousand people marched.",
      [["5 thousand people", 5000, "exact", "people"]],
    ],
    [
      "adjectives before the noun",
      "3 Syrian army soldiers died.",
      [["3 Syrian army soldiers", 3, "exact", "soldiers"]],
    ],
    ["no noun", "He said 7 were killed.", [["7", 7, "exact", null]]],
    ["no casualties", "No casualties were reported.", [["No casualties", 0, "exact", "casualties"]]],
    ["one of", "One of the drones was shot down.", [["One of the drones", 1, "exact", "drones"]]],
    ["at least one", "At least one person was killed.", [["At least one person", 1, "at-least", "person"]]],
    [
      "a noun window stops at the next count",
      "Near a mechanic workshop two men were shot dead.",
      [["two men", 2, "exact", "men"]],
    ],
    [
      "a plain noun that is counted",
      "Several houses were burned.",
      [["Several houses", 3, "vague", "houses"]],
    ],
  ])("quantities: reads %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe("quantities: qualifiers follow ACLED's most conservative figure", () => {
  it.each<[string, string, Row[]]>([
    ["at least", "At least 5 civilians died.", [["At least 5 civilians", 5, "at-least", "civilians"]]],
    [
      "more than: the stated number",
      "More than 20 fighters were killed.",
      [["More than 20 fighters", 20, "more-than", "fighters"]],
    ],
    ["over", "Over 100 militiamen were killed.", [["Over 100 militiamen", 100, "more-than", "militiamen"]]],
    ["about", "About thirty militants were killed.", [["About thirty militants", 30, "about", "militants"]]],
    [
      "up to: ceiling only → unspecified (3)",
      "Up to 7 people were killed.",
      [["Up to 7 people", 3, "up-to", "people"]],
    ],
    ["up to below 3", "Up to 2 people were killed.", [["Up to 2 people", 2, "up-to", "people"]]],
    ["fewer than", "Fewer than 10 people died.", [["Fewer than 10 people", 3, "fewer-than", "people"]]],
    ["fewer than 2", "Fewer than 2 people died.", [["Fewer than 2 people", 1, "fewer-than", "people"]]],
    ["digit range", "3-5 soldiers were hurt.", [["3-5 soldiers", 3, "at-least", "soldiers"]]],
    ["between range", "Between 4 and 6 drones fell.", [["Between 4 and 6 drones", 4, "at-least", "drones"]]],
    ["word range", "Two or three tanks burned.", [["Two or three tanks", 2, "at-least", "tanks"]]],
  ])("quantities: %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe("quantities: vague words come from data/quantities/vague.en.tsv", () => {
  it.each<[string, string, Row[]]>([
    ["dozens → 12", "Dozens of people were arrested.", [["Dozens of people", 12, "vague", "people"]]],
    [
      "scores → 20",
      "Scores of militiamen were killed.",
      [["Scores of militiamen", 20, "vague", "militiamen"]],
    ],
    ["several → 3", "Several soldiers were killed.", [["Several soldiers", 3, "vague", "soldiers"]]],
    ["a number of → 3", "A number of fighters died.", [["A number of fighters", 3, "vague", "fighters"]]],
    ["a few → 2", "A few civilians were hurt.", [["A few civilians", 2, "vague", "civilians"]]],
    ["hundreds → 100", "Hundreds of residents fled.", [["Hundreds of residents", 100, "vague", "residents"]]],
    [
      "hundreds of thousands → 100000",
      "Hundreds of thousands of people fled.",
      [["Hundreds of thousands of people", 100000, "vague", "people"]],
    ],
    ["dozens with no noun", "Dozens were killed.", [["Dozens", 12, "vague", null]]],
  ])("quantities: %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("quantities: every vague row has a value and a source note", () => {
    const lexicon = loadQuantityLexicon();
    expect(lexicon.vague.length).toBeGreaterThan(5);
    expect(lexicon.vague.every((v) => Number.isInteger(v.value) && v.value >= 0)).toBe(true);
  });
});

describe("quantities: what is not a count", () => {
  it.each([
    ["a measure", "The blast was 3.5 km away."],
    ["a glued unit (seed)", "Al-Bukamal is located less than 30km from the town of al-Qaim."],
    ["a year", "In 2017 the town fell."],
    ["an ordinal (seed)", "Recently, the 5th Corps of the Syrian Army created a network of border posts."],
    ["a time", "The attack began at 10:30."],
    ["a clock time", "The attack began at 5 pm."],
    ["a date", "On 18 December the town fell."],
    ["a percentage", "Turnout was 30 percent."],
    ["money", "He paid $5 for it."],
    ["a duration", "The siege lasted five days."],
    ["a compound adjective", "A 15-year-old boy was arrested."],
    ["an identifier", "UN Resolution 2254 was cited."],
    [
      "a relative time (seed)",
      "Less than a week ago, the Russian Military Police established a local HQ in al-Bukamal.",
    ],
    ["a preposition", "The convoy drove over a bridge."],
    ["a title-case noun after a", "Become a Member of Global Research."],
  ])("quantities: %s is not a count", (_name, text) => {
    expect(read(text)).toEqual([]);
  });

  it("quantities: a year next to a counted noun is a count", () => {
    expect(read("2000 soldiers crossed.")).toEqual([["2000 soldiers", 2000, "exact", "soldiers"]]);
  });
});

describe("quantities: degenerate input", () => {
  it.each<[string, string, Row[]]>([
    ["scientific notation", "1e309 killed", [["1e309", null, "exact", null]]],
    ["too large", "999999999999 killed", [["999999999999", null, "exact", null]]],
    ["above MAX_COUNT", "2 billion people", [["2 billion people", null, "exact", "people"]]],
  ])("quantities: %s gives value null", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("quantities: 1 MB of digits gives one bounded, null-valued quantity", () => {
    const text = "9".repeat(1_000_000);
    const out = findQuantities(text, [{ start: 0, end: text.length }]);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.every((q) => q.value === null)).toBe(true);
  });

  it("quantities: a 5,000-word sentence of counts gives a bounded layer", () => {
    const text = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? "3" : "soldiers")).join(" ");
    const out = findQuantities(text, [{ start: 0, end: text.length }]);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(JSON.stringify(out).length).toBeLessThan(200_000);
  });

  it("quantities: spans slice back to their text", () => {
    const text = "On Monday, at least 5 civilians and dozens of fighters died; a tank burned.";
    for (const q of findQuantities(text, [])) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it("quantities: conservativeValue never returns a non-finite or huge figure", () => {
    expect(conservativeValue(Number.POSITIVE_INFINITY, "exact")).toBeNull();
    expect(conservativeValue(Number.NaN, "exact")).toBeNull();
    expect(conservativeValue(-1, "exact")).toBeNull();
    expect(conservativeValue(1_000_001, "at-least")).toBeNull();
  });
});

describe("quantities: stage", () => {
  function makeDoc(text: string): Doc {
    return {
      input: { name: "test", format: "text", content: text },
      source: text,
      text,
      article: { ...emptyArticle(), text },
      layers: { ...emptyLayers(), sentences: [{ start: 0, end: text.length }] },
      segments: [],
      diagnostics: [],
      provenance: { extractor: "test", path: "test" },
    };
  }

  it("quantities: the stage fills doc.layers.quantities", () => {
    const doc = makeDoc(
      "3 soldiers were allegedly killed, 10 others were injured and a vehicle was destroyed.",
    );
    const out = createPipeline([quantitiesStage], ["sentences", "tokens"]).run(doc, undefined);
    expect(out.layers.quantities.map((q) => q.value)).toEqual([3, 10, 1]);
    expect(out.diagnostics).toEqual([]);
  });
});
