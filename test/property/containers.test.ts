/**
 * Properties of the ingest readers of multi-document containers — JSON Lines (src/ingest/jsonl.ts), RSS/Atom
 * feeds (feeds.ts), WARC (warc.ts) — and of `readDocuments`, which sniffs and routes any input: they never throw
 * (a bad document becomes a failure with an ingest/ code), a good document has content, documents are named in
 * order, and the result does not depend on how the byte stream is chunked.
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readDocuments } from "../../src/ingest/documents.js";
import { readFeed } from "../../src/ingest/feeds.js";
import type { IngestItem } from "../../src/ingest/index.js";
import { readJsonLines } from "../../src/ingest/jsonl.js";
import { readWarc } from "../../src/ingest/warc.js";
import {
  anyText,
  chunkBy,
  chunkSizes,
  feedXml,
  htmlPage,
  jsonlLine,
  newsText,
  streamOf,
  warcFile,
} from "./arbitraries.js";
import { CHEAP_RUNS, runs, withinTime, withinTimeAsync } from "./invariants.js";

const INPUT = "input";
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Small limits so that records over the limit occur. */
const maxBytes = fc.integer({ min: 1, max: 2000 });

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Every good document has non-blank content; every failure has an ingest/ code and a message. */
function expectWellFormed(items: readonly IngestItem[]): void {
  for (const item of items) {
    if (item.ok) {
      expect(item.doc.content.trim().length).toBeGreaterThan(0);
      expect(["html", "text"]).toContain(item.doc.format);
    } else {
      expect(item.code).toMatch(/^ingest\//);
      expect(item.message.length).toBeGreaterThan(0);
    }
  }
}

/** The line numbers that must yield an item: non-blank lines, and lines over the limit. */
function expectedLineNumbers(text: string, limit: number): number[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.flatMap((line, i) =>
    Buffer.byteLength(line) > limit || line.replace(/\r$/, "").trim().length > 0 ? [i + 1] : [],
  );
}

const jsonlText = fc
  .tuple(fc.array(jsonlLine, { maxLength: 12 }), fc.boolean())
  .map(([lines, trailing]) => `${lines.join("\n")}${trailing ? "\n" : ""}`);

describe("property: JSON Lines", () => {
  it("jsonl: one item per non-blank line, named <input>#<line>, in order, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(jsonlText, chunkSizes, maxBytes, async (text, sizes, limit) => {
        const context = { input: INPUT, maxBytes: limit, encoding: "utf-8" as const, bom: false };
        const bytes = Buffer.from(text, "utf8");
        const items = await withinTimeAsync(() =>
          collect(readJsonLines(streamOf(chunkBy(bytes, sizes)), context)),
        );
        expectWellFormed(items);
        const names = items.map((item) => (item.ok ? item.doc.name : item.input));
        const lines = expectedLineNumbers(text, limit);
        if (lines.length === 0)
          expect(items).toMatchObject([{ ok: false, input: INPUT, code: "ingest/empty" }]);
        else expect(names).toEqual(lines.map((n) => `${INPUT}#${n}`));
        const whole = await collect(readJsonLines(streamOf([bytes]), context));
        expect(items).toEqual(whole);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("jsonl: a good record's content is its html (else text), exactly", async () => {
    await fc.assert(
      fc.asyncProperty(jsonlText, async (text) => {
        const context = { input: INPUT, maxBytes: 1 << 20, encoding: "utf-8" as const, bom: false };
        const lines = text.split("\n");
        for (const item of await collect(readJsonLines(streamOf([Buffer.from(text)]), context))) {
          if (!item.ok) continue;
          const lineNo = Number(item.doc.name.slice(INPUT.length + 1));
          const record = JSON.parse((lines[lineNo - 1] as string).replace(/^\uFEFF/, ""));
          expect(item.doc.content).toBe(record.html ?? record.text);
        }
      }),
      runs(CHEAP_RUNS),
    );
  });

  it.each(["utf-16le", "utf-16be"] as const)(
    "jsonl: %s input, chunked anywhere (even inside a code unit), reads as its UTF-8 twin",
    async (encoding) => {
      await fc.assert(
        fc.asyncProperty(jsonlText, chunkSizes, async (text, sizes) => {
          const utf8 = await collect(
            readJsonLines(streamOf([Buffer.from(text)]), {
              input: INPUT,
              maxBytes: 1 << 20,
              encoding: "utf-8",
              bom: false,
            }),
          );
          const utf16 = await collect(
            readJsonLines(streamOf(chunkBy(iconv.encode(text, encoding), sizes)), {
              input: INPUT,
              maxBytes: 1 << 20,
              encoding,
              bom: false,
            }),
          );
          const strip = (items: IngestItem[]) =>
            items.map((item) => (item.ok ? { ...item.doc, encoding: null } : item));
          expect(strip(utf16)).toEqual(strip(utf8));
        }),
        runs(CHEAP_RUNS / 3),
      );
    },
  );
});

describe("property: feeds", () => {
  it("feeds: never throws; items are <input>#1..n (or one failure for the feed); dates come out as ISO or as written", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: feedXml }, { weight: 1, arbitrary: anyText }), (xml) => {
        const items = withinTime(() =>
          readFeed(xml, { input: INPUT, encoding: { name: "utf-8", by: "default" } }),
        );
        expect(items.length).toBeGreaterThan(0);
        expectWellFormed(items);
        const names = items.map((item) => (item.ok ? item.doc.name : item.input));
        if (names[0] === INPUT) expect(items).toMatchObject([{ ok: false, code: "ingest/bad-feed" }]);
        else expect(names).toEqual(items.map((_, i) => `${INPUT}#${i + 1}`));
        for (const item of items) {
          if (!item.ok) expect(item.code).toBe("ingest/bad-feed");
          const published = item.ok ? item.doc.hints?.published : undefined;
          if (published !== undefined && !Number.isNaN(Date.parse(published))) {
            expect(published).toMatch(ISO_DATE_TIME);
          }
        }
      }),
      runs(CHEAP_RUNS),
    );
  });
});

