import { describe, expect, it } from "vitest";
import { splitUnits, type Unit } from "../../../src/extract/text/blocks.js";
import {
  findDate,
  mediaOf,
  parseByline,
  parseDateline,
  parseNames,
  parseRepublication,
  parseTagLine,
  splitTitlePrefix,
} from "../../../src/extract/text/header.js";

function unit(text: string): Unit {
  const u = splitUnits(text)[0];
  if (!u) throw new Error("no unit");
  return u;
}

describe("text-extract: finds dates", () => {
  it.each([
    ["Global Research, December 20, 2020", "2020-12-20"],
    ["South Front 18 December 2020", "2020-12-18"],
    ["Updated: Apr 2, 2025, 18:40", "2025-04-02"],
    ["Dec. 3rd, 2021", "2021-12-03"],
    ["Publié le 12 mars 2024 à 10h15", "2024-03-12"],
    ["Veröffentlicht am 3. Mai 2024", "2024-05-03"],
    ["5 de junio de 2024", "2024-06-05"],
    ["2023-11-07T10:00:00Z", "2023-11-07"],
    ["12.03.2024 14:05", "2024-03-12"],
    ["13/03/2024", "2024-03-13"],
    ["3/13/2024", "2024-03-13"],
    ["03/04/2024", null],
    ["February 30, 2024", null],
    ["May 2024", null],
    ["Feb 11 (Tidewire)", null],
  ])("text-extract: date in %j → %s", (text, iso) => {
    expect(findDate(text)?.iso ?? null).toBe(iso);
  });
});

describe("text-extract: reads date lines", () => {
  it.each([
    ["Global Research, December 20, 2020", "Global Research", "2020-12-20", []],
    ["[South Front](#) 18 December 2020", "South Front", "2020-12-18", []],
    ["Published 14 January 2024", null, "2024-01-14", []],
    ["Valley Herald | Updated: Apr 2, 2025, 18:40", "Valley Herald", "2025-04-02", []],
    ["Posted on August 22, 2023 by Lena Markovic", null, "2023-08-22", ["Lena Markovic"]],
    ["Veröffentlicht am 3. Mai 2024, 14:20 Uhr", null, "2024-05-03", []],
    ["August 22, 2023 at 3:14 pm", null, "2023-08-22", []],
    ["March 3, 2024 | 5 min read", null, "2024-03-03", []],
    ["Last modified on Tue 5 Mar 2024 14.05 GMT", null, "2024-03-05", []],
    ["Mardi 12 mars 2024, 10:15", null, "2024-03-12", []],
  ])("text-extract: date line %j", (text, publisher, published, authors) => {
    expect(parseDateline(unit(text))).toEqual({ publisher, published, authors });
  });
  it.each([
    "GENEVA, 18 October 2022 -- The Eastern Relief Coalition warned on Tuesday that more than two million people face shortages.",
    "the talks collapsed on March 3, 2024 after the attack",
    "No date here at all",
  ])("text-extract: not a date line: %j", (text) => {
    expect(parseDateline(unit(text))).toBeNull();
  });
});

describe("text-extract: reads bylines", () => {
  it.each([
    ["By [South Front](#)", ["South Front"], null],
    ["By Miriam Saleh and Jonas Berg", ["Miriam Saleh", "Jonas Berg"], null],
    ["By Jane Doe, John Roe & Ali bin Said", ["Jane Doe", "John Roe", "Ali bin Said"], null],
    ["Par Claire Fontaine", ["Claire Fontaine"], null],
    ["Von Max Berger", ["Max Berger"], null],
    ["Por Ana García | 5 de junio de 2024", ["Ana García"], "2024-06-05"],
  ])("text-extract: byline %j", (text, authors, published) => {
    expect(parseByline(unit(text))).toEqual({ authors, published });
  });
  it.each([
    "By Tuesday, the army had advanced to the outskirts of the town.",
    "by the river",
    "Byron Street was closed",
    "By the end of the week the fighting had spread to three more villages and the road was cut",
  ])("text-extract: not a byline: %j", (text) => {
    expect(parseByline(unit(text))).toBeNull();
  });
  it.each([
    ["Rana Haddad", ["Rana Haddad"]],
    ["Kiran Joshi, Himal Times", ["Kiran Joshi", "Himal Times"]],
    ["the army said", null],
  ])("text-extract: names %j", (text, names) => {
    expect(parseNames(text)).toEqual(names);
  });
});

