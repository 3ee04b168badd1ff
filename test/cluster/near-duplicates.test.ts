import { describe, expect, it } from "vitest";
import { MAX_SIGNATURE_TOKENS, NUM_PERMUTATIONS } from "../../src/cluster/constants.js";
import {
  chooseOriginal,
  compareSketches,
  estimateJaccard,
  NearDuplicateIndex,
  type PublicationFacts,
  signature,
  sketch,
} from "../../src/cluster/near-duplicates.js";

// Invented reports written for these tests (not real articles).
const FLOOD = [
  "Heavy rain caused the river Marn to burst its banks on Tuesday night, flooding low-lying districts of the town of Elsby and forcing hundreds of families to leave their homes.",
  "Local officials said at least four people were missing and two bridges on the northern road had been closed after the water rose more than two metres in less than six hours.",
  "Rescue teams used boats to reach residents stranded on rooftops in the old market quarter, where the current was strongest, according to a spokeswoman for the regional emergency service.",
  "The mayor of Elsby, Tomas Rell, described the flooding as the worst the town had seen in forty years and appealed to the national government for pumps, tents and drinking water.",
  "Schools across the district will stay shut until Friday, and the railway operator suspended services between Elsby and the coast because a section of track was under water.",
  "Forecasters warned that more rain was expected over the weekend and that rivers in the neighbouring valleys could also overflow if the storms moved east as predicted.",
].join("\n\n");

const ELECTION = [
  "Voters in the northern province of Karsa went to the polls on Sunday to choose a new regional assembly, in an election that observers described as calm but marked by low turnout.",
  "The electoral commission said that fewer than half of the registered voters had cast a ballot by the time polling stations closed at eight in the evening.",
  "Two parties, the Farmers' League and the Civic Alliance, are expected to win most of the seats, and neither is likely to govern alone, according to analysts in the capital.",
  "Preliminary results are due on Tuesday. International observers will publish their assessment of the vote and the campaign at a press conference later in the week.",
].join("\n\n");

const HEADER =
  "This story was first published by the Valley Courier and is republished here with permission.";
const FOOTER =
  "Sign up for our morning newsletter to get the day's top stories in your inbox. We rely on readers to fund our reporting; please consider a donation today.";

function indexOf(entries: Record<string, string>): NearDuplicateIndex {
  const index = new NearDuplicateIndex();
  for (const [id, text] of Object.entries(entries)) index.add(id, text);
  return index;
}

const paragraphs = (text: string) => text.split("\n\n");

describe("cluster: near-duplicate matching", () => {
  it.each([
    ["identical text", FLOOD, 1],
    ["identical text, different whitespace and case", FLOOD.replace(/\n\n/g, "\n").toUpperCase(), 1],
  ])("cluster: %s scores 1.0", (_name, probe, expected) => {
    const index = indexOf({ flood: FLOOD, election: ELECTION });
    const matches = index.query(probe);
    expect(matches.map((m) => m.id)).toEqual(["flood"]);
    expect(matches[0]?.similarity).toBe(expected);
    expect(estimateJaccard(signature(FLOOD), signature(probe))).toBe(expected);
  });

  it.each([
    ["a republication with header and footer boilerplate", `${HEADER}\n\n${FLOOD}\n\n${FOOTER}`],
    ["a trimmed version (last two paragraphs cut)", paragraphs(FLOOD).slice(0, 4).join("\n\n")],
    [
      "a lightly edited version",
      FLOOD.replace("at least four", "at least five")
        .replace("Tuesday night", "Tuesday evening")
        .replace("appealed to", "called on"),
    ],
    [
      "a wire copy with a dateline and a credit line",
      `ELSBY (Wire) — ${FLOOD}\n\n(Reporting by the newsroom; editing by the desk.)`,
    ],
  ])("cluster: %s is found", (_name, variant) => {
    const index = indexOf({ flood: FLOOD, election: ELECTION });
    expect(index.query(variant).map((m) => m.id)).toEqual(["flood"]);
  });

  it.each([
    ["an unrelated report", ELECTION],
    ["an unrelated report with the same boilerplate", `${HEADER}\n\n${ELECTION}\n\n${FOOTER}`],
    ["the boilerplate alone", `${HEADER}\n\n${FOOTER}`],
    ["one paragraph quoted from the report", paragraphs(FLOOD)[2] as string],
  ])("cluster: %s is not found", (_name, probe) => {
    const index = indexOf({ flood: `${HEADER}\n\n${FLOOD}\n\n${FOOTER}` });
    expect(index.query(probe)).toEqual([]);
  });

  it("cluster: pairs lists each near-duplicate pair once, in insertion order", () => {
    const index = indexOf({
      flood: FLOOD,
      election: ELECTION,
      "flood-republished": `${HEADER}\n\n${FLOOD}\n\n${FOOTER}`,
      "flood-trimmed": paragraphs(FLOOD).slice(0, 4).join("\n\n"),
    });
    const pairs = index.pairs().map((p) => `${p.a}~${p.b}`);
    expect(pairs.sort()).toEqual([
      "flood-republished~flood-trimmed",
      "flood~flood-republished",
      "flood~flood-trimmed",
    ]);
  });
});

