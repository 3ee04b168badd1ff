import { describe, expect, it } from "vitest";
import { splitUnits } from "../../../src/extract/text/blocks.js";
import { type Claimed, claim } from "../../../src/extract/text/claim.js";
import { weightOf } from "../../../src/extract/text/core.js";
import {
  findDate,
  isDayFirstText,
  isMastheadLike,
  isMenuLine,
  isSectionLabel,
  kindLabelOf,
  parseByline,
  parseDateline,
} from "../../../src/extract/text/header.js";
import {
  dropPullQuotes,
  isTimeStamp,
  keepListRuns,
  keepStandfirst,
  kindOfPage,
  markImageCaptions,
  weighFigures,
  weighLiveblog,
  widenCore,
} from "../../../src/extract/text/refine.js";

/** Claimed units of a hand-written page, weights set, title at `titleIndex` when given. */
function page(text: string, titleIndex = -1): Claimed[] {
  const claimed = splitUnits(text).map((u) => claim(u));
  if (titleIndex >= 0) (claimed[titleIndex] as Claimed).role = "title";
  for (const c of claimed) c.weight = weightOf(c.unit, c.role);
  return claimed;
}

const unit = (text: string) => {
  const u = splitUnits(text)[0];
  if (!u) throw new Error("no unit");
  return u;
};

describe("text-extract: update stamps", () => {
  it.each([
    ["11:52", true],
    ["14:05 GMT", true],
    ["2h ago", true],
    ["15 min ago", true],
    ["Updated 11:52", false],
    ["The talks resumed at 11:52.", false],
  ])("text-extract: %j is a stamp: %s", (text, expected) => {
    expect(isTimeStamp(text)).toBe(expected);
  });
});

describe("text-extract: kind labels, mastheads, section labels", () => {
  it.each([
    ["PRESS RELEASE", true, "press-release"],
    ["For immediate release:", true, "press-release"],
    ["FOR IMMEDIATE RELEASE – 12 March 2025", false, "press-release"],
    ["FOR IMMEDIATE RELEASE – 12 March 2025", true, null],
    ["Communiqué de presse", true, "press-release"],
    ["LIVE", true, "live"],
    ["Interview:", true, "interview"],
    ["Press releases are issued daily", false, null],
  ])("text-extract: kind label of %j (whole line %s) is %s", (text, whole, kind) => {
    expect(kindLabelOf(text, whole)).toBe(kind);
  });
  it.each([
    ["THE VALLEY COURIER — Independent news since 1921", true],
    ["US and UK strike targets in Yemen", false],
    ["River bursts its banks as floods force thousands from homes", false],
  ])("text-extract: %j is a masthead: %s", (text, expected) => {
    expect(isMastheadLike(text)).toBe(expected);
  });
  it.each([
    ["World", true],
    ["Middle East", true],
    ["Rana Haddad", false],
  ])("text-extract: %j is a section label: %s", (text, expected) => {
    expect(isSectionLabel(text)).toBe(expected);
  });
});

describe("text-extract: menu lines", () => {
  it.each([
    ["Site | World | Business | Science | Tech", true],
    ["Daily Sentinel / World / Africa / Health", true],
    ["Fighting Flares in the Capital | Example News", false],
    ["Ukraine - Russia talks resume in Geneva", false],
  ])("text-extract: %j is a menu: %s", (text, expected) => {
    expect(isMenuLine(text)).toBe(expected);
  });
});

describe("text-extract: page language and numeric dates", () => {
  it.each([
    ["El ministerio informó de los nuevos casos, según el boletín.", true],
    ["Les autorités ont annoncé des mesures dans la région.", true],
    ["The ministry said the talks would resume and the border was closed.", false],
    ["", false],
  ])("text-extract: %j is day-first: %s", (text, expected) => {
    expect(isDayFirstText(text)).toBe(expected);
  });
  it.each([
    ["09/06/2025", false, null],
    ["09/06/2025", true, "2025-06-09"],
    ["13/06/2025", false, "2025-06-13"],
    ["6/13/2025", true, "2025-06-13"],
  ])("text-extract: %j (day-first %s) reads %s", (text, dayFirst, iso) => {
    expect(findDate(text, dayFirst)?.iso ?? null).toBe(iso);
  });
  it.each([
    ["Quito, 09/06/2025 - 07:14 h.", true, "2025-06-09"],
    ["Publié le 12 mars 2025 à 14h32", false, "2025-03-12"],
    ["Publié le 12 mars 2025 à 14h32, modifié le 12 mars 2025 à 16h05", false, "2025-03-12"],
  ])("text-extract: date line %j (day-first %s) reads %s", (text, dayFirst, iso) => {
    expect(parseDateline(unit(text), dayFirst)?.published ?? null).toBe(iso);
  });
  it.each([
    ["Interview by Sara Lindholm", ["Sara Lindholm"]],
    ["Interviewed by Omar Said", ["Omar Said"]],
  ])("text-extract: byline %j names %j", (text, authors) => {
    expect(parseByline(unit(text))?.authors).toEqual(authors);
  });
});

