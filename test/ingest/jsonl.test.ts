import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/ingest/index.js";
import { collect, NEWS_PARAGRAPH, summarize, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();

const GOOD_HTML = {
  url: "https://news.example/1",
  html: `<html><body><p>${NEWS_PARAGRAPH}</p></body></html>`,
};
const GOOD_TEXT = {
  url: "https://news.example/2",
  text: NEWS_PARAGRAPH,
  title: "Clashes",
  published: "2024-05-03",
};

const MIXED_LINES = [
  JSON.stringify(GOOD_HTML),
  "{not json",
  JSON.stringify({ url: "https://news.example/3", title: "No body" }),
  "",
  JSON.stringify({ url: "https://news.example/4", text: 42 }),
  JSON.stringify(GOOD_TEXT),
  "[1, 2, 3]",
  JSON.stringify({ url: "https://news.example/5", text: "   " }),
  JSON.stringify({ url: 7, html: "<p>x</p>" }),
  JSON.stringify({ text: "No url is fine.", title: null }),
].join("\n");

describe("ingest: JSON Lines", () => {
  it.each([
    ["plain", (s: string) => Buffer.from(s), "articles.jsonl"],
    ["gzip'd", (s: string) => gzipSync(s), "articles.jsonl.gz"],
    ["CRLF", (s: string) => Buffer.from(s.replaceAll("\n", "\r\n")), "articles.jsonl"],
    ["with a UTF-8 BOM", (s: string) => Buffer.from(`\uFEFF${s}`), "articles.jsonl"],
    ["UTF-16LE with a BOM", (s: string) => Buffer.from(`\uFEFF${s}`, "utf16le"), "articles.data"],
  ])(
    "ingest: a %s JSON Lines file yields each good line and a failure per bad line",
    async (_name, encode, fileName) => {
      const [file] = writeFiles(tmp(), { [fileName]: encode(MIXED_LINES) }) as [string];
      const items = await collect([file]);
      expect(items.map((i) => summarize(i).replace(file, "F"))).toEqual([
        "ok F#1 html",
        "ingest/bad-jsonl F#2",
        "ingest/bad-jsonl F#3",
        "ingest/bad-jsonl F#5",
        "ok F#6 text",
        "ingest/bad-jsonl F#7",
        "ingest/empty F#8",
        "ingest/bad-jsonl F#9",
        "ok F#10 text",
      ]);
      const [first, , , , second] = items;
      expect(first).toMatchObject({ ok: true, doc: { url: GOOD_HTML.url, content: GOOD_HTML.html } });
      expect(second).toMatchObject({
        ok: true,
        doc: {
          url: GOOD_TEXT.url,
          content: NEWS_PARAGRAPH,
          hints: { title: "Clashes", published: "2024-05-03" },
        },
      });
    },
  );

  it.each([
    ["{not json", /invalid JSON/],
    [JSON.stringify({ url: "u", title: "No body" }), /needs "html" or "text"/],
    [JSON.stringify({ url: "u", text: 42 }), /text: .*string/i],
    ["[1, 2, 3]", /record: .*object/i],
    [JSON.stringify({ url: 7, html: "<p>x</p>" }), /url: .*string/i],
  ])("ingest: the bad line %s says why (%s)", async (line, reason) => {
    const [file] = writeFiles(tmp(), { "a.jsonl": `${JSON.stringify(GOOD_TEXT)}\n${line}\n` }) as [string];
    const [, bad] = await collect([file]);
    expect(bad).toMatchObject({ ok: false, code: "ingest/bad-jsonl", input: `${file}#2` });
    if (bad && !bad.ok) expect(bad.message).toMatch(reason);
  });

  it("ingest: a line longer than maxBytes is too-large and the next lines still come", async () => {
    const long = JSON.stringify({ url: "u", text: "x".repeat(5000) });
    const [file] = writeFiles(tmp(), {
      "a.jsonl": [JSON.stringify(GOOD_TEXT), long, JSON.stringify(GOOD_TEXT)].join("\n"),
    }) as [string];
    const items = await collect([file], { maxBytes: 1000 });
    expect(items.map((i) => summarize(i).replace(file, "F"))).toEqual([
      "ok F#1 text",
      "ingest/too-large F#2",
      "ok F#3 text",
    ]);
  });

  it("ingest: a first record longer than the sniffed head is still recognised as JSON Lines", async () => {
    const big = { url: "u", html: `<html><body>${`<p>${NEWS_PARAGRAPH}</p>`.repeat(600)}</body></html>` };
    const [file] = writeFiles(tmp(), {
      "big.data": `${JSON.stringify(big)}\n${JSON.stringify(GOOD_TEXT)}\n`,
    }) as [string];
    const items = await collect([file]);
    expect(items.map((i) => summarize(i).replace(file, "F"))).toEqual(["ok F#1 html", "ok F#2 text"]);
    expect(items[0]).toMatchObject({ ok: true, doc: { content: big.html } });
  });

  it("ingest: JSON Lines from stdin", async () => {
    const { Readable } = await import("node:stream");
    const stdin = Readable.from([Buffer.from(`${JSON.stringify(GOOD_TEXT)}\n${JSON.stringify(GOOD_HTML)}`)]);
    const items = await collect(["-"], { stdin });
    expect(items.map(summarize)).toEqual(["ok -#1 text", "ok -#2 html"]);
  });

  it("ingest: a truncated gzip'd JSON Lines file yields its readable lines, then the gzip failure", async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ ...GOOD_TEXT, url: `u${i}` })).join(
      "\n",
    );
    const gz = gzipSync(lines);
    const [file] = writeFiles(tmp(), { "cut.jsonl.gz": gz.subarray(0, Math.floor(gz.length / 2)) }) as [
      string,
    ];
    const items = await collect([file]);
    const last = items.at(-1);
    expect(last).toMatchObject({ ok: false, code: "ingest/gzip-truncated", input: file });
    expect(items.slice(0, -1).every((i) => i.ok)).toBe(true);
    expect(items.length).toBeGreaterThan(10);
  });

  it("ingest: a large JSON Lines file streams (more than maxBytes in all, one record at a time)", async () => {
    const file = join(tmp(), "many.jsonl");
    const out = createWriteStream(file);
    const line = `${JSON.stringify(GOOD_TEXT)}\n`;
    for (let i = 0; i < 5000; i++) if (!out.write(line)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    let count = 0;
    for await (const item of readInputs([file], { maxBytes: 64 * 1024 })) {
      expect(item.ok).toBe(true);
      count++;
    }
    expect(count).toBe(5000);
  });
});
