import { describe, expect, it } from "vitest";
import { toSourceRange } from "../../../src/core/offsets.js";
import { extractText } from "../../../src/extract/text/index.js";

const ARTICLE = [
  "Skip to content",
  "",
  "Clashes Erupt Near Border Crossing",
  "",
  "By Jane Roe",
  "",
  "Example Daily, March 3, 2024",
  "",
  "Clashes broke out near the main border crossing on Sunday, officials said, forcing the crossing to close for several hours.",
  "",
  "Related: [Earlier clashes in the area](https://example.org/earlier)",
  "",
  "Two soldiers were wounded, according to a statement from the army, which blamed an armed group operating in the hills.",
  "",
  "The crossing reopened in the evening. Traders said long queues of trucks had formed on both sides of the border and",
  "",
  "waited into the night.",
  "",
  "Share on Facebook",
  "",
  "© 2024 Example Daily",
].join("\n");

/** Every non-blank input line is in the body or in the boilerplate (nothing lost). */
function unaccountedLines(input: string): string[] {
  const r = extractText(input);
  const missing: string[] = [];
  let offset = 0;
  for (const raw of input.split(/\n/)) {
    const lead = raw.length - raw.trimStart().length;
    const len = raw.trim().length;
    const start = offset + lead;
    offset += raw.length + 1;
    if (len === 0) continue;
    const inBody = r.paragraphs.some((p) =>
      p.segments.some((s) => s.srcStart < start + len && s.srcEnd > start),
    );
    const removed = r.boilerplate.some(
      (b) => b.source && b.source.start <= start && b.source.end >= start + len,
    );
    if (!inBody && !removed) missing.push(raw.trim());
  }
  return missing;
}

describe("text-extract: body selection", () => {
  const r = extractText(ARTICLE, { url: "https://example.org/a" });
  it("text-extract: keeps the body, drops the in-body related line, joins the broken paragraph", () => {
    expect(r.paragraphs.map((p) => p.text)).toEqual([
      "Clashes broke out near the main border crossing on Sunday, officials said, forcing the crossing to close for several hours.",
      "Two soldiers were wounded, according to a statement from the army, which blamed an armed group operating in the hills.",
      "The crossing reopened in the evening. Traders said long queues of trucks had formed on both sides of the border and waited into the night.",
    ]);
    expect(r.path).toBe("text/scored-core");
  });
  it("text-extract: reads the header", () => {
    expect(r.meta).toMatchObject({
      title: "Clashes Erupt Near Border Crossing",
      authors: ["Jane Roe"],
      publisher: "Example Daily",
      published: "2024-03-03",
      url: "https://example.org/a",
    });
  });
  it("text-extract: body offsets map back into the input", () => {
    for (const p of r.paragraphs) {
      const range = toSourceRange(p.segments, { start: 0, end: p.text.length });
      expect(range).not.toBeNull();
      for (const s of p.segments)
        expect(p.text.slice(s.start, s.end)).toBe(ARTICLE.slice(s.srcStart, s.srcEnd));
    }
  });
  it("text-extract: removed units carry kinds and reasons", () => {
    expect(r.boilerplate.map((b) => b.kind)).toEqual([
      "navigation",
      "title",
      "byline",
      "metadata",
      "related",
      "share",
      "copyright",
    ]);
  });
});

describe("text-extract: container hints win", () => {
  it.each([
    [{ title: "Border clashes (container title)" }, "Border clashes (container title)", "2024-03-03"],
    [{ published: "2024-03-04T08:00:00Z" }, "Clashes Erupt Near Border Crossing", "2024-03-04T08:00:00Z"],
    [
      { title: "Clashes Erupt Near Border Crossing", published: "2024-03-05" },
      "Clashes Erupt Near Border Crossing",
      "2024-03-05",
    ],
  ])("text-extract: hints %j", (hints, title, published) => {
    const r = extractText(ARTICLE, { hints });
    expect(r.meta.title).toBe(title);
    expect(r.meta.published).toBe(published);
    expect(r.paragraphs).toHaveLength(3);
  });
});

