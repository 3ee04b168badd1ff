/**
 * Regressions of issue 6 ("Hostile input"): each test pins one crash, hang or silent mis-read that the hostile
 * corpus or the property tests (test/property) found, with the smallest input that showed it. Time-bound tests
 * use the property suite's hang guard (MAX_MS_PER_INPUT, generous): before the fix each took several times
 * longer, after it a small fraction.
 */
import { gzipSync } from "node:zlib";
import { DomUtils } from "htmlparser2";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { analyze, failureOf, PIPELINE } from "../../src/analyze/index.js";
import type { Doc } from "../../src/core/doc.js";
import { MAX_MARKUP_DEPTH } from "../../src/core/markup.js";
import { extractMainText, parseHtml } from "../../src/extract/html/index.js";
import { extractArticle } from "../../src/extract/index.js";
import { extractHtmlMetadata } from "../../src/extract/metadata/index.js";
import { readJsonLd } from "../../src/extract/metadata/json-ld.js";
import { extractText } from "../../src/extract/text/index.js";
import { readDocuments } from "../../src/ingest/documents.js";
import { readFeed } from "../../src/ingest/feeds.js";
import type { IngestItem } from "../../src/ingest/index.js";
import { readJsonLines } from "../../src/ingest/jsonl.js";
import { sniffFormatOfHead } from "../../src/ingest/sniff.js";
import { splitSentences } from "../../src/nlp/index.js";
import { withinTime } from "../property/invariants.js";
import { NESTING_DEPTH } from "./corpus.js";

const REPORT = "Gunmen killed three civilians near Gao on Monday, police said.";
const UTF8_ENCODING = { name: "utf-8", by: "default" } as const;

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

/** Read one in-memory input the way `sitrep ingest` reads a file. */
function readBytes(bytes: Buffer, from?: "jsonl"): Promise<IngestItem[]> {
  return collect(
    readDocuments({ name: "input", chunks: chunks(bytes), close: () => {} }, { from, maxBytes: 1 << 20 }),
  );
}

/** Depth of the deepest node (iterative: the tree may be deep). */
function treeDepth(root: { children?: unknown[] }): number {
  let deepest = 0;
  const stack: [{ children?: unknown[] }, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [{ children?: unknown[] }, number];
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? []) stack.push([child as { children?: unknown[] }, depth + 1]);
  }
  return deepest;
}

/** Run the pipeline over `content`, timing only the stage called `name` (the others run untimed). */
function runStageTimed(content: string, format: "html" | "text", name: string): Doc {
  const doc = extractArticle({ name: "input", format, content });
  for (const stage of PIPELINE.stages) {
    if (stage.name === name) withinTime(() => stage.run(doc, {}));
    else stage.run(doc, {});
  }
  return doc;
}

describe("issue-6: deep nesting", () => {
  it("issue-6: 100,000 nested <div>s parse in linear time, nested at most MAX_MARKUP_DEPTH deep, text kept", () => {
    const html = `<body>${"<div>".repeat(NESTING_DEPTH)}<p>${REPORT}</p>${"</div>".repeat(NESTING_DEPTH)}</body>`;
    const document = withinTime(() => parseHtml(html));
    expect(treeDepth(document)).toBeLessThanOrEqual(MAX_MARKUP_DEPTH + 3);
    const main = withinTime(() => extractMainText(document, html));
    expect(main.paragraphs.map((p) => p.text)).toEqual([REPORT]);
  });

  it("issue-6: a feed item nested 100,000 deep is read in linear time", () => {
    const xml = `<rss><channel><item><title>Deep</title><description>${"<x>".repeat(NESTING_DEPTH)}${REPORT}</description></item></channel></rss>`;
    const items = withinTime(() => readFeed(xml, { input: "feed", encoding: UTF8_ENCODING }));
    expect(items).toHaveLength(1);
    expect(items[0]?.ok && items[0].doc.hints?.title).toBe("Deep");
  });
});

describe("issue-6: offsets", () => {
  it("issue-6: an element left open at the end of the page ends inside it (counterexample of property html)", () => {
    const html = '<html><p<svg hidden=""></svg>Gunmen ';
    const document = parseHtml(html);
    for (const element of DomUtils.findAll(() => true, document.children)) {
      expect(element.endIndex).toBeLessThan(html.length);
    }
    for (const removed of extractMainText(document, html).boilerplate) {
      expect(removed.source?.end).toBeLessThanOrEqual(html.length);
    }
  });
});