describe("text-extract: captions after images", () => {
  it.each([
    [
      "credit line follows",
      "![Crowd](https://x.example/a.jpg)\n\nA crowd gathers in the square on Friday.\n\nPhoto: Jane Roe",
      1,
      "caption",
    ],
    [
      "alt text repeated",
      "![Crowd gathers in the square](https://x.example/a.jpg)\n\nA crowd gathers in the square on Friday.\n\nOfficials said the rally was peaceful.",
      1,
      "caption",
    ],
    [
      "ordinary paragraph",
      "![Map](https://x.example/map.png)\n\nThe army said it had taken the town after two days of fighting.\n\nResidents fled.",
      1,
      undefined,
    ],
  ])("text-extract: %s", (_name, text, index, kind) => {
    const claimed = page(text);
    markImageCaptions(claimed);
    expect(claimed[index]?.verdict?.kind).toBe(kind);
  });
  it("text-extract: a figure weighs as one claimed unit", () => {
    const claimed = page("![Crowd](https://x.example/a.jpg)\n\nPhoto: Jane Roe");
    weighFigures(claimed);
    expect(claimed.map((c) => c.weight)).toEqual([claimed[0]?.weight, 0]);
  });
});

describe("text-extract: live blogs", () => {
  const text = [
    "Quake live",
    "11:52",
    "Hospitals appeal for donors",
    "The main hospital asked residents to donate blood after receiving more than 150 injured people.",
    "Mina Okafor",
    "Share",
    "10:37",
    "Death toll rises",
    "The civil defence agency said 64 bodies had been recovered from the rubble of two blocks.",
  ].join("\n\n");
  it("text-extract: separators are neutral and closing names are bylines", () => {
    const claimed = page(text, 0);
    expect(weighLiveblog(claimed, 0)).toBe(true);
    expect(claimed[4]?.role).toBe("byline");
    expect([1, 2, 4, 5, 6, 7].map((i) => claimed[i]?.weight)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it("text-extract: one stamp is not a live blog", () => {
    const claimed = page(
      "Title here now\n\n11:52\n\nSome text that is long enough to be a paragraph here.",
      0,
    );
    expect(weighLiveblog(claimed, 0)).toBe(false);
  });
  it("text-extract: the core widens back over the first update headline", () => {
    const claimed = page(text, 0);
    weighLiveblog(claimed, 0);
    expect(widenCore(claimed, { first: 3, last: 8 }, 0, claimed.length, true)).toEqual({ first: 2, last: 8 });
  });
});

describe("text-extract: widening the core", () => {
  it.each([
    [
      "an all-caps head like the later ones",
      "Title of the story here\n\nTHE ATTACK\n\nGunmen attacked the camp before dawn on Sunday, survivors said.\n\nTHE RESPONSE\n\nThe UN condemned the attack and called for an inquiry into it.",
      { first: 2, last: 4 },
      { first: 1, last: 4 },
    ],
    [
      "a lone all-caps banner",
      "Title of the story here\n\nBREAKING NEWS\n\nGunmen attacked the camp before dawn on Sunday, survivors said.\n\nThe UN condemned the attack and called for an inquiry into it.",
      { first: 2, last: 3 },
      { first: 2, last: 3 },
    ],
    [
      "a short closing sentence",
      "Title of the story here\n\nGunmen attacked the camp before dawn on Sunday, survivors said today.\n\nNo one was hurt.\n\n[More news](/more)",
      { first: 1, last: 1 },
      { first: 1, last: 2 },
    ],
  ])("text-extract: %s", (_name, text, span, expected) => {
    const claimed = page(text, 0);
    expect(widenCore(claimed, span, 0, claimed.length, false)).toEqual(expected);
  });
});

describe("text-extract: standfirsts, lists, pull quotes, kinds", () => {
  it.each([
    ["a statement", "A crowd gathered in the square as the talks resumed on Friday.", true],
    [
      "a sentence-case sub-headline",
      "Officials say the toll could rise as rescuers reach remote areas",
      true,
    ],
    ["a Title Case tagline", "Independent News For The Whole Northern Region Since 1921", false],
    ["a short label", "Most read today", false],
  ])("text-extract: standfirst %s: %s", (_name, line, kept) => {
    const claimed = page(
      `Title of the story here\n\n${line}\n\nBy Jane Roe\n\nThe body starts here with a sentence long enough to count.`,
      0,
    );
    const inBody = claimed.map(() => false);
    keepStandfirst(claimed, inBody, 0, 3);
    expect(inBody[1]).toBe(kept);
  });
  it("text-extract: a bullet run before the core is body, a one-word menu is not", () => {
    const claimed = page(
      "Title of the story here\n\n- Home\n- News\n\nKey points\n\n- The toll has risen to 64\n- Aftershocks continue to shake the region\n\nBody text.",
      0,
    );
    const inBody = claimed.map(() => false);
    keepListRuns(claimed, inBody, 0, { first: 6, last: 6 }, claimed.length);
    expect(inBody).toEqual([false, false, false, false, true, true, false]);
  });
  it("text-extract: a quotation repeating a body sentence is a pull quote", () => {
    const claimed = page(
      '"We will not leave," said Oleh. "If we leave, the line moves."\n\n“If we leave, the line moves.”\n\n“Nobody else said this.”',
    );
    const inBody = [true, true, true];
    dropPullQuotes(claimed, inBody);
    expect(inBody).toEqual([true, false, true]);
  });
  it.each([
    ["PRESS RELEASE\n\nTitle\n\nBody.", [false, false, true], 2, "press-release"],
    ["Title\n\nQ: One?\n\nA: Yes.\n\nQ: Two?\n\nA: No.", [false, true, true, true, true], 1, "interview"],
    ["Title\n\nQ: One?\n\nA: Yes.", [false, true, true], 1, null],
  ])("text-extract: kind of %j", (text, inBody, bodyStart, kind) => {
    expect(kindOfPage(page(text), inBody, bodyStart)).toBe(kind);
  });
});