describe("cluster: signatures", () => {
  it("cluster: signatures are deterministic and pinned", () => {
    const first = signature(FLOOD);
    expect(first).toHaveLength(NUM_PERMUTATIONS);
    expect(signature(FLOOD)).toEqual(first);
    // Pinned so that a change to the seeds or hashing (which invalidates stored signatures) is noticed.
    expect(Array.from(signature("Heavy rain caused the river to burst its banks").slice(0, 4))).toEqual(
      PINNED_SLOTS,
    );
  });

  it.each([
    ["empty", ""],
    ["whitespace and punctuation", "  \n\n — … !! "],
  ])("cluster: %s text has an empty sketch and matches nothing", (_name, text) => {
    const empty = sketch(text);
    expect(empty.shingles).toBe(0);
    expect(Array.from(empty.signature).every((slot) => slot === 0xffffffff)).toBe(true);
    const index = indexOf({ flood: FLOOD, blank: text });
    expect(index.query(text)).toEqual([]);
    expect(index.pairs()).toEqual([]);
  });

  it.each([
    ["one word", "Floods"],
    ["two words", "Elsby floods"],
  ])("cluster: a short text (%s) is one shingle and matches only itself", (_name, text) => {
    expect(sketch(text).shingles).toBe(1);
    const index = indexOf({ short: text, flood: FLOOD });
    expect(index.query(text).map((m) => m.id)).toEqual(["short"]);
    expect(index.query("Elsby rain")).toEqual([]);
  });

  it("cluster: Chinese and Japanese characters are tokens of their own", () => {
    const text = "東京で大雨が降り川が氾濫した。住民は避難所に移動した。";
    expect(sketch(text).shingles).toBeGreaterThan(10);
    expect(compareSketches(sketch(text), sketch(`${text}詳細は後で。`)).overlap).toBeGreaterThan(0.8);
  });

  it("cluster: a text of over 1 MB is sketched in bounded time", () => {
    // Words of the report in a seeded random order: nearly every shingle is new (the worst case).
    const words = FLOOD.split(/\s+/);
    let state = 12345;
    const picked: string[] = [];
    for (let length = 0; length < 1_000_000 || picked.length < MAX_SIGNATURE_TOKENS; ) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const word = words[state % words.length] as string;
      picked.push(word);
      length += word.length + 1;
    }
    const big = picked.join(" ");
    const start = performance.now();
    const result = sketch(big);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(result.signature).toHaveLength(NUM_PERMUTATIONS);
    expect(result.shingles).toBeGreaterThan(100_000);
    expect(result.shingles).toBeLessThanOrEqual(MAX_SIGNATURE_TOKENS);
    // Text past MAX_SIGNATURE_TOKENS is not read; text before it is.
    expect(sketch(`${big} ${ELECTION}`).signature).toEqual(result.signature);
    expect(sketch(`${ELECTION.repeat(50)} ${big}`).signature).not.toEqual(result.signature);
  });

  it.each([
    ["bands that do not divide the signature", { bands: 7 }],
    ["a threshold above 1", { threshold: 1.5 }],
  ])("cluster: an index with %s is refused", (_name, options) => {
    expect(() => new NearDuplicateIndex(options)).toThrow(/bands|threshold/);
  });

  it("cluster: an id can be added once; sketches of another shingle size are refused", () => {
    const index = indexOf({ flood: FLOOD });
    expect(() => index.add("flood", ELECTION)).toThrow(/already/);
    expect(() => index.add("other", sketch(ELECTION, { shingleSize: 7 }))).toThrow(/shingle/);
  });
});