describe("issue-6: containers read as what they are", () => {
  it("issue-6: a WARC file of an unsupported version is ingest/bad-warc, not a text document", async () => {
    const warc = "WARC/0.18\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n";
    expect(sniffFormatOfHead(warc, { complete: true })).toBe("warc");
    const items = await readBytes(Buffer.from(warc));
    expect(items).toMatchObject([{ ok: false, code: "ingest/bad-warc" }]);
    expect(items[0]?.ok === false && items[0].message).toMatch(/unsupported WARC version "WARC\/0\.18"/);
  });

  it.each([
    [
      "RSS 0.91 with its public DOCTYPE",
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">',
    ],
    [
      "an internal subset declaring entities (billion laughs)",
      '<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>',
    ],
  ])("issue-6: a feed that starts with %s is read as a feed", async (_name, doctype) => {
    const xml = `<?xml version="1.0"?>\n${doctype}\n<rss version="0.91"><channel><item><title>&b;</title><description>${REPORT}</description></item></channel></rss>`;
    expect(sniffFormatOfHead(xml, { complete: true })).toBe("feed");
    const items = await readBytes(Buffer.from(xml));
    expect(items).toMatchObject([
      { ok: true, doc: { name: "input#1", content: REPORT, hints: { title: "&b;" } } },
    ]);
  });

  it("issue-6: JSON Lines of nothing but blank lines are reported as ingest/empty (counterexample: gzip of \\n)", async () => {
    const items = await readBytes(gzipSync("\n"), "jsonl");
    expect(items).toMatchObject([{ ok: false, input: "input", code: "ingest/empty" }]);
  });

  it("issue-6: UTF-16 JSON Lines cut inside a surrogate pair keep the character (counterexample: 𐀀 in 1-byte chunks)", async () => {
    const line = `{"text":"𐀀 ${REPORT} 👍"}`;
    for (const encoding of ["utf-16le", "utf-16be"] as const) {
      const bytes = iconv.encode(line, encoding);
      const oneByteChunks = [...bytes].map((byte) => Buffer.from([byte]));
      const items = await collect(
        readJsonLines(chunks(...oneByteChunks), { input: "input", maxBytes: 1 << 20, encoding, bom: false }),
      );
      expect(items).toMatchObject([{ ok: true, doc: { content: `𐀀 ${REPORT} 👍` } }]);
    }
  });
});

describe("issue-6: what reaches the store", () => {
  it("issue-6: a text without an article body fails with extract/no-article (it was a warning, and an empty article landed)", () => {
    const text = "\u0000\u0001\u0002".repeat(1000);
    const extraction = extractText(text);
    expect(extraction.paragraphs).toEqual([]);
    expect(extraction.diagnostics).toMatchObject([{ code: "extract/no-article", severity: "error" }]);
    expect(failureOf(analyze({ name: "input", format: "text", content: text }))?.code).toBe(
      "extract/no-article",
    );
  });

  it.each([
    ["yesterday", null],
    ["", null],
    ["Thu, 09 May 2024 10:00:00 GMT", "2024-05-09T10:00:00Z"],
  ])(
    "issue-6: a published hint %j is read as a date or dropped, and no stage fails on it (counterexample of property analyze)",
    (published, expected) => {
      for (const format of ["text", "html"] as const) {
        const content = format === "html" ? `<p>${REPORT}</p>` : REPORT;
        const doc = analyze({ name: "input", format, content, hints: { published } });
        expect(doc.diagnostics.filter((d) => d.code === "pipeline/stage-failed")).toEqual([]);
        expect(doc.article.published).toBe(expected);
      }
    },
  );
});

describe("issue-6: bounded time and stack on long inputs", () => {
  it.each([
    [
      'a paragraph of 48,000 "Gen. " (ICU segments the whole string for each sentence)',
      "Gen. ".repeat(48_000),
    ],
    ["a 120,000-character word (each start position rescanned the run)", "—".repeat(120_000)],
  ])("issue-6: sentence splitting of %s is linear", (_name, text) => {
    const sentences = withinTime(() => splitSentences(text, 0, text.length));
    expect(sentences.length).toBeGreaterThan(0);
  });

  it.each(["<", "["])("issue-6: a 120,000-character line of %j is read as text in linear time", (mark) => {
    const line = mark.repeat(120_000);
    const result = withinTime(() => extractText(`${REPORT}\n\n${line}`));
    expect(result.paragraphs.length).toBeGreaterThan(0);
  });

  it("issue-6: 20,000 empty inline siblings with a byline class are judged in linear time", () => {
    const html = `<body><p>${REPORT}</p>${"<span class=byline>".repeat(20_000)}</body>`;
    const main = withinTime(() => extractMainText(parseHtml(html), html));
    expect(main.paragraphs.map((p) => p.text)).toContain(REPORT);
  });

  it("issue-6: 14,000 og:title metas are weighed in linear time", () => {
    const html = `<head>${'<meta property="og:title" content="A title">'.repeat(14_000)}</head><body><p>${REPORT}</p></body>`;
    const meta = withinTime(() => extractHtmlMetadata(parseHtml(html)));
    expect(meta.title).toBe("A title");
  });

  it("issue-6: 90,000 paragraphs find their sentences' events in linear time", () => {
    runStageTimed(`${"<p>a<br>".repeat(90_000)}<p>${REPORT}</p>`, "html", "events");
  });

  it("issue-6: 12,600 stated distances are checked in linear time", () => {
    const doc = runStageTimed("40 km east of Gao. ".repeat(12_600), "text", "geo");
    expect(doc.layers.places.length).toBeGreaterThan(0);
  });

  it("issue-6: a paragraph of 200,000 source segments and JSON-LD of 300,000 keywords do not overflow the stack", () => {
    const doc = extractArticle({ name: "input", format: "text", content: "**a** ".repeat(100_000) });
    expect(doc.text.length).toBeGreaterThan(0);
    const facts = readJsonLd([JSON.stringify({ "@type": "NewsArticle", keywords: "war,".repeat(300_000) })]);
    expect(facts.keywords.length).toBeGreaterThan(0);
  });
});