describe("text-extract: nothing lost, never throws", () => {
  it.each([
    ["article", ARTICLE],
    ["empty", ""],
    ["whitespace only", " \n\n\t\n"],
    ["one word", "Hello"],
    ["CRLF", ARTICLE.replace(/\n/g, "\r\n")],
    ["markup soup", "[[x](y)](z) ![](a.png) **__** <not-a-link> * _ ` [unclosed](\n\n[a](#) | [b](#)"],
    ["a huge line", `${"word ".repeat(20000)}.`],
    ["control characters", "\u0000\u0001 text \u0007\n\nmore text here."],
    ["only boilerplate", "Menu\n\nShare on Facebook\n\n© 2024 Example"],
  ])("text-extract: %s", (_name, input) => {
    expect(() => extractText(input)).not.toThrow();
    expect(unaccountedLines(input.replace(/\r/g, ""))).toEqual([]);
  });

  it.each([
    ["", "extract/no-article"],
    ["Menu\n\nShare on Facebook\n\n© 2024 Example", "extract/no-article"],
  ])("text-extract: %j → %s", (input, code) => {
    const r = extractText(input);
    expect(r.paragraphs).toEqual([]);
    expect(r.path).toBe("text/none");
    expect(r.diagnostics.map((d) => d.code)).toContain(code);
  });

  it("text-extract: a short brief comes through the relaxed path", () => {
    const r = extractText(
      "Explosion Reported\n\nA loud explosion was heard on Thursday.\n\nShare on Facebook",
    );
    expect(r.paragraphs.map((p) => p.text)).toEqual(["A loud explosion was heard on Thursday."]);
    expect(r.path).toBe("text/relaxed");
    expect(r.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["extract/fallback", "extract/short-article"]),
    );
  });
});

describe("text-extract: related boxes", () => {
  const head = [
    "Strikes Hit Port City",
    "By Jane Roe",
    "Strikes hit the port city overnight, officials said, damaging warehouses and a fuel depot near the harbour.",
    "Residents reported at least six explosions shortly after midnight. Firefighters worked through the night.",
    "Related stories",
    "[Earlier strikes on the port](https://example.org/a)",
  ];
  it.each([
    [
      "a mid-article box: the body resumes after it",
      [
        ...head,
        "[Shipping firms suspend calls](https://example.org/b)",
        "The port authority said operations would resume on Wednesday once the damage had been assessed.",
        "Officials said two workers were injured and taken to hospital, where they were in stable condition.",
      ],
      4,
    ],
    [
      "an end-of-page teaser list with summaries: the body ends at the heading",
      [
        ...head,
        "Missiles struck the same district last month, killing three people and damaging the rail station.",
        "[Shipping firms suspend calls](https://example.org/b)",
        "Two of the largest container lines said they would stop calling at the port until further notice.",
      ],
      2,
    ],
  ])("text-extract: %s", (_name, lines, paragraphs) => {
    const r = extractText(lines.join("\n\n"));
    expect(r.paragraphs).toHaveLength(paragraphs);
  });
});

describe("text-extract: title with a site suffix", () => {
  it('text-extract: "Title | Site" gives the title and, without a date line, the publisher', () => {
    const input = [
      "Fighting Flares in the Capital | Example News",
      "Fighting flared in the capital on Monday as the army and a paramilitary group traded artillery fire, residents said.",
      "Hospitals in the city centre reported dozens of wounded, and the health ministry appealed for blood donations.",
    ].join("\n\n");
    const r = extractText(input);
    expect(r.meta.title).toBe("Fighting Flares in the Capital");
    expect(r.meta.publisher).toBe("Example News");
    expect(r.paragraphs).toHaveLength(2);
    expect(r.boilerplate[0]?.kind).toBe("title");
  });
});