const base = { url: "https://valleycourier.example/news/flood", publisher: "Valley Courier" };

describe("cluster: chooseOriginal", () => {
  it.each<[string, PublicationFacts, PublicationFacts, "a" | "b" | null, string]>([
    [
      "b names a by URL, though dated earlier",
      { ...base, published: "2021-05-04", original: null },
      {
        url: "https://mirror.example/flood",
        publisher: "Mirror",
        published: "2021-05-03",
        original: { url: "http://www.valleycourier.example/news/flood/", publisher: null },
      },
      "a",
      "names-the-other",
    ],
    [
      "a names b by publisher",
      {
        url: "https://mirror.example/flood",
        publisher: "Mirror",
        published: "2021-05-03",
        original: { url: null, publisher: "The Valley Courier" },
      },
      { ...base, published: "2021-05-04" },
      "b",
      "names-the-other",
    ],
    [
      "a names b's site by its host",
      {
        url: "https://mirror.example/flood",
        publisher: "Mirror",
        published: "2021-05-03",
        original: { url: null, publisher: "ValleyCourier" },
      },
      { url: base.url, publisher: null, published: null },
      "b",
      "names-the-other",
    ],
    [
      "a says it is republished from a third site",
      {
        url: "https://mirror.example/flood",
        publisher: "Mirror",
        published: "2021-05-01",
        original: { url: "https://third.example/x", publisher: "Third" },
      },
      { ...base, published: "2021-05-04" },
      "b",
      "other-is-republication",
    ],
    [
      "a notice pointing at the page itself is no republication",
      { ...base, published: "2021-05-01", original: { url: base.url, publisher: "Valley Courier" } },
      { url: "https://mirror.example/flood", publisher: "Mirror", published: "2021-05-02" },
      "a",
      "earlier-date",
    ],
    [
      "no statements: the earlier date",
      { ...base, published: "2021-05-04" },
      { url: "https://mirror.example/flood", publisher: "Mirror", published: "2021-05-02T10:00:00Z" },
      "b",
      "earlier-date",
    ],
    [
      "no statements: date-times on the same day compare by time",
      { ...base, published: "2021-05-04T08:00:00Z" },
      { url: "https://mirror.example/flood", publisher: "Mirror", published: "2021-05-04T13:00:00Z" },
      "a",
      "earlier-date",
    ],
    [
      "a date and a date-time on the same day tie",
      { ...base, published: "2021-05-04" },
      { url: "https://mirror.example/flood", publisher: "Mirror", published: "2021-05-04T13:00:00Z" },
      null,
      "undecided",
    ],
    [
      "no dates",
      { ...base, published: null },
      { url: "https://mirror.example/flood", publisher: "Mirror", published: "not a date" },
      null,
      "undecided",
    ],
  ])("cluster: %s", (_name, a, b, original, reason) => {
    expect(chooseOriginal(a, b)).toEqual({ original, reason });
  });
});

const PINNED_SLOTS = [234492411, 444333024, 31383682, 218840603];
