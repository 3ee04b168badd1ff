import { describe, expect, it } from "vitest";
import type { Mention } from "../../src/core/entities.js";
import { loadGazetteer } from "../../src/geo/gazetteer.js";
import { MAX_MENTIONS } from "../../src/geo/geoparse-constants.js";
import { recognizePlaces } from "../../src/geo/recognize.js";

const gazetteer = loadGazetteer();

function lines(text: string): Mention[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function names(text: string): string[] {
  return recognizePlaces(text, lines(text), gazetteer).map((m) => m.text);
}

describe("geo: recognize keeps people, dates and acronyms out", () => {
  it.each([
    ["a title makes a person", "President Lincoln spoke in Denver.", ["Denver"]],
    ["a title with a dot makes a person", "Mr. Lincoln spoke in Denver.", ["Denver"]],
    ["a first name makes a person", "The report by Mark Jackson was read in Denver.", ["Denver"]],
    [
      "a person stays a person later",
      "Fire Chief Mark Jackson spoke. Jackson said crews came from Denver.",
      ["Denver"],
    ],
    [
      "a speech verb makes a small name a person",
      "Officials in Denver met. Smith said it went well.",
      ["Denver"],
    ],
    ["weekday names are not places", "Police in Denver said on Monday that Sunday was quiet.", ["Denver"]],
    ["month names are not places", "In March, officials in Denver met. May was calm.", ["Denver"]],
    ["an acronym that is no country is dropped", "The AP and the CEO met in Denver.", ["Denver"]],
    ["a country acronym is kept", "Troops left the U.S. for the UK.", ["U.S.", "UK"]],
    ["a headline's short names are names", "STORMS HIT ROME AND GAZA", ["ROME", "GAZA"]],
    ["a headline's acronym is still an acronym", "US TROOPS LEAVE AP OFFICE", ["US"]],
    ["a single letter is never a place", "A fire hit Denver. I saw it.", ["Denver"]],
    ["a first name before a surname is dropped", "Jordan Peterson did not attend.", []],
    ["a street is not the place", "She lives on Washington Street in Denver.", ["Denver"]],
  ])("geo: recognize %s", (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe("geo: recognize finds names in their written forms", () => {
  it.each([
    ["sentence-initial function word", "Talks failed. In Baghdad, crowds gathered.", ["Baghdad"]],
    ["an abbreviation's dot", "Storms moved from St. Louis to Denver.", ["St. Louis", "Denver"]],
    ["dotted acronyms keep their final dot", "Officials in Washington, D.C., met.", ["Washington", "D.C."]],
    ["a state abbreviation after a town", "He grew up in Decatur, Ill., and left.", ["Decatur", "Ill."]],
    ["the place in a hyphenated adjective", "The Chicago-based firm left.", ["Chicago"]],
    ["a possessive", "Ohio's largest plant closed.", ["Ohio"]],
    ["a county", "Deputies in Sangamon County searched.", ["Sangamon County"]],
    ["an embedded place in an organisation", "The Chicago Police Department said so.", ["Chicago"]],
    [
      "a feature named after a place",
      "Barges sank in the Thames River near London.",
      ["Thames River", "London"],
    ],
    [
      "a lower-case natural feature",
      "Militants hid in the central Syrian desert.",
      ["central Syrian desert"],
    ],
    ["an Arabic-article town without a preposition", "Troops secured al-Qaim before dawn.", ["al-Qaim"]],
    ["a small town after a place verb", "Rebels captured Saraqib overnight.", ["Saraqib"]],
    ["a leading 'the' stays out of the span", "The Netherlands and the UK agreed.", ["Netherlands", "UK"]],
  ])("geo: recognize %s", (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe("geo: recognize reads context", () => {
  it("geo: recognize gives a plural type word to every name of the list", () => {
    const text = "Clashes hit Quneitra and Daraa provinces.";
    const found = recognizePlaces(text, lines(text), gazetteer);
    expect(found.map((m) => [m.text, m.typeCue])).toEqual([
      ["Quneitra", "admin1"],
      ["Daraa", "admin1"],
    ]);
  });

  it("geo: recognize puts a town inside the state after its comma", () => {
    const text = "Police in Paducah, Ky., arrested a man.";
    const [town, state] = recognizePlaces(text, lines(text), gazetteer);
    expect(town?.within?.map((r) => r.name)).toEqual(["Kentucky"]);
    expect(state?.candidates.map((c) => c.featureType)).toEqual(["admin1"]);
  });

  it("geo: recognize drops a namesake abroad when the writer names the town's region and the gazetteer has no such town there", () => {
    // Kani (Sagaing Region, Myanmar) is not in the gazetteer; Kani, Japan is. The region says where it is.
    for (const text of [
      "Two people were killed in Kani Township, Sagaing Region, on Sunday.",
      "Clashes were reported in Kani, Myanmar.",
    ]) {
      const [town, region] = recognizePlaces(text, lines(text), gazetteer);
      expect(town?.text).toBe("Kani");
      expect(town?.candidates).toEqual([]);
      expect(region?.candidates.length).toBeGreaterThan(0);
    }
  });

  it("geo: recognize keeps a list of towns a list, not a town inside the next one's region", () => {
    const text = "Missiles hit Kharkiv, Odesa, Sumy and Poltava overnight.";
    const [kharkiv] = recognizePlaces(text, lines(text), gazetteer);
    expect(kharkiv?.candidates.some((c) => c.countryCode === "UA" && c.featureType === "city")).toBe(true);
  });

  it("geo: recognize marks a locative through a list", () => {
    const text = "Crews came from Chatham and Rochester.";
    const found = recognizePlaces(text, lines(text), gazetteer);
    expect(found.map((m) => [m.text, m.locative])).toEqual([
      ["Chatham", true],
      ["Rochester", true],
    ]);
  });
});

describe("geo: recognize is bounded on bad input", () => {
  it.each([
    [
      "hundreds of thousands of capitalised tokens",
      Array.from({ length: 300_000 }, (_, i) => `Word${i % 50} Paris`).join(" "),
    ],
    [
      "a list of 10,000 place names on one line",
      Array.from({ length: 10_000 }, () => "Paris, London").join(", "),
    ],
    ["a list of 10,000 place names on lines", Array.from({ length: 10_000 }, () => "Baghdad").join("\n")],
    ["non-Latin script", "قصفت الطائرات مدينة دير الزور والبوكمال ".repeat(20_000)],
    ["CJK script", "北京 上海 東京 ".repeat(30_000)],
  ])("geo: recognize completes with at most MAX_MENTIONS on %s", (_label, text) => {
    const found = recognizePlaces(text, lines(text), gazetteer);
    expect(found.length).toBeLessThanOrEqual(MAX_MENTIONS);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
