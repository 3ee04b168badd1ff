import { describe, expect, it } from "vitest";
import { emptyArticle } from "../../src/core/article.js";
import type { Doc } from "../../src/core/doc.js";
import { emptyLayers } from "../../src/core/doc.js";
import { createPipeline } from "../../src/core/stage.js";
import { chooseReference, findTimeExpressions, timesStage } from "../../src/temporal/index.js";

// Example sentences written for these tests, plus sentences of the seed article: a Global Research repost
// (2020-12-20) of a South Front piece (original 2020-12-18, a Friday).

const SEED_REFERENCE = { published: "2020-12-20", original: "2020-12-18" };

type Row = [text: string, start: string, end: string, precision: string, relative: boolean];

function read(
  text: string,
  reference: { published: string | null; original?: string | null } = SEED_REFERENCE,
): Row[] {
  return findTimeExpressions(text, [{ start: 0, end: text.length }], reference).map((t) => [
    t.text,
    t.startDate,
    t.endDate,
    t.precision,
    t.relative,
  ]);
}

describe("times: relative expressions resolve against the reference date", () => {
  it.each<[string, string, Row[]]>([
    [
      "issue-4 seed: less than a week ago (original publication)",
      "Less than a week ago, the Russian Military Police established a local HQ in al-Bukamal.",
      [["Less than a week ago", "2020-12-11", "2020-12-18", "week", true]],
    ],
    [
      "seed: recently",
      "Recently, the 5th Corps of the Syrian Army created a network of border posts in the area.",
      [["Recently", "2020-12-04", "2020-12-18", "week", true]],
    ],
    [
      "seed: just recently",
      "Just recently, the ISIS propaganda wing, Amaq, claimed that ISIS militants repelled a large attack.",
      [["Just recently", "2020-12-04", "2020-12-18", "week", true]],
    ],
    [
      "on Monday: the Monday before",
      "On Monday, troops attacked.",
      [["On Monday", "2020-12-14", "2020-12-14", "day", true]],
    ],
    [
      "on Friday: the reference day itself",
      "On Friday, troops attacked.",
      [["On Friday", "2020-12-18", "2020-12-18", "day", true]],
    ],
    [
      "next Monday looks forward",
      "Talks resume next Monday.",
      [["next Monday", "2020-12-21", "2020-12-21", "day", true]],
    ],
    [
      "earlier this month",
      "Earlier this month, a strike hit the depot.",
      [["Earlier this month", "2020-12-01", "2020-12-18", "month", true]],
    ],
    ["last year", "Last year, the war began.", [["Last year", "2019-01-01", "2019-12-31", "year", true]]],
    [
      "last month",
      "The truce collapsed last month.",
      [["last month", "2020-11-01", "2020-11-30", "month", true]],
    ],
    [
      "last week",
      "The truce collapsed last week.",
      [["last week", "2020-12-07", "2020-12-13", "week", true]],
    ],
    ["this week", "Shelling resumed this week.", [["this week", "2020-12-14", "2020-12-18", "week", true]]],
    ["yesterday", "Shelling resumed yesterday.", [["yesterday", "2020-12-17", "2020-12-17", "day", true]]],
    [
      "two days ago",
      "Shelling resumed two days ago.",
      [["two days ago", "2020-12-16", "2020-12-16", "day", true]],
    ],
    ["a week ago", "The convoy left a week ago.", [["a week ago", "2020-12-08", "2020-12-14", "week", true]]],
    [
      "two months ago",
      "The convoy left two months ago.",
      [["two months ago", "2020-10-01", "2020-10-31", "month", true]],
    ],
    [
      "the past month",
      "Raids grew over the past month.",
      [["the past month", "2020-11-18", "2020-12-18", "month", true]],
    ],
    [
      "in recent days",
      "Raids grew in recent days.",
      [["in recent days", "2020-12-11", "2020-12-18", "week", true]],
    ],
    [
      "since a year",
      "Since 2011, the town has changed hands.",
      [["Since 2011", "2011-01-01", "2020-12-18", "year", true]],
    ],
    [
      "a date without a year",
      "The town fell on 3 March.",
      [["on 3 March", "2020-03-03", "2020-03-03", "day", true]],
    ],
  ])("times: %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("times: more than a week ago is open-ended and dropped", () => {
    expect(read("The convoy left more than a week ago.")).toEqual([]);
  });
});