describe("text-extract: title prefixes become the kind", () => {
  it.each([
    ["Video: Is Israel Searching for A Pretext?", "Is Israel Searching for A Pretext?", "video"],
    ["Watch: Drone Footage Shows Damage", "Drone Footage Shows Damage", "video"],
    ["Opinion | Why the Ceasefire Keeps Collapsing", "Why the Ceasefire Keeps Collapsing", "opinion"],
    ["ANALYSIS: What the Shelling Tells Us", "What the Shelling Tells Us", "analysis"],
    ['Interview: "We Cannot Monitor It"', '"We Cannot Monitor It"', "interview"],
    ["Live updates: Talks resume", "Talks resume", "live"],
    ["In pictures: Floods in the south", "Floods in the south", "gallery"],
    ["Ukraine: Drones hit Odesa port", "Ukraine: Drones hit Odesa port", null],
    ["Fighting Flares in the Capital | Example News", "Fighting Flares in the Capital", null],
    ["Video: Drone Footage Shows Damage - Eastern Ledger", "Drone Footage Shows Damage", "video"],
    ["Ukraine - Russia talks resume in Geneva", "Ukraine - Russia talks resume in Geneva", null],
    ["Israel strikes Gaza - live updates", "Israel strikes Gaza", "live"],
    ["Earthquake in the port city – live updates | Example News", "Earthquake in the port city", "live"],
    ["Live: Ceasefire talks resume - live updates", "Ceasefire talks resume", "live"],
  ])("text-extract: title %j", (text, title, kind) => {
    expect(splitTitlePrefix(text)).toEqual({ title, kind });
  });
});

describe("text-extract: tag lines", () => {
  it.each([
    ["Theme: [Intelligence](#), [Terrorism](#), [US NATO](#)", ["Intelligence", "Terrorism", "US NATO"]],
    ["In-depth Report: [SYRIA](#)", ["SYRIA"]],
    ["Tags: Ukraine, Analysis; Drones", ["Ukraine", "Analysis", "Drones"]],
    ["Filed under: [Ukraine](https://x.example/t/u)", ["Ukraine"]],
    ["Regions are tense", null],
  ])("text-extract: tags of %j", (text, tags) => {
    expect(parseTagLine(unit(text))).toEqual(tags);
  });
});

describe("text-extract: media URLs", () => {
  it.each([
    ["https://southfront.org/wp-content/uploads/video/18.12.20_IMR_Syria.mp4", "video"],
    ["https://cdn.example.org/clip.webm?x=1", "video"],
    ["https://img.example.org/a/b.JPG", "image"],
    ["https://img.example.org/a/b.png#frag", "image"],
    ["https://audio.example.org/ep1.mp3", "audio"],
    ["https://www.youtube.com/watch?v=abc", "embed"],
    ["https://youtu.be/abc", "embed"],
    ["https://vimeo.com/12345", "embed"],
    ["https://www.example.org/2024/story.html", null],
  ])("text-extract: media of %s → %s", (url, type) => {
    expect(mediaOf(url)?.type ?? null).toBe(type);
  });
});

describe("text-extract: republication lines", () => {
  it.each([
    [
      "The original source of this article is [South Front](#)",
      { publisher: "South Front", published: null, url: null },
    ],
    [
      "This article was originally published by [The Courier](https://courier.example/a) on February 4, 2025.",
      { publisher: "The Courier", published: "2025-02-04", url: "https://courier.example/a" },
    ],
    ["First published at Example Monitor.", { publisher: "Example Monitor", published: null, url: null }],
  ])("text-extract: original of %j", (text, original) => {
    expect(parseRepublication(unit(text))).toEqual(original);
  });
});