describe("property: WARC", () => {
  it("warc: never throws; the same documents whatever the chunking; a bad-warc failure ends the file", async () => {
    await fc.assert(
      fc.asyncProperty(warcFile, chunkSizes, maxBytes, async (bytes, sizes, limit) => {
        const context = { input: INPUT, maxBytes: limit };
        const items = await withinTimeAsync(() =>
          collect(readWarc(streamOf(chunkBy(bytes, sizes)), context)),
        );
        expectWellFormed(items);
        for (const item of items) {
          if (!item.ok) expect(["ingest/bad-warc", "ingest/too-large", "ingest/empty"]).toContain(item.code);
        }
        const badWarc = items.findIndex((item) => !item.ok && item.code === "ingest/bad-warc");
        if (badWarc >= 0) expect(badWarc).toBe(items.length - 1);
        expect(items).toEqual(await collect(readWarc(streamOf([bytes]), context)));
      }),
      runs(CHEAP_RUNS),
    );
  });
});

/** Bytes of any input format, sometimes gzipped. */
const anyInput: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.oneof(
      htmlPage.map((t) => Buffer.from(t)),
      newsText.map((t) => Buffer.from(t)),
      jsonlText.map((t) => Buffer.from(t)),
      feedXml.map((t) => Buffer.from(t)),
      warcFile,
      fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)),
    ),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([bytes, gzip]) => (gzip === 0 ? gzipSync(bytes) : bytes));

describe("property: reading any input", () => {
  it("ingest: readDocuments never throws, for any bytes, --from and limit, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyInput,
        chunkSizes,
        fc.constantFrom("html", "text", "jsonl", "feed", "warc", undefined),
        fc.integer({ min: 1, max: 1 << 16 }),
        async (bytes, sizes, from, limit) => {
          let closed = false;
          const source = {
            name: INPUT,
            chunks: streamOf(chunkBy(bytes, sizes)),
            close: () => (closed = true),
          };
          const items = await withinTimeAsync(() =>
            collect(readDocuments(source, { from, maxBytes: limit })),
          );
          expect(items.length).toBeGreaterThan(0);
          expectWellFormed(items);
          expect(closed).toBe(true);
        },
      ),
      runs(CHEAP_RUNS),
    );
  });
});