describe("times: absolute dates", () => {
  it.each<[string, string, Row[]]>([
    [
      "a full date",
      "The town fell on 12 March 2019.",
      [["on 12 March 2019", "2019-03-12", "2019-03-12", "day", false]],
    ],
    [
      "a month",
      "In December 2020 it ended.",
      [["December 2020", "2020-12-01", "2020-12-31", "month", false]],
    ],
    ["a year", "In 2017 the town fell.", [["In 2017", "2017-01-01", "2017-12-31", "year", false]]],
    [
      "a slash date (day first)",
      "Posted on 14/12/2020.",
      [["14/12/2020", "2020-12-14", "2020-12-14", "day", false]],
    ],
  ])("times: %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe("times: ranges stay ranges", () => {
  it.each<[string, string, Row[]]>([
    [
      "between D and D Month",
      "Fighting raged between 3 and 5 May 2021.",
      [["between 3 and 5 May 2021", "2021-05-03", "2021-05-05", "day", false]],
    ],
    [
      "from D to D Month",
      "Fighting raged from 3 to 5 May 2021.",
      [["from 3 to 5 May 2021", "2021-05-03", "2021-05-05", "day", false]],
    ],
    [
      "between D Month and D Month",
      "Fighting raged between 28 April and 2 May 2021.",
      [["between 28 April and 2 May 2021", "2021-04-28", "2021-05-02", "day", false]],
    ],
    [
      "from weekday to weekday",
      "Fighting raged from Monday to Wednesday.",
      [["Monday to Wednesday", "2020-12-14", "2020-12-16", "day", true]],
    ],
    [
      "years",
      "Fighting raged from 2011 to 2014.",
      [["from 2011 to 2014", "2011-01-01", "2014-12-31", "year", false]],
    ],
    [
      "month-first day range",
      "Fighting raged May 2-4, 2021.",
      [["May 2-4, 2021", "2021-05-02", "2021-05-04", "day", false]],
    ],
  ])("times: %s", (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe("times: reference choice", () => {
  it("times: the original publication date wins over the republication date", () => {
    const t = findTimeExpressions("Less than a week ago, police arrived.", [], SEED_REFERENCE);
    expect(t[0]?.reference).toBe("2020-12-18");
  });

  it("times: the publication date is used when there is no original", () => {
    const t = findTimeExpressions("Less than a week ago, police arrived.", [], {
      published: "2020-12-20T09:00:00Z",
    });
    expect(t[0]).toMatchObject({ startDate: "2020-12-13", endDate: "2020-12-20", reference: "2020-12-20" });
  });

  it("times: an absolute date records no reference", () => {
    expect(findTimeExpressions("In 2017 the town fell.", [], SEED_REFERENCE)[0]?.reference).toBeNull();
  });

  it("times: with no reference, relative expressions are dropped and absolute ones kept", () => {
    expect(read("On Monday and in 2017 and yesterday, raids.", { published: null })).toEqual([
      ["in 2017", "2017-01-01", "2017-12-31", "year", false],
    ]);
  });

  it.each([
    ["not a date", { published: "yesterday" }],
    ["an impossible date", { published: "2021-02-31" }],
    ["out of range", { published: "1850-01-01" }],
  ])("times: a bad reference (%s) is treated as none", (_name, reference) => {
    expect(chooseReference(reference)).toBeNull();
  });
});

describe("times: not dates, bad dates and degenerate input", () => {
  it.each([
    ["an impossible date", "On 31 February 2021 nothing happened."],
    ["a year before 1900", "The fort was built in 1850."],
    ["a year after 2100", "The plan runs in 2150."],
    ["a time with no date", "The attack began at 5 pm."],
    ["a count", "3 soldiers were allegedly killed, 10 others were injured and a vehicle was destroyed."],
    ["an ordinal", "The 5th Corps moved in."],
    ["a year-like count", "In 2000 soldiers attacked."],
    ["a date inside a link", "https://southfront.org/wp-content/uploads/video/18.12.20_IMR_Syria.mp4"],
  ])("times: %s gives nothing", (_name, text) => {
    expect(read(text)).toEqual([]);
  });

  it("times: 1 MB of digits completes with a bounded layer", () => {
    const text = "1".repeat(1_000_000);
    const out = findTimeExpressions(text, [{ start: 0, end: text.length }], SEED_REFERENCE);
    expect(out.length).toBeLessThanOrEqual(500);
  });

  it("times: '1e309' and '999999999999 killed' give no date", () => {
    expect(read("1e309 people and 999999999999 killed")).toEqual([]);
  });

  it("times: a 5,000-word sentence of dates gives a bounded layer", () => {
    const words = ["on", "Monday", "and", "in", "2017", "and", "on", "12", "March", "2019"];
    const text = Array.from({ length: 5000 }, (_, i) => words[i % words.length]).join(" ");
    const out = findTimeExpressions(text, [{ start: 0, end: text.length }], SEED_REFERENCE);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(500);
    for (const t of out) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("times: stage", () => {
  function makeDoc(text: string, published: string | null, original: string | null): Doc {
    return {
      input: { name: "test", format: "text", content: text },
      source: text,
      text,
      article: {
        ...emptyArticle(),
        text,
        published,
        original: original === null ? null : { publisher: "South Front", published: original, url: null },
      },
      layers: { ...emptyLayers(), sentences: [{ start: 0, end: text.length }] },
      segments: [],
      diagnostics: [],
      provenance: { extractor: "test", path: "test" },
    };
  }

  it("times: the stage resolves against article.original.published", () => {
    const doc = makeDoc("Less than a week ago, police arrived.", "2020-12-20", "2020-12-18");
    const out = createPipeline([timesStage], ["sentences"]).run(doc, undefined);
    expect(out.layers.times).toHaveLength(1);
    expect(out.layers.times[0]).toMatchObject({
      id: "t1",
      text: "Less than a week ago",
      startDate: "2020-12-11",
      endDate: "2020-12-18",
      precision: "week",
      relative: true,
      reference: "2020-12-18",
    });
    expect(out.diagnostics).toEqual([]);
  });
});
